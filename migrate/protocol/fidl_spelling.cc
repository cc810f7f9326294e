#include "fidl_spelling.h"

#include <vector>

namespace fdf_migrate {

namespace flat = fdf_idl::flat;

std::string DeclReference(const flat::Decl& decl, const std::string& library) {
  if (decl.name.library == library) return decl.name.name;
  return decl.name.library + "." + decl.name.name;
}

namespace {

std::string WithConstraints(std::string base, const std::vector<std::string>& constraints) {
  if (constraints.empty()) return base;
  if (constraints.size() == 1) return base + ":" + constraints[0];
  std::string out = base + ":<";
  for (size_t i = 0; i < constraints.size(); ++i) out += (i ? ", " : "") + constraints[i];
  return out + ">";
}

}  // namespace

std::string TypeSpelling(const flat::Type& type, const std::string& library, bool* pointer_sized) {
  // Through its alias, unless the use added constraints the alias does not have.
  if (type.alias) {
    const flat::Type& target = static_cast<const flat::Alias*>(type.alias)->target;
    if (target.nullable == type.nullable && target.bounded == type.bounded &&
        target.element_count == type.element_count &&
        target.handle_subtype == type.handle_subtype) {
      return DeclReference(*type.alias, library);
    }
  }
  std::vector<std::string> constraints;
  switch (type.kind) {
    case flat::Type::Kind::kPrimitive:
      if (type.primitive == flat::PrimitiveKind::kUsize ||
          type.primitive == flat::PrimitiveKind::kVoidptr) {
        if (pointer_sized) *pointer_sized = true;
        return "uint64";
      }
      return flat::PrimitiveName(type.primitive);
    case flat::Type::Kind::kString:
    case flat::Type::Kind::kVector: {
      constraints.push_back(type.bounded ? std::to_string(type.element_count) : "MAX");
      if (type.nullable) constraints.push_back("optional");
      std::string base = type.kind == flat::Type::Kind::kString
                             ? "string"
                             : "vector<" + TypeSpelling(*type.element, library, pointer_sized) + ">";
      return WithConstraints(base, constraints);
    }
    case flat::Type::Kind::kArray:
      return "array<" + TypeSpelling(*type.element, library, pointer_sized) + ", " +
             std::to_string(type.element_count) + ">";
    case flat::Type::Kind::kBox:
      return "box<" + TypeSpelling(*type.element, library, pointer_sized) + ">";
    case flat::Type::Kind::kHandle:
      if (!type.handle_subtype.empty()) constraints.push_back(type.handle_subtype);
      if (type.handle_rights) {
        if (constraints.empty()) constraints.push_back("NONE");
        constraints.push_back(std::to_string(*type.handle_rights));
      }
      if (type.nullable) constraints.push_back("optional");
      return WithConstraints("zx.Handle", constraints);
    case flat::Type::Kind::kClientEnd:
    case flat::Type::Kind::kServerEnd:
      constraints.push_back(type.decl ? DeclReference(*type.decl, library) : "");
      if (type.nullable) constraints.push_back("optional");
      return WithConstraints(type.kind == flat::Type::Kind::kClientEnd ? "client_end" : "server_end",
                             constraints);
    case flat::Type::Kind::kIdentifier:
      if (type.nullable) constraints.push_back("optional");
      return WithConstraints(type.decl ? DeclReference(*type.decl, library) : "", constraints);
  }
  return "";
}

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string ValueSpelling(const flat::ConstantValue& value) {
  if (value.kind == flat::ConstantValue::Kind::kString) return Quoted(value.string);
  return value.ToString();
}

}  // namespace fdf_migrate
