#include "migrate/protocol/rules.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace fdfkit::protocol {
namespace {

using Json = nlohmann::json;

constexpr const char* kSchema = "fdfkit-protocol-rules/1";

struct RulesError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Walks one JSON value, knowing its path, and fails with that path.
class Reader {
 public:
  Reader(const Json& value, std::string path) : value_(value), path_(std::move(path)) {}

  [[noreturn]] void Fail(const std::string& what) const { throw RulesError(path_ + ": " + what); }

  const Json& value() const { return value_; }
  const std::string& path() const { return path_; }

  // An object whose keys must all be in `allowed` (empty = any key).
  void ExpectObject(std::initializer_list<const char*> allowed = {}) const {
    if (!value_.is_object()) Fail("expected an object, got " + Describe());
    if (allowed.size() == 0) return;
    for (const auto& item : value_.items()) {
      const std::string& key = item.key();
      if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
        std::string known;
        for (const char* a : allowed) known += std::string(known.empty() ? "" : ", ") + a;
        Reader(item.value(), Child(key)).Fail("unknown key (expected one of: " + known + ")");
      }
    }
  }
  bool Has(const char* key) const { return value_.is_object() && value_.contains(key); }
  Reader operator[](const std::string& key) const { return Reader(value_.at(key), Child(key)); }

  std::string String() const {
    if (!value_.is_string()) Fail("expected a string, got " + Describe());
    return value_.get<std::string>();
  }
  // A non-empty FIDL identifier.
  std::string Identifier() const {
    std::string s = String();
    bool ok = !s.empty() && (std::isalpha(static_cast<unsigned char>(s[0])));
    for (char c : s) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (!ok) Fail("'" + s + "' is not a FIDL identifier");
    return s;
  }
  std::string LibraryName() const {
    std::string s = String();
    size_t start = 0;
    while (true) {
      size_t dot = s.find('.', start);
      std::string part = s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      bool ok = !part.empty() && std::islower(static_cast<unsigned char>(part[0]));
      for (char c : part) {
        ok = ok && (std::islower(static_cast<unsigned char>(c)) ||
                    std::isdigit(static_cast<unsigned char>(c)) || c == '_');
      }
      if (!ok) Fail("'" + s + "' is not a FIDL library name");
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
    Fail("'" + s + "' is not one of: " + list);
  }
  uint64_t Unsigned(uint64_t min, uint64_t max) const {
    // nlohmann parses every non-negative integer as unsigned.
    if (!value_.is_number_unsigned()) Fail("expected a whole number, got " + Describe());
    uint64_t n = value_.get<uint64_t>();
    if (n < min || n > max) {
      Fail(std::to_string(n) + " is out of range [" + std::to_string(min) + ", " +
           std::to_string(max) + "]");
    }
    return n;
  }
  std::vector<std::string> Strings() const {
    if (!value_.is_array()) Fail("expected an array of strings, got " + Describe());
    std::vector<std::string> out;
    for (size_t i = 0; i < value_.size(); ++i) {
      out.push_back(Reader(value_[i], path_ + "[" + std::to_string(i) + "]").String());
    }
    return out;
  }
  template <typename F>
  void ForEach(F f) const {
    ExpectObject();
    for (const auto& [key, item] : value_.items()) f(key, Reader(item, Child(key)));
  }

 private:
  std::string Child(const std::string& key) const {
    bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
    return plain ? path_ + "." + key : path_ + "[" + Json(key).dump(-1, ' ', false, Json::error_handler_t::replace) + "]";
  }
  std::string Describe() const {
    std::string text = value_.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return std::string(value_.type_name()) + " " + text;
  }

  const Json& value_;
  std::string path_;
};

Transport ReadTransport(const Reader& r) {
  return r.OneOf({"driver", "channel"}) == "driver" ? Transport::kDriver : Transport::kChannel;
}
Callbacks ReadCallbacks(const Reader& r) {
  return r.OneOf({"reverse-protocol", "events"}) == "events" ? Callbacks::kEvents
                                                             : Callbacks::kReverseProtocol;
}
bool ReadOpen(const Reader& r) { return r.OneOf({"open", "closed"}) == "open"; }
DependencyMode ReadDependencyMode(const Reader& r) {
  return r.OneOf({"import", "copy"}) == "copy" ? DependencyMode::kCopy : DependencyMode::kImport;
}

// "Decl.member" → bound; both halves identifiers.
std::map<std::string, uint32_t> ReadBounds(const Reader& r) {
  std::map<std::string, uint32_t> out;
  r.ForEach([&](const std::string& key, const Reader& item) {
    size_t dot = key.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == key.size() ||
        key.find('.', dot + 1) != std::string::npos) {
      item.Fail("the key must be 'Declaration.member' (or 'Method.field')");
    }
    out[key] = static_cast<uint32_t>(item.Unsigned(1, UINT32_MAX - 1));
  });
  return out;
}

std::map<std::string, std::string> ReadRenames(const Reader& r) {
  std::map<std::string, std::string> out;
  r.ForEach([&](const std::string& key, const Reader& item) { out[key] = item.Identifier(); });
  return out;
}

