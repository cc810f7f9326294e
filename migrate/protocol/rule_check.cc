#include "migrate/protocol/rule_check.h"

#include <map>

#include "migrate/protocol/translator_impl.h"

namespace fdfkit::protocol {
namespace {

using RulesJson = nlohmann::json;

class RuleCheck {
 public:
  RuleCheck(const std::string& source, const std::vector<const flat::Library*>& run)
      : source_(source) {
    for (const flat::Library* library : run) Know(library);
  }

  void Run(const RulesJson& rules) {
    if (!rules.is_object()) return;
    if (rules.contains("libraries") && rules["libraries"].is_object()) {
      for (const auto& [name, rule] : rules["libraries"].items()) Library(name, rule);
    }
    if (rules.contains("protocols") && rules["protocols"].is_object()) {
      for (const auto& [key, rule] : rules["protocols"].items()) Protocol(key, rule);
    }
    if (rules.contains("types") && rules["types"].is_object()) {
      for (const auto& [key, rule] : rules["types"].items()) {
        size_t slash = key.find('/');
        if (slash == std::string::npos) continue;  // usize, voidptr, vector<voidptr>
        std::vector<std::string> at = {"types", key};
        if (const flat::Library* library = Find(key.substr(0, slash), at)) {
          Declaration(*library, key.substr(slash + 1), at);
        }
      }
    }
  }

  std::vector<RulesProblem> problems() && { return std::move(problems_); }

 private:
  void Know(const flat::Library* library) {
    if (!known_.emplace(library->name, library).second) return;
    for (const flat::Library* dependency : library->dependencies) Know(dependency);
  }

  template <typename... Args>
  void Problem(const std::vector<std::string>& keys, const support::DiagnosticDef<Args...>& def,
               const std::type_identity_t<Args>&... args) {
    problems_.push_back({source_, JsonPath(keys), support::Make(def, args...)});
  }

  const flat::Library* Find(const std::string& name, const std::vector<std::string>& keys) {
    auto it = known_.find(name);
    if (it != known_.end()) return it->second;
    Problem(keys, diag::kRuleNamesUnknownLibrary, name);
    return nullptr;
  }

  const flat::Decl* Declaration(const flat::Library& library, const std::string& name,
                                const std::vector<std::string>& keys) {
    const flat::Decl* decl = library.Lookup(name);
    if (!decl) Problem(keys, diag::kRuleNamesUnknownDeclaration, library.name, name);
    return decl;
  }

  // "Decl.member" of a struct, table or union of `library`.
  void DeclarationMember(const flat::Library& library, const std::string& key,
                         const std::vector<std::string>& keys) {
    size_t dot = key.find('.');
    const flat::Decl* decl = Declaration(library, key.substr(0, dot), keys);
    if (!decl) return;
    std::string member = key.substr(dot + 1);
    if (!HasMember(*decl, member)) Problem(keys, diag::kRuleNamesUnknownMember, decl->name.name, member);
  }

  static bool HasMember(const flat::Decl& decl, const std::string& member) {
    switch (decl.kind) {
      case flat::Decl::Kind::kStruct:
        for (const auto& m : static_cast<const flat::Struct&>(decl).members) {
          if (m.name == member) return true;
        }
        return false;
      case flat::Decl::Kind::kTable:
        for (const auto& m : static_cast<const flat::Table&>(decl).members) {
          if (m.name == member) return true;
        }
        return false;
      case flat::Decl::Kind::kUnion:
        for (const auto& m : static_cast<const flat::Union&>(decl).members) {
          if (m.name == member) return true;
        }
        return false;
      default: return false;
    }
  }

  void Library(const std::string& name, const RulesJson& rule) {
    const flat::Library* library = Find(name, {"libraries", name});
    if (!library || !rule.is_object()) return;
    if (rule.contains("types") && rule["types"].is_object()) {
      for (const auto& [old_name, _] : rule["types"].items()) {
        Declaration(*library, old_name, {"libraries", name, "types", old_name});
      }
    }
    if (rule.contains("bounds") && rule["bounds"].is_object()) {
      for (const auto& [key, _] : rule["bounds"].items()) {
        DeclarationMember(*library, key, {"libraries", name, "bounds", key});
      }
    }
  }

  const flat::Method* Method(const flat::Protocol& p, const std::string& name,
                             const std::vector<std::string>& keys) {
    for (const flat::Method& m : p.methods) {
      if (m.name == name) return &m;
    }
    Problem(keys, diag::kRuleNamesUnknownMethod, p.name.name, name);
    return nullptr;
  }

  // A member of a method's request, response or success payload.
  static const flat::StructMember* PayloadMember(const flat::Method& m, const std::string& name) {
    for (const auto* payload : {&m.request, &m.response, &m.success}) {
      if (const flat::Struct* s = AnonymousStruct(*payload)) {
        for (const flat::StructMember& member : s->members) {
          if (member.name == name) return &member;
        }
      }
    }
    return nullptr;
  }

  void Protocol(const std::string& key, const RulesJson& rule) {
    size_t slash = key.find('/');
    if (slash == std::string::npos) return;  // LoadRules reported it
    std::vector<std::string> at = {"protocols", key};
    const flat::Library* library = Find(key.substr(0, slash), at);
    if (!library) return;
    std::string name = key.substr(slash + 1);
    const flat::Decl* decl = library->Lookup(name);
    if (!decl || decl->kind != flat::Decl::Kind::kProtocol) {
      Problem(at, diag::kRuleNamesUnknownProtocol, library->name, name);
      return;
    }
    const auto& p = static_cast<const flat::Protocol&>(*decl);
    if (!rule.is_object()) return;
    if (rule.contains("methods") && rule["methods"].is_object()) {
      for (const auto& [method, _] : rule["methods"].items()) {
        Method(p, method, {"protocols", key, "methods", method});
      }
    }
    for (const char* kind : {"bounds", "in_place"}) {
      if (!rule.contains(kind) || !rule[kind].is_object()) continue;
      for (const auto& [member_key, _] : rule[kind].items()) {
        std::vector<std::string> keys = {"protocols", key, kind, member_key};
        size_t dot = member_key.find('.');
        const flat::Method* m = Method(p, member_key.substr(0, dot), keys);
        if (!m) continue;
        std::string field = member_key.substr(dot + 1);
        const flat::StructMember* member = PayloadMember(*m, field);
        if (!member) {
          Problem(keys, diag::kRuleNamesUnknownMember, p.name.name + "." + m->name, field);
        } else if (std::string(kind) == "in_place" && !HoldsInPlaceData(*member)) {
          Problem(keys, diag::kRuleNamesNoInPlaceData, m->name, field);
        }
      }
    }
  }

  // A request parameter whose vector or array elements have fields the callee writes in place.
  static bool HoldsInPlaceData(const flat::StructMember& m) {
    const flat::Type* element = m.type.element.get();
    if (!element || element->kind != flat::Type::Kind::kIdentifier || !element->decl ||
        element->decl->kind != flat::Decl::Kind::kStruct) {
      return false;
    }
    for (const auto& field : static_cast<const flat::Struct&>(*element->decl).members) {
      if (IsInPlace(field)) return true;
    }
    return false;
  }

  std::string source_;
  std::map<std::string, const flat::Library*> known_;
  std::vector<RulesProblem> problems_;
};

}  // namespace

std::vector<RulesProblem> CheckRulesNameTheInput(const RulesJson& json, const std::string& source,
                                                 const std::vector<const flat::Library*>& run) {
  RuleCheck check(source, run);
  check.Run(json);
  return std::move(check).problems();
}

}  // namespace fdfkit::protocol
