#include "migrate/protocol/rules.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace fdfkit::protocol {
namespace {

using Json = nlohmann::json;

constexpr const char* kSchema = "fdfkit-protocol-rules/1";

// Thrown by the reader at the first problem; LoadRules turns it into a RulesProblem.
struct RulesError {
  std::string where;
  support::Diagnostic diagnostic;
};

std::string Describe(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return std::string(value.type_name()) + " " + text;
}

// Walks one JSON value, knowing its path, and fails with that path.
class Reader {
 public:
  Reader(const Json& value, std::vector<std::string> keys) : value_(value), keys_(std::move(keys)) {}

  template <typename... Args>
  [[noreturn]] void Fail(const support::DiagnosticDef<Args...>& def,
                         const std::type_identity_t<Args>&... args) const {
    throw RulesError{JsonPath(keys_), support::Make(def, args...)};
  }

  const Json& value() const { return value_; }
  const std::vector<std::string>& keys() const { return keys_; }

  // An object whose keys must all be in `allowed` (empty = any key).
  void ExpectObject(std::initializer_list<const char*> allowed = {}) const {
    if (!value_.is_object()) Fail(diag::kExpectedObject, Describe(value_));
    if (allowed.size() == 0) return;
    for (const auto& item : value_.items()) {
      const std::string& key = item.key();
      if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
        std::string known;
        for (const char* a : allowed) known += std::string(known.empty() ? "" : ", ") + a;
        Child(key).Fail(diag::kUnknownKey, known);
      }
    }
  }
  bool Has(const char* key) const { return value_.is_object() && value_.contains(key); }
  Reader operator[](const std::string& key) const { return Child(key); }
  Reader Child(const std::string& key) const {
    std::vector<std::string> keys = keys_;
    keys.push_back(key);
    return Reader(value_.at(key), std::move(keys));
  }

  std::string String() const {
    if (!value_.is_string()) Fail(diag::kExpectedString, Describe(value_));
    return value_.get<std::string>();
  }
  bool Boolean() const {
    if (!value_.is_boolean()) Fail(diag::kExpectedBoolean, Describe(value_));
    return value_.get<bool>();
  }
  // A non-empty FIDL identifier.
  std::string Identifier() const { return CheckIdentifier(String()); }
  std::string CheckIdentifier(const std::string& s) const {
    bool ok = !s.empty() && std::isalpha(static_cast<unsigned char>(s[0]));
    for (char c : s) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (!ok) Fail(diag::kNotAnIdentifier, s);
    return s;
  }
  std::string LibraryName() const { return CheckLibraryName(String()); }
  std::string CheckLibraryName(const std::string& s) const {
    size_t start = 0;
    while (true) {
      size_t dot = s.find('.', start);
      std::string part = s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      bool ok = !part.empty() && std::islower(static_cast<unsigned char>(part[0]));
      for (char c : part) {
        ok = ok && (std::islower(static_cast<unsigned char>(c)) ||
                    std::isdigit(static_cast<unsigned char>(c)) || c == '_');
      }
      if (!ok) Fail(diag::kNotALibraryName, s);
      if (dot == std::string::npos) return s;
      start = dot + 1;
    }
  }
  std::string OneOf(std::initializer_list<const char*> choices) const {
    std::string s = String();
    std::string list;
    for (const char* c : choices) {
      if (s == c) return s;
      list += std::string(list.empty() ? "" : ", ") + c;
    }
    Fail(diag::kNotOneOf, s, list);
  }
  uint64_t Unsigned(uint64_t min, uint64_t max) const {
    // nlohmann parses every non-negative integer as unsigned.
    if (!value_.is_number_unsigned()) Fail(diag::kExpectedWholeNumber, Describe(value_));
    uint64_t n = value_.get<uint64_t>();
    if (n < min || n > max) Fail(diag::kNumberOutOfRange, n, min, max);
    return n;
  }
  std::vector<std::string> Strings() const {
    if (!value_.is_array()) Fail(diag::kExpectedStringArray, Describe(value_));
    std::vector<std::string> out;
    for (size_t i = 0; i < value_.size(); ++i) {
      std::vector<std::string> keys = keys_;
      keys.push_back("[" + std::to_string(i) + "]");
      out.push_back(Reader(value_[i], std::move(keys)).String());
    }
    return out;
  }
  template <typename F>
  void ForEach(F f) const {
    ExpectObject();
    for (const auto& item : value_.items()) f(item.key(), Child(item.key()));
  }

