#include "bench/e2e/targets.h"

namespace fdfkit::bench::e2e {
namespace {

using Metric = double RunResult::*;

Target Ratio(const BenchResult& result, std::string name, uint32_t depth, Variant other,
             Metric metric, const char* relation, double threshold) {
  Target t{std::move(name), depth, relation, threshold, std::nullopt};
  const RunResult* dt = FindRun(result, Variant::kDriverInline, depth);
  const RunResult* base = FindRun(result, other, depth);
  if (dt != nullptr && base != nullptr && base->*metric > 0) {
    t.ratio = dt->*metric / (base->*metric);
  }
  return t;
}

}  // namespace

const RunResult* FindRun(const BenchResult& result, Variant variant, uint32_t depth) {
  for (const VariantResult& v : result.variants) {
    // A variant that failed its checks has no numbers worth a ratio.
    if (v.variant != variant || !v.correct) continue;
    for (const RunResult& r : v.runs) {
      if (r.depth == depth) return &r;
    }
  }
  return nullptr;
}

std::vector<Target> ComputeTargets(const BenchResult& result) {
  std::vector<Target> targets;
  targets.push_back(Ratio(result, "dt-inline IOPS >= 0.5x banjo", 1, Variant::kBanjo,
                          &RunResult::iops, ">=", 0.5));
  targets.push_back(Ratio(result, "dt-inline IOPS >= 10x channel", 1, Variant::kChannel,
                          &RunResult::iops, ">=", 10));
  for (uint32_t depth : result.options.depths) {
    targets.push_back(Ratio(result, "dt-inline p99 <= 2x banjo", depth, Variant::kBanjo,
                            &RunResult::p99_us, "<=", 2));
    targets.push_back(Ratio(result, "dt-inline CPU/op <= 2x banjo", depth, Variant::kBanjo,
                            &RunResult::cpu_us_per_op, "<=", 2));
  }
  // "Beats channel FIDL": higher IOPS and throughput, lower p99 and CPU per op, at every depth.
  for (uint32_t depth : result.options.depths) {
    targets.push_back(Ratio(result, "dt-inline IOPS > channel", depth, Variant::kChannel,
                            &RunResult::iops, ">", 1));
    targets.push_back(Ratio(result, "dt-inline MiB/s > channel", depth, Variant::kChannel,
                            &RunResult::mib_per_s, ">", 1));
    targets.push_back(Ratio(result, "dt-inline p99 < channel", depth, Variant::kChannel,
                            &RunResult::p99_us, "<", 1));
    targets.push_back(Ratio(result, "dt-inline CPU/op < channel", depth, Variant::kChannel,
                            &RunResult::cpu_us_per_op, "<", 1));
  }
  return targets;
}

}  // namespace fdfkit::bench::e2e
