// The driver-source diffs a wave brings: for each driver the config gives sources for, the
// unified diff from its source in the tree to the rewritten source of the variant it moves to in
// that wave (dual at its port, replace at its delete_variant), written as
// <out>/wave-NN/<driver>.<mode>.diff. A rewritten source that does not exist (not built yet) just
// gives no diff.
#ifndef FDFKIT_MIGRATE_WAVES_SOURCE_DIFFS_H_
#define FDFKIT_MIGRATE_WAVES_SOURCE_DIFFS_H_

#include <string>
#include <vector>

#include "migrate/waves/inputs.h"
#include "migrate/waves/migration_state.h"
#include "migrate/waves/results.h"

namespace fdfkit::waves {

// `folder` is the wave's folder name under `out` ("wave-03"). Diffs that could not be written
// are named in `unwritten`.
std::vector<SourceDiff> WriteSourceDiffs(const WaveInputs& inputs, const MigrationState& state,
                                         int wave, const std::string& out,
                                         const std::string& folder,
                                         std::vector<std::string>* unwritten);

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_SOURCE_DIFFS_H_
