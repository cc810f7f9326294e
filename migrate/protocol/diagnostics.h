// migrate-protocol's diagnostics: the rows of diagnostics.def, as protocol::diag::k<Name>.
#ifndef FDFKIT_MIGRATE_PROTOCOL_DIAGNOSTICS_H_
#define FDFKIT_MIGRATE_PROTOCOL_DIAGNOSTICS_H_

#include "support/diagnostic.h"

namespace fdfkit::protocol::diag {
#define FDFKIT_DIAGNOSTIC_PREFIX "FDFMIG"
#define FDFKIT_DIAGNOSTIC_TABLE "migrate/protocol/diagnostics.def"
#include "support/diagnostic_table.inc"
}  // namespace fdfkit::protocol::diag

#endif  // FDFKIT_MIGRATE_PROTOCOL_DIAGNOSTICS_H_
