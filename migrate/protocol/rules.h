// Migration rules: the declarative knobs migrate-protocol reads (rules/migrate-protocol.json is
// the default set, compiled in; `--rules FILE` is merged over it as a JSON merge patch). Every
// rules file is validated; an error names the file and the JSON path of the bad value.
#ifndef FDFKIT_MIGRATE_PROTOCOL_RULES_H_
#define FDFKIT_MIGRATE_PROTOCOL_RULES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fdfkit::protocol {

enum class Transport { kDriver, kChannel };
enum class Callbacks { kReverseProtocol, kEvents };
enum class DependencyMode { kImport, kCopy };

struct AttributeRule {
  enum class Action { kDrop, kKeep, kDecision } action = Action::kKeep;
  std::string note;
};

struct TypeRule {
  std::string to;  // FIDL spelling; `a.b.Name` imports library a.b
  std::string note;
};

struct LibraryRule {
  std::optional<std::string> rename;
  std::map<std::string, std::string> types;   // declaration renames
  std::map<std::string, uint32_t> bounds;     // "Struct.member" → vector/string bound
  std::optional<DependencyMode> unmigrated;   // how users of this library import it until it migrates
};

struct ProtocolRule {
  std::optional<std::string> rename;
  std::optional<Transport> transport;
  std::optional<Callbacks> callbacks;
  std::optional<bool> open;
  std::map<std::string, std::string> methods;  // method renames
  std::map<std::string, uint32_t> bounds;      // "Method.field" → vector/string bound
  std::optional<std::string> service_member;
};

struct Naming {
  std::string service = "Service";
  std::string service_member = "device";
  std::string event_prefix = "On";
  std::string copy_prefix = "Temporary";
  std::vector<std::string> list_suffixes, count_suffixes, offset_names, size_names, pointer_names;
};

struct Rules {
  Transport transport = Transport::kDriver;
  Callbacks callbacks = Callbacks::kReverseProtocol;
  bool open = false;
  DependencyMode unmigrated_dependencies = DependencyMode::kImport;
  uint64_t message_limit = 65536;
  Naming naming;
  std::map<std::string, AttributeRule> attributes;  // by canonical (snake_case) name
  std::map<std::string, TypeRule> types;            // "usize", "voidptr", "vector<voidptr>", "lib/Name"
  std::vector<std::string> comment_hints;           // lower case
  std::map<std::string, LibraryRule> libraries;     // by library name
  std::map<std::string, ProtocolRule> protocols;    // by "library/Protocol"

  const ProtocolRule& Protocol(const std::string& library, const std::string& protocol) const;
  const LibraryRule& Library(const std::string& library) const;
  const AttributeRule* Attribute(const std::string& canonical_name) const;
  const TypeRule* Type(const std::string& key) const;
};

// The compiled-in defaults (rules/migrate-protocol.json).
const std::string& DefaultRulesText();
// The defaults with `patch_text` (may be empty) merged over them. On error returns nullopt and
// sets `error` to "<source>: <json path>: <what is wrong>" or "<source>:line:col: ..." for
// malformed JSON.
std::optional<Rules> LoadRules(const std::string& patch_text, const std::string& source,
                               std::string* error);

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_RULES_H_