 private:
  const Json& value_;
  std::vector<std::string> keys_;
};

Transport ReadTransport(const Reader& r) {
  return r.OneOf({"driver", "channel"}) == "driver" ? Transport::kDriver : Transport::kChannel;
}
Callbacks ReadCallbacks(const Reader& r) {
  return r.OneOf({"reverse-protocol", "events"}) == "events" ? Callbacks::kEvents
                                                             : Callbacks::kReverseProtocol;
}
Openness ReadOpenness(const Reader& r) {
  std::string s = r.OneOf({"closed", "ajar", "open"});
  return s == "open" ? Openness::kOpen : s == "ajar" ? Openness::kAjar : Openness::kClosed;
}
Strictness ReadStrictness(const Reader& r) {
  return r.OneOf({"strict", "flexible"}) == "flexible" ? Strictness::kFlexible : Strictness::kStrict;
}
DependencyMode ReadDependencyMode(const Reader& r) {
  return r.OneOf({"import", "copy"}) == "copy" ? DependencyMode::kCopy : DependencyMode::kImport;
}

// "Decl.member" keys; both halves identifiers.
void CheckMemberKey(const std::string& key, const Reader& item) {
  size_t dot = key.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == key.size() ||
      key.find('.', dot + 1) != std::string::npos) {
    item.Fail(diag::kBadMemberKey);
  }
}

std::map<std::string, uint32_t> ReadBounds(const Reader& r) {
  std::map<std::string, uint32_t> out;
  r.ForEach([&](const std::string& key, const Reader& item) {
    CheckMemberKey(key, item);
    out[key] = static_cast<uint32_t>(item.Unsigned(1, UINT32_MAX - 1));
  });
  return out;
}

std::map<std::string, std::string> ReadRenames(const Reader& r) {
  std::map<std::string, std::string> out;
  r.ForEach([&](const std::string& key, const Reader& item) { out[key] = item.Identifier(); });
  return out;
}

// `"Old": "New"` renames a method; `"Old": {"rename": ..., "strictness": ...}` says more.
std::map<std::string, MethodRule> ReadMethods(const Reader& r) {
  std::map<std::string, MethodRule> out;
  r.ForEach([&](const std::string& key, const Reader& item) {
    item.CheckIdentifier(key);
    MethodRule& rule = out[key];
    if (item.value().is_string()) {
      rule.rename = item.Identifier();
      return;
    }
    item.ExpectObject({"rename", "strictness"});
    if (item.Has("rename")) rule.rename = item["rename"].Identifier();
    if (item.Has("strictness")) rule.strictness = ReadStrictness(item["strictness"]);
  });
  return out;
}

std::map<std::string, InPlaceRule> ReadInPlace(const Reader& r) {
  std::map<std::string, InPlaceRule> out;
  r.ForEach([&](const std::string& key, const Reader& item) {
    CheckMemberKey(key, item);
    item.ExpectObject({"field", "type"});
    for (const char* required : {"field", "type"}) {
      if (!item.Has(required)) item.Fail(diag::kMissingKey, required);
    }
    out[key] = {item["field"].Identifier(), item["type"].Identifier()};
  });
  return out;
}

void ReadDefaults(const Reader& r, Rules* rules) {
  r.ExpectObject({"transport", "callbacks", "openness", "strictness", "unmigrated_dependencies",
                  "message_limit"});
  if (r.Has("transport")) rules->transport = ReadTransport(r["transport"]);
  if (r.Has("callbacks")) rules->callbacks = ReadCallbacks(r["callbacks"]);
  if (r.Has("openness")) rules->openness = ReadOpenness(r["openness"]);
  if (r.Has("strictness")) rules->strictness = ReadStrictness(r["strictness"]);
  if (r.Has("unmigrated_dependencies")) {
    rules->unmigrated_dependencies = ReadDependencyMode(r["unmigrated_dependencies"]);
  }
  if (r.Has("message_limit")) rules->message_limit = r["message_limit"].Unsigned(64, UINT32_MAX);
}

