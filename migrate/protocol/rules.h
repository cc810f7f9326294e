// Migration rules: the declarative knobs migrate-protocol reads (rules/migrate-protocol.json is
// the default set, compiled in; `--rules FILE` is merged over it as a JSON merge patch). Every
// rules file is validated; an error names the file and the JSON path of the bad value, with a row
// of the diagnostics table (diagnostics.def).
#ifndef FDFKIT_MIGRATE_PROTOCOL_RULES_H_
#define FDFKIT_MIGRATE_PROTOCOL_RULES_H_

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migrate/protocol/diagnostics.h"

namespace fdfkit::protocol {

enum class Transport { kDriver, kChannel };
enum class Callbacks { kReverseProtocol, kEvents };
enum class DependencyMode { kImport, kCopy };
enum class Openness { kClosed, kAjar, kOpen };
enum class Strictness { kStrict, kFlexible };
const char* TransportName(Transport transport);    // "driver", "channel"
const char* OpennessName(Openness openness);       // "closed", "ajar", "open"
const char* StrictnessName(Strictness strictness);  // "strict", "flexible"

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
  std::optional<Transport> transport;          // every protocol of the library
  std::string why;                             // said in the report beside what the rule did
  std::map<std::string, std::string> types;    // declaration renames
  std::map<std::string, uint32_t> bounds;      // "Struct.member" → vector/string bound
  std::optional<DependencyMode> unmigrated;    // how users of this library import it until it migrates
};

struct MethodRule {
  std::optional<std::string> rename;
  std::optional<Strictness> strictness;
};

// Data a callee wrote in place inside the elements of a request vector comes back in a response
// vector, one element per request element: `field` names the response member, `type` the struct
// that holds each element's written-back members.
struct InPlaceRule {
  std::string field;
  std::string type;
};

struct ProtocolRule {
  std::optional<std::string> rename;
  std::optional<Transport> transport;
  std::optional<Callbacks> callbacks;
  std::optional<Openness> openness;
  std::optional<Strictness> strictness;         // its methods' default
  std::optional<bool> discoverable;
  std::string why;
  std::map<std::string, MethodRule> methods;    // by banjo method name
  std::map<std::string, uint32_t> bounds;       // "Method.field" → vector/string bound
  std::map<std::string, InPlaceRule> in_place;  // "Method.parameter" → names
  std::optional<std::string> service;           // the service's name
  std::optional<std::string> service_member;
};

struct Naming {
  std::string service = "Service";
  std::string service_member = "device";
  std::string event_prefix = "On";
  std::string copy_prefix = "Temporary";
  std::vector<std::string> list_suffixes, count_suffixes, offset_names, size_names, pointer_names;
};

// Where a rule value came from: the file and JSON path a report cites.
struct RuleOrigin {
  std::string file;  // "rules/migrate-protocol.json" or the --rules file
  std::string path;  // "$.libraries[\"fuchsia.hardware.gpio\"].transport"
  std::string Text() const { return file + ": " + path; }
};

struct Rules {
  Transport transport = Transport::kDriver;
  Callbacks callbacks = Callbacks::kReverseProtocol;
  Openness openness = Openness::kClosed;
  Strictness strictness = Strictness::kStrict;
  DependencyMode unmigrated_dependencies = DependencyMode::kImport;
  uint64_t message_limit = 65536;
  Naming naming;
  std::map<std::string, AttributeRule> attributes;  // by canonical (snake_case) name
  std::map<std::string, TypeRule> types;            // "usize", "voidptr", "vector<voidptr>", "lib/Name"
  std::vector<std::string> comment_hints;           // lower case
  std::map<std::string, LibraryRule> libraries;     // by library name
  std::map<std::string, ProtocolRule> protocols;    // by "library/Protocol"
  // The user's patch as given (empty without one), so a key can be traced to the file that set it
  // and checked against the input.
  nlohmann::json patch = nlohmann::json::object();
  std::string patch_source;
  // Values set on the command line, by JSON path: "$.defaults.transport" → "--transport".
  std::map<std::string, std::string> flags;

  const ProtocolRule& Protocol(const std::string& library, const std::string& protocol) const;
  const LibraryRule& Library(const std::string& library) const;
  const AttributeRule* Attribute(const std::string& canonical_name) const;
  const TypeRule* Type(const std::string& key) const;
  // The file that set the value at `path` (a JSON path into the rules): the patch if it has it.
  RuleOrigin Origin(const std::vector<std::string>& keys) const;
};

// A problem with a rules file: the file, the place in it (JSON path or line:column) and the row.
struct RulesProblem {
  std::string file;
  std::string where;
  support::Diagnostic diagnostic;
  // "my.json: $.defaults.transport: error: [FDFMIG007] 'x' is not one of: driver, channel"
  std::string Text() const;
};

// The compiled-in defaults (rules/migrate-protocol.json).
const std::string& DefaultRulesText();
inline constexpr const char* kDefaultRulesFile = "rules/migrate-protocol.json";

// The defaults with `patch_text` (may be empty) merged over them; nullopt and `problem` set when
// either is invalid.
std::optional<Rules> LoadRules(const std::string& patch_text, const std::string& source,
                               RulesProblem* problem);

// A combination FIDL rejects: flexible methods in a closed protocol (from the defaults, a
// protocol's rule, or a method's), located at the rule that made the methods flexible.
std::optional<RulesProblem> CheckOpennessAndStrictness(const Rules& rules);

// The JSON path of `keys` as the problems print it: `$.protocols["a.b/P"].transport`.
std::string JsonPath(const std::vector<std::string>& keys);

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_RULES_H_