void ReadDefaults(const Reader& r, Rules* rules) {
  r.ExpectObject({"transport", "callbacks", "openness", "unmigrated_dependencies", "message_limit"});
  if (r.Has("transport")) rules->transport = ReadTransport(r["transport"]);
  if (r.Has("callbacks")) rules->callbacks = ReadCallbacks(r["callbacks"]);
  if (r.Has("openness")) rules->open = ReadOpen(r["openness"]);
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

Rules ReadRules(const Json& json) {
  Reader root(json, "$");
  root.ExpectObject({"schema", "defaults", "naming", "attributes", "types", "comment_hints",
                     "libraries", "protocols"});
  if (!root.Has("schema")) root.Fail("missing \"schema\": \"" + std::string(kSchema) + "\"");
  if (root["schema"].String() != kSchema) {
    root["schema"].Fail("unsupported schema (this tool reads " + std::string(kSchema) + ")");
  }
  Rules rules;
  if (root.Has("defaults")) ReadDefaults(root["defaults"], &rules);
  if (root.Has("naming")) ReadNaming(root["naming"], &rules.naming);
  if (root.Has("attributes")) {
    root["attributes"].ForEach([&](const std::string& name, const Reader& item) {
      item.ExpectObject({"action", "note"});
      if (!item.Has("action")) item.Fail("missing \"action\"");
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
      if (!item.Has("to")) item.Fail("missing \"to\"");
      bool known = key == "usize" || key == "voidptr" || key == "vector<voidptr>" ||
                   (key.find('/') != std::string::npos && key.find('/') > 0 &&
                    key.find('/') + 1 < key.size());
      if (!known) item.Fail("the key must be usize, voidptr, vector<voidptr> or 'library/Type'");
      rules.types[key] = {item["to"].String(), item.Has("note") ? item["note"].String() : ""};
      if (rules.types[key].to.empty()) item["to"].Fail("empty type");
    });
  }
  if (root.Has("comment_hints")) {
    for (std::string hint : root["comment_hints"].Strings()) {
      for (char& c : hint) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      rules.comment_hints.push_back(hint);
    }
  }
  if (root.Has("libraries")) {
    root["libraries"].ForEach([&](const std::string& name, const Reader& item) {
      Reader(Json(name), item.path()).LibraryName();
      item.ExpectObject({"rename", "types", "bounds", "unmigrated"});
      LibraryRule& rule = rules.libraries[name];
      if (item.Has("rename")) rule.rename = item["rename"].LibraryName();
      if (item.Has("types")) rule.types = ReadRenames(item["types"]);
      if (item.Has("bounds")) rule.bounds = ReadBounds(item["bounds"]);
      if (item.Has("unmigrated")) rule.unmigrated = ReadDependencyMode(item["unmigrated"]);
    });
  }
  if (root.Has("protocols")) {
    root["protocols"].ForEach([&](const std::string& key, const Reader& item) {
      size_t slash = key.find('/');
      if (slash == std::string::npos || slash == 0 || slash + 1 == key.size()) {
        item.Fail("the key must be 'library/Protocol'");
      }
      item.ExpectObject({"rename", "transport", "callbacks", "openness", "methods", "bounds",
                         "service_member"});
      ProtocolRule& rule = rules.protocols[key];
      if (item.Has("rename")) rule.rename = item["rename"].Identifier();
      if (item.Has("transport")) rule.transport = ReadTransport(item["transport"]);
      if (item.Has("callbacks")) rule.callbacks = ReadCallbacks(item["callbacks"]);
      if (item.Has("openness")) rule.open = ReadOpen(item["openness"]);
      if (item.Has("methods")) rule.methods = ReadRenames(item["methods"]);
      if (item.Has("bounds")) rule.bounds = ReadBounds(item["bounds"]);
      if (item.Has("service_member")) rule.service_member = item["service_member"].Identifier();
    });
  }
  return rules;
}

// "source:line:col: message" for a byte offset into `text`.
std::string ParseErrorAt(const std::string& source, const std::string& text, size_t byte,
                         const std::string& message) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return source + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

std::optional<Json> ParseJson(const std::string& text, const std::string& source,
                              std::string* error) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    size_t colon = what.rfind(": ");
    *error = ParseErrorAt(source, text, e.byte,
                          "malformed JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
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

std::optional<Rules> LoadRules(const std::string& patch_text, const std::string& source,
                               std::string* error) {
  std::optional<Json> merged = ParseJson(DefaultRulesText(), "rules/migrate-protocol.json", error);
  if (!merged) return std::nullopt;
  if (!patch_text.empty()) {
    std::optional<Json> patch = ParseJson(patch_text, source, error);
    if (!patch) return std::nullopt;
    // Validate the patch on its own first, so errors point into the user's file. Its nulls
    // (merge-patch deletions) have nothing to validate.
    try {
      Json alone = WithoutNulls(*patch);
      if (alone.is_object() && !alone.contains("schema")) alone["schema"] = kSchema;
      ReadRules(alone);
    } catch (const RulesError& e) {
      *error = source + ": " + e.what();
      return std::nullopt;
    }
    merged->merge_patch(*patch);
  }
  try {
    return ReadRules(*merged);
  } catch (const RulesError& e) {
    *error = source + ": " + e.what();
    return std::nullopt;
  }
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