void ReadNaming(const Reader& r, Naming* naming) {
  r.ExpectObject({"service", "service_member", "event_prefix", "copy_prefix", "list_suffixes",
                  "count_suffixes", "offset_names", "size_names", "pointer_names"});
  if (r.Has("service")) naming->service = r["service"].Identifier();
  if (r.Has("service_member")) naming->service_member = r["service_member"].Identifier();
  if (r.Has("event_prefix")) naming->event_prefix = r["event_prefix"].Identifier();
  if (r.Has("copy_prefix")) naming->copy_prefix = r["copy_prefix"].Identifier();
  if (r.Has("list_suffixes")) naming->list_suffixes = r["list_suffixes"].Strings();
  if (r.Has("count_suffixes")) naming->count_suffixes = r["count_suffixes"].Strings();
  if (r.Has("offset_names")) naming->offset_names = r["offset_names"].Strings();
  if (r.Has("size_names")) naming->size_names = r["size_names"].Strings();
  if (r.Has("pointer_names")) naming->pointer_names = r["pointer_names"].Strings();
}

void ReadLibrary(const std::string& name, const Reader& item, Rules* rules) {
  item.CheckLibraryName(name);
  item.ExpectObject({"rename", "transport", "why", "types", "bounds", "unmigrated"});
  LibraryRule& rule = rules->libraries[name];
  if (item.Has("rename")) rule.rename = item["rename"].LibraryName();
  if (item.Has("transport")) rule.transport = ReadTransport(item["transport"]);
  if (item.Has("why")) rule.why = item["why"].String();
  if (item.Has("types")) rule.types = ReadRenames(item["types"]);
  if (item.Has("bounds")) rule.bounds = ReadBounds(item["bounds"]);
  if (item.Has("unmigrated")) rule.unmigrated = ReadDependencyMode(item["unmigrated"]);
}

void ReadProtocol(const std::string& key, const Reader& item, Rules* rules) {
  size_t slash = key.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == key.size()) {
    item.Fail(diag::kBadProtocolKey);
  }
  item.ExpectObject({"rename", "transport", "callbacks", "openness", "strictness", "discoverable",
                     "why", "methods", "bounds", "in_place", "service", "service_member"});
  ProtocolRule& rule = rules->protocols[key];
  if (item.Has("rename")) rule.rename = item["rename"].Identifier();
  if (item.Has("transport")) rule.transport = ReadTransport(item["transport"]);
  if (item.Has("callbacks")) rule.callbacks = ReadCallbacks(item["callbacks"]);
  if (item.Has("openness")) rule.openness = ReadOpenness(item["openness"]);
  if (item.Has("strictness")) rule.strictness = ReadStrictness(item["strictness"]);
  if (item.Has("discoverable")) rule.discoverable = item["discoverable"].Boolean();
  if (item.Has("why")) rule.why = item["why"].String();
  if (item.Has("methods")) rule.methods = ReadMethods(item["methods"]);
  if (item.Has("bounds")) rule.bounds = ReadBounds(item["bounds"]);
  if (item.Has("in_place")) rule.in_place = ReadInPlace(item["in_place"]);
  if (item.Has("service")) rule.service = item["service"].Identifier();
  if (item.Has("service_member")) rule.service_member = item["service_member"].Identifier();
}

