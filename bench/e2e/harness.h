// The benchmark run: for each variant, build the stack, check it moves the right bytes and stops
// bad requests at the partition, then run the workload at each queue depth (a warm-up, then the
// measured ops) and measure it; then tear the stack down and reset the runtime.
#ifndef FDFKIT_BENCH_E2E_HARNESS_H_
#define FDFKIT_BENCH_E2E_HARNESS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "bench/e2e/block_stack.h"

namespace fdfkit::bench::e2e {

struct Options {
  uint64_t ops = 20000;
  uint64_t warmup = 2000;
  uint64_t seed = 0x0e2eb10c;
  std::vector<uint32_t> depths = {1, 2, 4, 8, 32};
  std::vector<Variant> variants = {std::begin(kAllVariants), std::end(kAllVariants)};
  std::string self;  // this binary, re-executed for the layer processes
};

// One (variant, depth) measurement, over the measured ops only.
struct RunResult {
  uint32_t depth = 0;
  uint64_t ops = 0;
  uint64_t failures = 0;  // ops that completed with an error
  double wall_s = 0;
  double iops = 0;
  double mib_per_s = 0;
  double mean_us = 0;
  double p50_us = 0;
  double p99_us = 0;
  double p999_us = 0;
  double max_us = 0;
  double cpu_us_per_op = 0;  // every thread of every involved process
  double cpu_utilization = 0;  // CPU time / wall time (1.0 = one busy CPU)
  // Time the stack's runnable threads waited for a CPU, per op: high when the machine is busy
  // with other work (or the stack has more runnable threads than CPUs).
  double runqueue_wait_us_per_op = 0;
  double voluntary_switches_per_op = 0;
  double involuntary_switches_per_op = 0;
  uint64_t processes = 0;
  uint64_t threads = 0;
};

struct VariantResult {
  Variant variant = Variant::kBanjo;
  std::string description;
  bool built = false;
  bool correct = false;
  std::vector<std::string> check_log;  // what each check found
  std::vector<RunResult> runs;
};

struct Machine {
  unsigned nproc = 0;
  std::string kernel;
  std::string cpu;
};

struct BenchResult {
  Options options;
  Machine machine;
  std::vector<VariantResult> variants;
  // Every variant built and passed its checks.
  bool ok() const;
};

BenchResult RunBenchmark(const Options& options);

}  // namespace fdfkit::bench::e2e

#endif  // FDFKIT_BENCH_E2E_HARNESS_H_
