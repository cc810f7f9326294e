// The bounds of the clone's response vectors and strings, read from the clone itself
// (migrate-protocol writes `<clone>.fidl` beside `<clone>.mapping.json`): a banjo server writing
// into its caller's buffer or string gets as much room, rewritten, as the clone's reply may carry.
#ifndef FDFKIT_MIGRATE_DRIVER_CLONE_BOUNDS_H_
#define FDFKIT_MIGRATE_DRIVER_CLONE_BOUNDS_H_

#include "migrate/driver/mapping_index.h"

namespace fdfkit::driver_migration {

// Sets ParameterMapping::bound of each response vector or string field the clone bounds, and
// LibraryMapping::clone_read. A clone that is not beside the mapping, or does not compile, leaves
// them unknown: what needs them is left for a human.
void ReadCloneBounds(LibraryMapping* library);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_CLONE_BOUNDS_H_
