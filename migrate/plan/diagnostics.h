// migrate-plan's diagnostics: the table of everything it can report (diagnostics.def, expanded
// here as diag::k<Name>) and the two kinds of place a diagnostic points at. Inventories, plans and
// overlays are JSON documents, so their problems sit at a JSON path; the scanned tree and the
// board files are text, so theirs sit at a file, line and column. Call sites name a row and pass
// its arguments; the text is written once, in the table.
#ifndef FDFKIT_MIGRATE_PLAN_DIAGNOSTICS_H_
#define FDFKIT_MIGRATE_PLAN_DIAGNOSTICS_H_

#include <string>
#include <string_view>
#include <utility>

#include "support/diagnostic.h"

namespace fdfkit::plan {

namespace diag {
#define FDFKIT_DIAGNOSTIC_PREFIX "FDFPLAN"
#define FDFKIT_DIAGNOSTIC_TABLE "migrate/plan/diagnostics.def"
#include "support/diagnostic_table.inc"
}  // namespace diag

// A diagnostic about a JSON document at a JSON path ("$.drivers[3].serves[0]"), or about the
// document as a whole (a plan missing an action) when `path` is empty. An overlay's paths start
// with the overlay's name, since the scan reads two documents (the overlay and the merged rules).
struct JsonDiagnostic : support::Diagnostic {
  std::string path;
  // Hides Diagnostic::Text on purpose: a located diagnostic always prints where it is.
  // "$.drivers[3].serves[0]: error: [FDFPLAN032] unknown protocol \"nope\""
  std::string Text() const;
};

template <typename... Args>
JsonDiagnostic AtPath(std::string path, const support::DiagnosticDef<Args...>& def,
                      const std::type_identity_t<Args>&... args) {
  return {support::Make(def, args...), std::move(path)};
}

// A diagnostic at a place in a file of the scanned tree, its path relative to the tree root.
// `line` and `column` are 0 when unknown; `file` is "" when no single file is concerned.
struct FileDiagnostic : support::Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  // "file:line:column: error: [FDFPLAN102] message", the file under `root` when one is given
  // (paths are kept relative to the tree; a user wants them relative to where they are). A
  // warning is something the scan could not decide: "...: warning: [FDFPLAN142] unresolved: ...".
  // With no file: "migrate-plan: error: [...] ...".
  std::string Text(std::string_view root = {}) const;
};

template <typename... Args>
FileDiagnostic AtFile(std::string file, int line, int column,
                      const support::DiagnosticDef<Args...>& def,
                      const std::type_identity_t<Args>&... args) {
  return {support::Make(def, args...), std::move(file), line, column};
}

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_DIAGNOSTICS_H_
