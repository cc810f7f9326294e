#include "migrate/protocol/fidl_spelling.h"

#include "migrate/idl/identifiers.h"

namespace fdfkit::protocol {

namespace flat = fdfkit::idl::flat;

std::string CloneNames::Library(const std::string& library) const {
  const LibraryRule& rule = rules_.Library(library);
  return rule.rename ? *rule.rename : library;
}

std::string CloneNames::Decl(const flat::Decl& decl) const {
  if (decl.kind == flat::Decl::Kind::kProtocol) {
    const ProtocolRule& rule = rules_.Protocol(decl.name.library, decl.name.name);
    if (rule.rename) return *rule.rename;
  }
  const LibraryRule& rule = rules_.Library(decl.name.library);
  auto it = rule.types.find(decl.name.name);
  return it == rule.types.end() ? fdfkit::idl::FidlIdentifier(decl.name.name) : it->second;
}

std::string CloneNames::Method(const flat::Decl& protocol, const std::string& method) const {
  const ProtocolRule& rule = rules_.Protocol(protocol.name.library, protocol.name.name);
  auto it = rule.methods.find(method);
  return it == rule.methods.end() || !it->second.rename ? method : *it->second.rename;
}

namespace {

std::string WithConstraints(std::string base, const std::vector<std::string>& constraints) {
  if (constraints.empty()) return base;
  if (constraints.size() == 1) return base + ":" + constraints[0];
  std::string out = base + ":<";
  for (size_t i = 0; i < constraints.size(); ++i) out += (i ? ", " : "") + constraints[i];
  return out + ">";
}

void Use(const SpellingScope& scope, const std::string& library) {
  if (scope.usings) scope.usings->insert(library);
}

// A type rule's replacement; `a.b.Name` in it imports library `a.b`.
std::string Apply(const TypeRule& rule, const std::string& key, const SpellingScope& scope) {
  if (scope.applied) scope.applied->push_back(key);
  std::string head = rule.to.substr(0, rule.to.find_first_of("<:"));
  size_t dot = head.rfind('.');
  if (dot != std::string::npos) Use(scope, head.substr(0, dot));
  return rule.to;
}

const TypeRule* DeclRule(const flat::Decl* decl, const SpellingScope& scope, std::string* key) {
  if (!decl || !scope.names) return nullptr;
  *key = decl->name.library + "/" + decl->name.name;
  return scope.names->rules().Type(*key);
}

}  // namespace

std::string DeclReference(const flat::Decl& decl, const SpellingScope& scope) {
  if (scope.copies) {
    auto it = scope.copies->find(&decl);
    if (it != scope.copies->end()) return it->second;
  }
  std::string name = scope.names ? scope.names->Decl(decl) : decl.name.name;
  if (decl.name.library == scope.library) return name;
  std::string library = scope.names ? scope.names->Library(decl.name.library) : decl.name.library;
  Use(scope, library);
  return library + "." + name;
}

std::string TypeSpelling(const flat::Type& type, const SpellingScope& scope) {
  std::string key;
  if (const TypeRule* rule = DeclRule(type.alias, scope, &key)) return Apply(*rule, key, scope);
  if (type.kind == flat::Type::Kind::kIdentifier) {
    if (const TypeRule* rule = DeclRule(type.decl, scope, &key)) return Apply(*rule, key, scope);
  }
  // Through its alias, unless the use added constraints the alias does not have.
  if (type.alias) {
    const flat::Type& target = static_cast<const flat::Alias*>(type.alias)->target;
    if (target.nullable == type.nullable && target.bounded == type.bounded &&
        target.element_count == type.element_count &&
        target.handle_subtype == type.handle_subtype) {
      return DeclReference(*type.alias, scope);
    }
  }
  const Rules* rules = scope.names ? &scope.names->rules() : nullptr;
  std::vector<std::string> constraints;
  switch (type.kind) {
    case flat::Type::Kind::kPrimitive:
      if (type.primitive == flat::PrimitiveKind::kUsize ||
          type.primitive == flat::PrimitiveKind::kVoidptr) {
        const char* name = flat::PrimitiveName(type.primitive);
        if (const TypeRule* rule = rules ? rules->Type(name) : nullptr) {
          return Apply(*rule, name, scope);
        }
        if (scope.applied) scope.applied->push_back(name);
        return "uint64";
      }
      return flat::PrimitiveName(type.primitive);
    case flat::Type::Kind::kString:
    case flat::Type::Kind::kVector: {
      constraints.push_back(!type.bounded     ? "MAX"
                            : type.size_expr ? ConstantSpelling(*type.size_expr, scope)
                                             : std::to_string(type.element_count));
      if (type.nullable) constraints.push_back("optional");
      if (type.kind == flat::Type::Kind::kString) return WithConstraints("string", constraints);
      const flat::Type& element = *type.element;
      if (element.kind == flat::Type::Kind::kPrimitive &&
          element.primitive == flat::PrimitiveKind::kVoidptr && rules &&
          rules->Type("vector<voidptr>")) {
        std::string to = Apply(*rules->Type("vector<voidptr>"), "vector<voidptr>", scope);
        // The rule names the vector; the bound and optionality are the original's.
        return WithConstraints(to.substr(0, to.find(':')), constraints);
      }
      return WithConstraints("vector<" + TypeSpelling(element, scope) + ">", constraints);
    }
    case flat::Type::Kind::kArray:
      return "array<" + TypeSpelling(*type.element, scope) + ", " +
             (type.size_expr ? ConstantSpelling(*type.size_expr, scope)
                             : std::to_string(type.element_count)) +
             ">";
    case flat::Type::Kind::kBox:
      return "box<" + TypeSpelling(*type.element, scope) + ">";
    case flat::Type::Kind::kHandle:
      Use(scope, "zx");
      if (!type.handle_subtype.empty()) constraints.push_back(type.handle_subtype);
      if (type.handle_rights) {
        if (constraints.empty()) constraints.push_back("NONE");
        constraints.push_back(type.rights_expr ? ConstantSpelling(*type.rights_expr, scope)
                                               : std::to_string(*type.handle_rights));
      }
      if (type.nullable) constraints.push_back("optional");
      return WithConstraints("zx.Handle", constraints);
    case flat::Type::Kind::kClientEnd:
    case flat::Type::Kind::kServerEnd:
      constraints.push_back(type.decl ? DeclReference(*type.decl, scope) : "");
      if (type.nullable) constraints.push_back("optional");
      return WithConstraints(type.kind == flat::Type::Kind::kClientEnd ? "client_end" : "server_end",
                             constraints);
    case flat::Type::Kind::kIdentifier:
      if (type.nullable) constraints.push_back("optional");
      return WithConstraints(type.decl ? DeclReference(*type.decl, scope) : "", constraints);
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

std::string ConstantSpelling(const flat::ConstantExpr& expr, const SpellingScope& scope) {
  switch (expr.kind) {
    case flat::ConstantExpr::Kind::kLiteral: return expr.text;
    case flat::ConstantExpr::Kind::kString: return Quoted(expr.text);
    case flat::ConstantExpr::Kind::kReference: {
      std::string name = DeclReference(*expr.decl, scope);
      return expr.member.empty() ? name : name + "." + fdfkit::idl::FidlIdentifier(expr.member);
    }
    case flat::ConstantExpr::Kind::kOr: {
      std::string out;
      for (const flat::ConstantExpr& operand : expr.operands) {
        out += (out.empty() ? "" : " | ") + ConstantSpelling(operand, scope);
      }
      return out;
    }
  }
  return expr.text;
}

std::string ConstantSpelling(const std::optional<flat::ConstantExpr>& expr,
                             const flat::ConstantValue& value, const SpellingScope& scope) {
  return expr ? ConstantSpelling(*expr, scope) : ValueSpelling(value);
}

}  // namespace fdfkit::protocol