Rules ReadRules(const Json& json) {
  Reader root(json, {});
  root.ExpectObject({"schema", "defaults", "naming", "attributes", "types", "comment_hints",
                     "libraries", "protocols"});
  if (!root.Has("schema")) root.Fail(diag::kMissingSchema, kSchema);
  if (root["schema"].String() != kSchema) root["schema"].Fail(diag::kUnsupportedSchema, kSchema);
  Rules rules;
  if (root.Has("defaults")) ReadDefaults(root["defaults"], &rules);
  if (root.Has("naming")) ReadNaming(root["naming"], &rules.naming);
  if (root.Has("attributes")) {
    root["attributes"].ForEach([&](const std::string& name, const Reader& item) {
      item.ExpectObject({"action", "note"});
      if (!item.Has("action")) item.Fail(diag::kMissingKey, "action");
      std::string action = item["action"].OneOf({"drop", "keep", "decision"});
      AttributeRule& rule = rules.attributes[name];
      rule.action = action == "drop"   ? AttributeRule::Action::kDrop
                    : action == "keep" ? AttributeRule::Action::kKeep
                                       : AttributeRule::Action::kDecision;
      if (item.Has("note")) rule.note = item["note"].String();
    });
  }
  if (root.Has("types")) {
    root["types"].ForEach([&](const std::string& key, const Reader& item) {
      item.ExpectObject({"to", "note"});
      if (!item.Has("to")) item.Fail(diag::kMissingKey, "to");
      bool known = key == "usize" || key == "voidptr" || key == "vector<voidptr>" ||
                   (key.find('/') != std::string::npos && key.find('/') > 0 &&
                    key.find('/') + 1 < key.size());
      if (!known) item.Fail(diag::kBadTypeKey);
      rules.types[key] = {item["to"].String(), item.Has("note") ? item["note"].String() : ""};
      if (rules.types[key].to.empty()) item["to"].Fail(diag::kEmptyType);
    });
  }
  if (root.Has("comment_hints")) {
    for (std::string hint : root["comment_hints"].Strings()) {
      for (char& c : hint) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      rules.comment_hints.push_back(hint);
    }
  }
  if (root.Has("libraries")) {
    root["libraries"].ForEach(
        [&](const std::string& name, const Reader& item) { ReadLibrary(name, item, &rules); });
  }
  if (root.Has("protocols")) {
    root["protocols"].ForEach(
        [&](const std::string& key, const Reader& item) { ReadProtocol(key, item, &rules); });
  }
  return rules;
}

// "line:col" of a byte offset into `text`.
std::string LineAndColumn(const std::string& text, size_t byte) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

std::optional<Json> ParseJson(const std::string& text, const std::string& source,
                              RulesProblem* problem) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    size_t colon = what.rfind(": ");
    *problem = {source, LineAndColumn(text, e.byte),
                support::Make(diag::kMalformedJson,
                              colon == std::string::npos ? what : what.substr(colon + 2))};
    return std::nullopt;
  }
}

Json WithoutNulls(const Json& value) {
  if (!value.is_object()) return value;
  Json out = Json::object();
  for (const auto& item : value.items()) {
    if (!item.value().is_null()) out[item.key()] = WithoutNulls(item.value());
  }
  return out;
}

}  // namespace

extern const char kDefaultRulesJson[];  // generated from rules/migrate-protocol.json

const std::string& DefaultRulesText() {
  static const std::string text = kDefaultRulesJson;
  return text;
}

const char* TransportName(Transport transport) {
  return transport == Transport::kDriver ? "driver" : "channel";
}
const char* OpennessName(Openness openness) {
  switch (openness) {
    case Openness::kClosed: return "closed";
    case Openness::kAjar: return "ajar";
    case Openness::kOpen: return "open";
  }
  return "?";
}
const char* StrictnessName(Strictness strictness) {
  return strictness == Strictness::kStrict ? "strict" : "flexible";
}

std::string JsonPath(const std::vector<std::string>& keys) {
  std::string path = "$";
  for (const std::string& key : keys) {
    if (key.starts_with("[")) {  // an array index
      path += key;
      continue;
    }
    bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
    path += plain ? "." + key
                  : "[" + Json(key).dump(-1, ' ', false, Json::error_handler_t::replace) + "]";
  }
  return path;
}

std::string RulesProblem::Text() const {
  return file + ": " + where + ": " + diagnostic.Text();
}

