// Translator: one resolved banjo library → its driver-transport FIDL clone (RFC-0126 step 1), the
// mapping from every banjo method and parameter to what replaced it, and the list of changes made
// and decisions left to a human. The rows it implements are those of the reference's §3.3.
#ifndef FDFKIT_MIGRATE_PROTOCOL_TRANSLATOR_H_
#define FDFKIT_MIGRATE_PROTOCOL_TRANSLATOR_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "idl/diagnostics.h"
#include "idl/flat_ast.h"

namespace fdf_migrate {

struct TranslateOptions {
  enum class Transport { kDriver, kChannel } transport = Transport::kDriver;
  enum class Callbacks { kReverseProtocol, kEvents } callbacks = Callbacks::kReverseProtocol;
  bool open_protocols = false;  // open + flexible instead of closed + strict
};

// Something the translation did, or something it could not decide: `where` is file:line:col.
struct Note {
  enum class Kind { kChange, kDecision };
  Kind kind;
  std::string where;
  std::string text;
};

struct Translation {
  std::string library;
  std::string fidl;            // modern FIDL, not yet canonicalised by the formatter
  nlohmann::ordered_json mapping;  // schema fdfkit-mapping/1 (migrate/README.md)
  std::vector<Note> notes;
};

Translation Translate(const fdf_idl::flat::Library& library, const fdf_idl::SourceFiles& files,
                      const TranslateOptions& options);

// The migration report: every change, then every decision left to a human, with locations.
std::string MigrationReport(const Translation& translation, const std::string& source);

}  // namespace fdf_migrate

#endif  // FDFKIT_MIGRATE_PROTOCOL_TRANSLATOR_H_
