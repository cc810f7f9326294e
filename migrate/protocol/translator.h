// Translator: one resolved banjo library → its driver-transport FIDL clone (RFC-0126 step 1), the
// mapping from every banjo method and parameter to what replaced it, and the list of changes made
// and decisions left to a human. The rows it implements are those of the reference's §3.3; the
// choices it makes come from the rules (rules.h).
#ifndef FDFKIT_MIGRATE_PROTOCOL_TRANSLATOR_H_
#define FDFKIT_MIGRATE_PROTOCOL_TRANSLATOR_H_

#include <nlohmann/json.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "migrate/idl/diagnostics.h"
#include "migrate/idl/flat_ast.h"
#include "migrate/protocol/rules.h"
#include "migrate/protocol/transport_choice.h"

namespace fdfkit::protocol {

// Something the translation did, or something it could not decide: `where` is file:line:col.
struct Note {
  enum class Kind { kChange, kDecision };
  Kind kind;
  std::string where;
  std::string text;
};

struct Translation {
  std::string library;      // the banjo library
  std::string new_library;  // the clone's name (after renames)
  std::string source;       // the banjo library's first file
  std::string fidl;         // modern FIDL, not yet canonicalised by the formatter
  nlohmann::ordered_json mapping;  // schema fdfkit-mapping/1 (migrate/README.md)
  std::vector<Note> notes;
  // Rules that make the clone invalid FIDL, located at the rule to change (nothing is written).
  std::vector<RulesProblem> rule_problems;
  // Where each of the clone's methods came from, keyed "Protocol.Method" (the clone's names),
  // so checks on the compiled clone can point at the banjo source and at the rule to write.
  struct Origin {
    std::string where;          // the banjo method, file:line:col
    std::string rule_protocol;  // "library/Protocol" whose rule bounds its fields
    std::string banjo_method;
    // Response fields that return what the callee wrote in place, by their clone names: the
    // rule bound of the banjo member they mirror, which bounds them too.
    struct BoundBy {
      std::string library;  // the banjo library whose rule holds `key`; empty: `rule_protocol`'s
      std::string key;      // "Method.parameter" or "Struct.field"
    };
    std::map<std::string, BoundBy> returned;
  };
  std::map<std::string, Origin> origins;
  // Structs the clone declares that banjo did not (the element data returned from in place), by
  // their clone names: the banjo struct whose members they hold, whose bound rules apply to them.
  std::map<std::string, std::string> synthesized;
};

// `migrating`: every library cloned in this run; other dependencies are "not yet migrated" and
// are imported or copied as the rules say.
Translation Translate(const fdfkit::idl::flat::Library& library, const fdfkit::idl::SourceFiles& files,
                      const Rules& rules, const InventoryTransports& inventory,
                      const std::set<std::string>& migrating);

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_TRANSLATOR_H_
