// waves.json (schema "fdfkit-waves/1"): a run's results for machines — per wave its actions,
// diffs, host and driver states, and per board the variants booted and every check's outcome.
#ifndef FDFKIT_MIGRATE_WAVES_RESULTS_JSON_H_
#define FDFKIT_MIGRATE_WAVES_RESULTS_JSON_H_

#include <string>

#include "migrate/waves/inputs.h"
#include "migrate/waves/results.h"

namespace fdfkit::waves {

inline constexpr char kResultsSchema[] = "fdfkit-waves/1";

std::string WavesJson(const WaveInputs& inputs, const RunResult& result);

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_RESULTS_JSON_H_
