// migrate-waves: replays a migration plan wave by wave on a copy of the tree, boots every
// configured board as each wave leaves it, runs the boards' behaviour checks, and stops at the
// first wave that fails. <out>/tree is always the tree of the last green wave.
#ifndef FDFKIT_MIGRATE_WAVES_WAVE_RUNNER_H_
#define FDFKIT_MIGRATE_WAVES_WAVE_RUNNER_H_

#include <ostream>

#include "migrate/waves/inputs.h"
#include "migrate/waves/results.h"

namespace fdfkit::waves {

inline constexpr int kExitGreen = 0;       // every wave asked for is green
inline constexpr int kExitWaveFailed = 1;  // a wave (or the start) failed; the report says why
inline constexpr int kExitBadInput = 2;    // nothing ran and nothing was written
inline constexpr int kExitCannotWrite = 3;  // an output could not be written; the run stopped

// Runs the waves of already validated inputs, writing under inputs.options.out.
RunResult RunWaveSequence(const WaveInputs& inputs);

// The whole command: validate, run, write <out>/waves.json and <out>/report.html. Progress goes
// to `out`, problems to `err`.
int RunWaves(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_WAVE_RUNNER_H_
