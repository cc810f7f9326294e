// migrate-waves's diagnostics: the table of what it reports about its inputs (diagnostics.def,
// expanded as diag::k<Name>). Its inputs are files and JSON documents, so a diagnostic names the
// file and, inside a JSON document, the JSON path of the value that is wrong.
#ifndef FDFKIT_MIGRATE_WAVES_DIAGNOSTICS_H_
#define FDFKIT_MIGRATE_WAVES_DIAGNOSTICS_H_

#include <string>
#include <type_traits>
#include <utility>

#include "support/diagnostic.h"

namespace fdfkit::waves {

namespace diag {
#define FDFKIT_DIAGNOSTIC_PREFIX "FDFWAVE"
#define FDFKIT_DIAGNOSTIC_TABLE "migrate/waves/diagnostics.def"
#include "support/diagnostic_table.inc"
}  // namespace diag

// A problem in `file` (empty: the command line) at JSON path `path` (empty: the file as a whole).
// Other tools' diagnostics (migrate-plan's, about the inventory and plan) are carried as they are.
struct InputDiagnostic : support::Diagnostic {
  std::string file;
  std::string path;
  // "waves.json: $.boards[1].checks[0].event: error: [FDFWAVE023] not a valid regular ..."
  // or "migrate-waves: error: [...] ..." when no file is concerned.
  std::string Text() const;
};

template <typename... Args>
InputDiagnostic At(std::string file, std::string path, const support::DiagnosticDef<Args...>& def,
                   const std::type_identity_t<Args>&... args) {
  return {support::Make(def, args...), std::move(file), std::move(path)};
}

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_DIAGNOSTICS_H_
