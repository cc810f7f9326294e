// migrate-driver's diagnostics: the table of everything it can report (diagnostics.def, expanded
// here as diag::k<Name>). They print as support::LocatedDiagnostic does: file:line:col, the
// source line and a caret, or "migrate-driver: error: ..." when no file is concerned.
#ifndef FDFKIT_MIGRATE_DRIVER_DIAGNOSTICS_H_
#define FDFKIT_MIGRATE_DRIVER_DIAGNOSTICS_H_

#include <cstddef>
#include <string_view>

#include "support/diagnostic.h"

namespace fdfkit::driver_migration {

namespace diag {
#define FDFKIT_DIAGNOSTIC_PREFIX "FDFDRV"
#define FDFKIT_DIAGNOSTIC_TABLE "migrate/driver/diagnostics.def"
#include "support/diagnostic_table.inc"
}  // namespace diag

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_DIAGNOSTICS_H_
