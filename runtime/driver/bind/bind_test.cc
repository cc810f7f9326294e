#include "runtime/driver/bind/bind_test.h"

#include <nlohmann/json.hpp>

#include "runtime/driver/bind/matcher.h"

namespace fdfkit::bind {
namespace {

using Json = nlohmann::json;

struct Case {
  BindTestResult result;
  size_t node_index = 0;
  Properties device;
};

class SpecReader {
 public:
  SpecReader(const CompiledRules& rules, const Libraries& libraries, const SourceFile& spec,
             Diagnostics* diagnostics)
      : rules_(rules), libraries_(libraries), spec_(spec), diagnostics_(diagnostics) {}

  bool Read(std::vector<Case>* cases) {
    Json root;
    try {
      root = Json::parse(spec_.text());
    } catch (const Json::parse_error& error) {
      // nlohmann counts the byte after the problem; point at the problem itself.
      size_t at = error.byte > 0 ? error.byte - 1 : 0;
      std::string what = error.what();
      // Drop "[json.exception.parse_error.101] parse error at line 3, column 1: ": the
      // diagnostic has the place already.
      size_t column = what.find("column ");
      size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
      if (colon != std::string::npos) what = what.substr(colon + 2);
      diagnostics_->Report(diag::kMalformedTestSpec, spec_, at, what);
      return false;
    }
    if (!root.is_array() || root.empty()) return Shape("$", "a non-empty list of test cases");
    const Program& program = rules_.program;
    for (size_t i = 0; i < root.size(); ++i) {
      std::string path = "$[" + std::to_string(i) + "]";
      const Json& item = root[i];
      if (!program.is_composite()) {
        if (!ReadCase(item, path, 0, "", cases)) return false;
        continue;
      }
      if (!item.is_object() || !item.contains("node") || !item["node"].is_string()) {
        return Shape(path, "{\"node\": NAME, \"tests\": [...]} (the rules are a composite)");
      }
      std::string node = item["node"];
      size_t index = program.nodes.size();
      for (size_t n = 0; n < program.nodes.size(); ++n) {
        if (program.Symbol(program.nodes[n].name) == node) index = n;
      }
      if (index == program.nodes.size()) {
        diagnostics_->ReportFile(diag::kUnknownTestNode, spec_.name(), path + ".node",
                                 program.Symbol(program.composite), node);
        return false;
      }
      if (!item.contains("tests") || !item["tests"].is_array()) {
        return Shape(path + ".tests", "a list of test cases");
      }
      for (size_t t = 0; t < item["tests"].size(); ++t) {
        if (!ReadCase(item["tests"][t], path + ".tests[" + std::to_string(t) + "]", index, node,
                      cases)) {
          return false;
        }
      }
    }
    return true;
  }

 private:
  bool Shape(const std::string& path, const std::string& expected) {
    diagnostics_->ReportFile(diag::kTestSpecShape, spec_.name(), path, expected);
    return false;
  }

  bool ReadCase(const Json& item, const std::string& path, size_t node_index,
                const std::string& node, std::vector<Case>* cases) {
    if (!item.is_object()) return Shape(path, "a test case object");
    Case c;
    c.node_index = node_index;
    c.result.path = path;
    c.result.node = node;
    if (!item.contains("name") || !item["name"].is_string()) return Shape(path + ".name", "a string");
    c.result.name = item["name"];
    const Json* expected = item.contains("expected") ? &item["expected"] : nullptr;
    if (!expected || !expected->is_string() || (*expected != "match" && *expected != "abort")) {
      return Shape(path + ".expected", "\"match\" or \"abort\"");
    }
    c.result.expected_match = *expected == "match";
    if (!item.contains("device") || !item["device"].is_object()) {
      return Shape(path + ".device", "an object of properties");
    }
    for (const auto& [key_text, value] : item["device"].items()) {
      std::string where = path + ".device[\"" + key_text + "\"]";
      Property property;
      if (!ReadProperty(key_text, value, where, &property)) return false;
      c.device.push_back(std::move(property));
    }
    cases->push_back(std::move(c));
    return true;
  }

  bool ReadProperty(const std::string& key_text, const Json& value, const std::string& where,
                    Property* out) {
    support::Diagnostic error;
    const Key* key = libraries_.FindKey(rules_.scope, key_text, &error);
    if (!key) return Bad(where, error.message);
    out->key = key->name;
    auto mismatch = [&](const std::string& what) {
      return Bad(where, "key '" + key->name + "' holds " + ValueTypeName(key->type) +
                            " values; " + value.dump() + " is " + what);
    };
    if (value.is_number_unsigned()) {
      if (key->type != ValueType::kUint) return mismatch("a uint");
      if (value.get<uint64_t>() > UINT32_MAX) return Bad(where, value.dump() + " does not fit in 32 bits");
      out->value = static_cast<uint32_t>(value.get<uint64_t>());
      return true;
    }
    if (value.is_boolean()) {
      if (key->type != ValueType::kBool) return mismatch("a bool");
      out->value = value.get<bool>();
      return true;
    }
    if (!value.is_string()) return mismatch("neither a uint, a bool nor a string");
    std::string text = value;
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
      if (key->type != ValueType::kString) return mismatch("a string");
      out->value = text.substr(1, text.size() - 2);
      return true;
    }
    std::optional<Constant> constant = libraries_.FindValue(rules_.scope, text, &error);
    if (!constant && key->type == ValueType::kString) {
      out->value = text;
      return true;
    }
    if (!constant) return Bad(where, error.message);
    if (constant->type != key->type) return mismatch(std::string("a ") + ValueTypeName(constant->type) + " value");
    switch (constant->type) {
      case ValueType::kUint: out->value = constant->number; break;
      case ValueType::kString: out->value = constant->text; break;
      case ValueType::kBool: out->value = constant->number != 0; break;
      case ValueType::kEnum: out->value = EnumValue{constant->text}; break;
    }
    return true;
  }

  bool Bad(const std::string& where, const std::string& why) {
    diagnostics_->ReportFile(diag::kBadTestValue, spec_.name(), where, why);
    return false;
  }

  const CompiledRules& rules_;
  const Libraries& libraries_;
  const SourceFile& spec_;
  Diagnostics* diagnostics_;
};

}  // namespace

std::vector<BindTestResult> RunBindTests(const CompiledRules& rules, const Libraries& libraries,
                                         const SourceFile& spec, Diagnostics* diagnostics) {
  std::vector<Case> cases;
  if (!SpecReader(rules, libraries, spec, diagnostics).Read(&cases)) return {};
  SymbolTable symbols;
  LoadedProgram program(rules.program, &symbols);
  std::vector<BindTestResult> results;
  for (Case& c : cases) {
    c.result.matched = program.Matches(c.node_index, PropertySet(c.device, symbols));
    if (!c.result.passed()) {
      diagnostics->ReportFile(diag::kTestFailed, spec.name(), c.result.path, c.result.name,
                              c.result.expected_match ? "match" : "abort",
                              c.result.matched ? "match" : "abort");
    }
    results.push_back(std::move(c.result));
  }
  return results;
}

}  // namespace fdfkit::bind
