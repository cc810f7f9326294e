// Issue 22 §3's targets, computed from one run as ratios between variants measured side by side
// (absolute numbers drift between runs on these machines; ratios within a run do not).
#ifndef FDFKIT_BENCH_E2E_TARGETS_H_
#define FDFKIT_BENCH_E2E_TARGETS_H_

#include <optional>
#include <string>
#include <vector>

#include "bench/e2e/harness.h"

namespace fdfkit::bench::e2e {

struct Target {
  std::string name;       // e.g. "dt-inline IOPS ≥ 0.5× banjo"
  uint32_t depth = 0;     // the queue depth it is read at
  std::string relation;   // ">=", ">", "<=" or "<"
  double threshold = 0;   // the ratio it must reach
  std::optional<double> ratio;  // measured (dt-inline / other); none if a run is missing
  bool pass() const {
    if (!ratio) return false;
    if (relation == ">=") return *ratio >= threshold;
    if (relation == ">") return *ratio > threshold;
    if (relation == "<=") return *ratio <= threshold;
    return *ratio < threshold;
  }
};

std::vector<Target> ComputeTargets(const BenchResult& result);

// The run of `variant` at `depth`, if it was measured.
const RunResult* FindRun(const BenchResult& result, Variant variant, uint32_t depth);

}  // namespace fdfkit::bench::e2e

#endif  // FDFKIT_BENCH_E2E_TARGETS_H_