std::optional<Rules> LoadRules(const std::string& patch_text, const std::string& source,
                               RulesProblem* problem) {
  std::optional<Json> merged = ParseJson(DefaultRulesText(), kDefaultRulesFile, problem);
  if (!merged) return std::nullopt;
  Json patch = Json::object();
  // A rules file was named (empty or not): it must parse; none named is the defaults alone.
  if (!source.empty() || !patch_text.empty()) {
    std::optional<Json> parsed = ParseJson(patch_text, source, problem);
    if (!parsed) return std::nullopt;
    patch = std::move(*parsed);
    // Validate the patch on its own first, so errors point into the user's file. Its nulls
    // (merge-patch deletions) have nothing to validate.
    try {
      Json alone = WithoutNulls(patch);
      if (alone.is_object() && !alone.contains("schema")) alone["schema"] = kSchema;
      ReadRules(alone);
    } catch (const RulesError& e) {
      *problem = {source, e.where, e.diagnostic};
      return std::nullopt;
    }
    merged->merge_patch(patch);
  }
  try {
    Rules rules = ReadRules(*merged);
    rules.patch = WithoutNulls(patch);
    rules.patch_source = source;
    if (std::optional<RulesProblem> mismatch = CheckOpennessAndStrictness(rules)) {
      *problem = std::move(*mismatch);
      return std::nullopt;
    }
    return rules;
  } catch (const RulesError& e) {
    *problem = {patch_text.empty() ? kDefaultRulesFile : source, e.where, e.diagnostic};
    return std::nullopt;
  }
}

std::optional<RulesProblem> CheckOpennessAndStrictness(const Rules& rules) {
  auto problem = [&](const std::vector<std::string>& keys, const std::string& what) {
    RuleOrigin origin = rules.Origin(keys);
    return RulesProblem{origin.file, origin.path,
                        support::Make(diag::kFlexibleMethodsInClosedProtocol, what)};
  };
  if (rules.openness == Openness::kClosed && rules.strictness == Strictness::kFlexible) {
    return problem({"defaults", "strictness"}, "every protocol without a rule");
  }
  for (const auto& [key, rule] : rules.protocols) {
    if (rule.openness.value_or(rules.openness) != Openness::kClosed) continue;
    std::string what = "'" + key + "'";
    if (rule.strictness == Strictness::kFlexible) {
      return problem({"protocols", key, "strictness"}, what);
    }
    if (rule.openness && rules.strictness == Strictness::kFlexible && !rule.strictness) {
      return problem({"protocols", key, "openness"}, what);
    }
    for (const auto& [method, method_rule] : rule.methods) {
      if (method_rule.strictness == Strictness::kFlexible) {
        return problem({"protocols", key, "methods", method, "strictness"}, what);
      }
    }
  }
  return std::nullopt;
}

RuleOrigin Rules::Origin(const std::vector<std::string>& keys) const {
  if (auto flag = flags.find(JsonPath(keys)); flag != flags.end()) {
    return {"command line", flag->second};
  }
  const Json* at = &patch;
  for (const std::string& key : keys) {
    if (!at->is_object() || !at->contains(key)) return {kDefaultRulesFile, JsonPath(keys)};
    at = &(*at)[key];
  }
  return {patch_source, JsonPath(keys)};
}

const ProtocolRule& Rules::Protocol(const std::string& library, const std::string& protocol) const {
  static const ProtocolRule kNone;
  auto it = protocols.find(library + "/" + protocol);
  return it == protocols.end() ? kNone : it->second;
}

const LibraryRule& Rules::Library(const std::string& library) const {
  static const LibraryRule kNone;
  auto it = libraries.find(library);
  return it == libraries.end() ? kNone : it->second;
}

const AttributeRule* Rules::Attribute(const std::string& canonical_name) const {
  auto it = attributes.find(canonical_name);
  return it == attributes.end() ? nullptr : &it->second;
}

const TypeRule* Rules::Type(const std::string& key) const {
  auto it = types.find(key);
  return it == types.end() ? nullptr : &it->second;
}

}  // namespace fdfkit::protocol
