// The driver framework's diagnostics: the table of everything it reports (diagnostics.def,
// expanded as diag::k<Name>), collected as located diagnostics (support/located_diagnostics.h).
#ifndef FDFKIT_RUNTIME_DRIVER_DIAGNOSTICS_H_
#define FDFKIT_RUNTIME_DRIVER_DIAGNOSTICS_H_

#include "support/diagnostic.h"
#include "support/located_diagnostics.h"
#include "support/source_file.h"

namespace fdfkit::driver {

namespace diag {
#define FDFKIT_DIAGNOSTIC_PREFIX "FDFDRV"
#define FDFKIT_DIAGNOSTIC_TABLE "runtime/driver/diagnostics.def"
#include "support/diagnostic_table.inc"
}  // namespace diag

using support::Diagnostics;
using support::SourceFile;

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_DIAGNOSTICS_H_
