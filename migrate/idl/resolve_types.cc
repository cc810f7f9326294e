// Type constructors → flat::Type: built-in types, named types through aliases, inline layouts,
// and constraints (bounds, optionality, handle subtypes and rights, protocol ends).
#include <cctype>

#include "migrate/idl/builtin_libraries.h"
#include "migrate/idl/resolver.h"

namespace fdfkit::idl {
namespace {

bool IsOptionalConstraint(const raw::Constant& c) {
  return c.kind == raw::Constant::Kind::kIdentifier && c.text == "optional";
}

}  // namespace

flat::Type Resolver::ResolveType(const raw::TypeConstructor& t, const Scope* scope,
                                 const std::string& inline_name) {
  flat::Type out;
  if (t.layout) {
    std::unique_ptr<flat::Decl> decl = NewLayoutDecl(t.layout->kind);
    decl->name.name = inline_name.empty() ? "Anonymous" : inline_name;
    decl->loc = t.loc;
    decl->attrs = t.layout->attrs;
    decl->anonymous = true;
    flat::Decl* registered = Register(std::move(decl), Source{nullptr, t.layout.get(), scope});
    Resolve(registered);
    out.kind = flat::Type::Kind::kIdentifier;
    out.decl = registered;
    ApplyConstraints(&out, t.constraints, scope, t.loc);
    return out;
  }
  size_t want_args = 0;
  // Old FIDL's built-in `bytes` is `vector<uint8>`, unless the library declares a `bytes` itself.
  if (t.name == "bytes" && t.type_args.empty() && !library_->by_name.count("bytes")) {
    out.kind = flat::Type::Kind::kVector;
    out.element = std::make_shared<flat::Type>();
    out.element->primitive = flat::PrimitiveKind::kUint8;
    ApplyConstraints(&out, t.constraints, scope, t.loc);
    return out;
  }
  if (auto primitive = flat::PrimitiveFromName(t.name)) {
    out.primitive = *primitive;
  } else if (t.name == "string") {
    out.kind = flat::Type::Kind::kString;
  } else if (t.name == "vector" || t.name == "array" || t.name == "box") {
    out.kind = t.name == "vector" ? flat::Type::Kind::kVector
               : t.name == "array" ? flat::Type::Kind::kArray
                                   : flat::Type::Kind::kBox;
    want_args = 1;
    if (t.type_args.size() != 1) {
      reporter_->Report(diag::kNeedsElementType, t.loc, t.name);
      out = flat::Type();
      return out;
    }
    out.element = std::make_shared<flat::Type>(ResolveType(t.type_args[0], scope, inline_name));
    if (out.kind == flat::Type::Kind::kArray) {
      std::optional<uint32_t> count = t.size_arg ? ResolveSize(*t.size_arg, scope) : std::nullopt;
      if (!t.size_arg) {
        reporter_->Report(diag::kArrayNeedsLength, t.loc);
      } else if (count && (*count == 0 || *count == flat::TypeShape::kUnbounded)) {
        reporter_->Report(diag::kArrayLengthOutOfRange, t.size_arg->loc);
      } else if (count) {
        out.element_count = *count;
        out.size_expr = std::make_shared<flat::ConstantExpr>(ExpressionOf(*t.size_arg, scope));
      }
    }
    if (out.kind == flat::Type::Kind::kBox) {
      out.nullable = true;
      if (out.element->kind != flat::Type::Kind::kIdentifier ||
          out.element->decl->kind != flat::Decl::Kind::kStruct) {
        reporter_->Report(diag::kBoxNeedsStruct, t.type_args[0].loc);
      }
    }
  } else if (t.name == "client_end" || t.name == "server_end") {
    out.kind = t.name == "client_end" ? flat::Type::Kind::kClientEnd : flat::Type::Kind::kServerEnd;
  } else {
    auto target = Lookup(t.name, t.loc, scope);
    if (!target) return out;
    if (target->member) {
      reporter_->Report(diag::kMemberIsNotAType, t.loc, t.name);
      return out;
    }
    const flat::Decl* decl = target->decl;
    switch (decl->kind) {
      case flat::Decl::Kind::kAlias:
        Resolve(const_cast<flat::Decl*>(decl));
        out = static_cast<const flat::Alias*>(decl)->target;
        out.alias = decl;
        break;
      case flat::Decl::Kind::kProtocol:  // a bare protocol reference: banjo and old FIDL
        out.kind = flat::Type::Kind::kClientEnd;
        out.decl = decl;
        break;
      case flat::Decl::Kind::kResource:
        out.kind = flat::Type::Kind::kHandle;
        out.decl = decl;
        break;
      case flat::Decl::Kind::kConst:
      case flat::Decl::Kind::kService:
        reporter_->Report(diag::kNotAType, t.loc, t.name, flat::DeclKindName(decl->kind));
        return out;
      default:
        out.kind = flat::Type::Kind::kIdentifier;
        out.decl = decl;
        break;
    }
  }
  if (t.type_args.size() != want_args) {
    reporter_->Report(diag::kNoTypeArguments, t.loc, t.name);
  }
  bool constrained = ApplyConstraints(&out, t.constraints, scope, t.loc);
  if (constrained &&
      (out.kind == flat::Type::Kind::kClientEnd || out.kind == flat::Type::Kind::kServerEnd) &&
      !out.decl) {
    reporter_->Report(diag::kEndNeedsProtocol, t.loc, t.name, t.name);
  }
  // `S?` is the old spelling of `box<S>`.
  if (out.kind == flat::Type::Kind::kIdentifier && out.nullable &&
      out.decl->kind == flat::Decl::Kind::kStruct) {
    flat::Type boxed;
    boxed.kind = flat::Type::Kind::kBox;
    boxed.nullable = true;
    out.nullable = false;
    boxed.element = std::make_shared<flat::Type>(std::move(out));
    out = std::move(boxed);
  }
  return out;
}

bool Resolver::ApplyConstraints(flat::Type* type, const std::vector<raw::Constant>& constraints,
                                const Scope* scope, llvm::SMLoc loc) {
  bool ok = true;
  auto fail = [&](const raw::Constant& c, const auto& def, const auto&... args) {
    reporter_->Report(def, c.loc.isValid() ? c.loc : loc, args...);
    ok = false;
  };
  auto kind_name = [&] {
    return type->kind == flat::Type::Kind::kIdentifier ? flat::DeclKindName(type->decl->kind)
                                                       : flat::TypeKindName(type->kind);
  };
  for (const raw::Constant& c : constraints) {
    if (IsOptionalConstraint(c)) {
      bool can_be_optional =
          type->kind == flat::Type::Kind::kString || type->kind == flat::Type::Kind::kVector ||
          type->kind == flat::Type::Kind::kHandle || type->kind == flat::Type::Kind::kClientEnd ||
          type->kind == flat::Type::Kind::kServerEnd || type->kind == flat::Type::Kind::kBox ||
          (type->kind == flat::Type::Kind::kIdentifier &&
           (type->decl->kind == flat::Decl::Kind::kStruct ||
            type->decl->kind == flat::Decl::Kind::kUnion));
      if (!can_be_optional) {
        fail(c, diag::kCannotBeOptional, kind_name());
      } else {
        type->nullable = true;
      }
      continue;
    }
    switch (type->kind) {
      case flat::Type::Kind::kString:
      case flat::Type::Kind::kVector: {
        if (type->bounded) {
          fail(c, diag::kBoundAlreadyGiven);
          break;
        }
        if (auto bound = ResolveSize(c, scope)) {
          if (*bound != flat::TypeShape::kUnbounded) {
            type->bounded = true;
            type->element_count = *bound;
            type->size_expr = std::make_shared<flat::ConstantExpr>(ExpressionOf(c, scope));
          }
        } else {
          ok = false;
        }
        break;
      }
      case flat::Type::Kind::kHandle:
        ok &= ApplyHandleConstraint(type, c, scope);
        break;
      case flat::Type::Kind::kClientEnd:
      case flat::Type::Kind::kServerEnd:
        if (type->decl) {
          fail(c, diag::kProtocolAlreadyGiven);
        } else if (const flat::Protocol* protocol = ResolveProtocolName(c, scope)) {
          type->decl = protocol;
        } else {
          ok = false;
        }
        break;
      default:
        fail(c, diag::kConstraintNotAllowed, c.text, kind_name());
        break;
    }
  }
  return ok;
}

bool Resolver::ApplyHandleConstraint(flat::Type* type, const raw::Constant& c, const Scope* scope) {
  const flat::Library* zx = known_.count("zx") ? known_.at("zx") : nullptr;
  const flat::Decl* obj_type = zx ? zx->Lookup("ObjType") : nullptr;
  const flat::Decl* rights = zx ? zx->Lookup("Rights") : nullptr;
  if (!obj_type || !rights) return false;
  if (c.kind == raw::Constant::Kind::kIdentifier && type->handle_subtype.empty()) {
    std::string subtype = c.text.substr(c.text.rfind('.') + 1);
    for (char& ch : subtype) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    subtype = std::string(LegacyHandleSubtype(subtype));
    for (const auto& m : static_cast<const flat::Enum*>(obj_type)->members) {
      bool spelled_as_subtype = c.text.find('.') == std::string::npos ||
                                c.text.find("ObjType.") != std::string::npos;
      if (m.name == subtype && spelled_as_subtype) {
        type->handle_subtype = m.name;
        type->handle_object_type = static_cast<uint32_t>(m.value.integer);
        return true;
      }
    }
  }
  if (type->handle_rights) {
    reporter_->Report(diag::kInvalidHandleConstraint, c.loc, c.text);
    return false;
  }
  flat::Type rights_type;
  rights_type.kind = flat::Type::Kind::kIdentifier;
  rights_type.decl = rights;
  auto value = ResolveConstant(c, rights_type, scope);
  if (!value) return false;
  type->handle_rights = static_cast<uint32_t>(value->integer);
  type->rights_expr = std::make_shared<flat::ConstantExpr>(ExpressionOf(c, scope));
  return true;
}

std::optional<uint32_t> Resolver::ResolveSize(const raw::Constant& c, const Scope* scope) {
  if (c.kind == raw::Constant::Kind::kIdentifier && c.text == "MAX") {
    return flat::TypeShape::kUnbounded;
  }
  flat::Type u32;
  u32.primitive = flat::PrimitiveKind::kUint32;
  if (c.kind == raw::Constant::Kind::kString || c.kind == raw::Constant::Kind::kBool) {
    reporter_->Report(diag::kNotASize, c.loc, c.text);
    return std::nullopt;
  }
  auto value = ResolveConstant(c, u32, scope);
  if (!value) return std::nullopt;
  if (value->kind != flat::ConstantValue::Kind::kInteger) {
    reporter_->Report(diag::kNotASize, c.loc, c.text);
    return std::nullopt;
  }
  return static_cast<uint32_t>(value->integer);
}

const flat::Protocol* Resolver::ResolveProtocolName(const raw::Constant& c, const Scope* scope) {
  if (c.kind != raw::Constant::Kind::kIdentifier) {
    reporter_->Report(diag::kNotAProtocol, c.loc, c.text);
    return nullptr;
  }
  auto target = Lookup(c.text, c.loc, scope);
  if (!target) return nullptr;
  if (target->member || target->decl->kind != flat::Decl::Kind::kProtocol) {
    reporter_->Report(diag::kNotAProtocol, c.loc, c.text);
    return nullptr;
  }
  return static_cast<const flat::Protocol*>(target->decl);
}

}  // namespace fdfkit::idl
