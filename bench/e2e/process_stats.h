// CPU time and context switches of a set of processes, read from /proc for every thread of each:
// the same method for every variant, so the in-process stacks and the one spread over host
// processes are charged alike.
#ifndef FDFKIT_BENCH_E2E_PROCESS_STATS_H_
#define FDFKIT_BENCH_E2E_PROCESS_STATS_H_

#include <sys/types.h>

#include <cstdint>
#include <vector>

namespace fdfkit::bench::e2e {

struct ProcessStats {
  uint64_t cpu_ns = 0;  // on-CPU time of every thread (schedstat: ns resolution, user + sys)
  uint64_t runqueue_wait_ns = 0;  // time runnable threads waited for a CPU (others' load shows)
  uint64_t voluntary_switches = 0;
  uint64_t involuntary_switches = 0;
  uint64_t threads = 0;

  ProcessStats& operator+=(const ProcessStats& other);
  // The growth since `before` (thread counts are taken from this sample).
  ProcessStats Since(const ProcessStats& before) const;
};

// Sums every thread of `pid` (0: this process). Threads that exited before the sample are not
// counted; the runtime's pool threads live as long as the variant, so a sample pair taken inside
// one variant loses nothing.
ProcessStats ReadProcessStats(pid_t pid);

// The sum over `pids` (this process is 0).
ProcessStats ReadProcessStats(const std::vector<pid_t>& pids);

}  // namespace fdfkit::bench::e2e

#endif  // FDFKIT_BENCH_E2E_PROCESS_STATS_H_
