// The bind tools' diagnostics: the table of everything they report (diagnostics.def, expanded as
// diag::k<Name>). They are collected as located diagnostics (support/located_diagnostics.h): in a
// source file (file:line:col with the line and a caret), at a place in a JSON test spec (file and
// JSON path, inside the message), or about a whole file.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_DIAGNOSTICS_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_DIAGNOSTICS_H_

#include "support/diagnostic.h"
#include "support/located_diagnostics.h"
#include "support/source_file.h"

namespace fdfkit::bind {

namespace diag {
#define FDFKIT_DIAGNOSTIC_PREFIX "FDFBIND"
#define FDFKIT_DIAGNOSTIC_TABLE "runtime/driver/bind/diagnostics.def"
#include "support/diagnostic_table.inc"
}  // namespace diag

using support::Diagnostics;
using support::LocatedDiagnostic;
using support::SourceFile;

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_DIAGNOSTICS_H_
