// Runs a program to completion in a process group of its own, with its output in a file and a
// deadline (CLOCK_MONOTONIC). When the program ends or times out, whatever is left in its group is
// killed (fdfkit-boot starts driver host processes, which must not outlive it), before the
// program is reaped so its pid cannot have been reused. Spawned with posix_spawn.
#ifndef FDFKIT_MIGRATE_WAVES_SUBPROCESS_H_
#define FDFKIT_MIGRATE_WAVES_SUBPROCESS_H_

#include <string>
#include <vector>

namespace fdfkit::waves {

struct ProcessRun {
  std::vector<std::string> argv;            // argv[0] is the program's path
  std::vector<std::string> extra_env;       // "NAME=value", added to this process's environment;
                                            // entries without '=' are ignored
  std::string output;                       // stdout and stderr go here (truncated first)
  int timeout_seconds = 60;
  bool search_path = false;                 // find argv[0] in PATH ("patch")
};

struct ProcessResult {
  bool started = false;
  std::string error;      // why it did not start
  bool timed_out = false;
  int exit_code = -1;     // when it exited
  int signal = 0;         // when a signal ended it
  // "exit 0", "exit 3", "killed by signal 11", "timed out after 60 s", "could not start: ..."
  std::string Describe(int timeout_seconds) const;
  bool succeeded() const { return started && !timed_out && exit_code == 0; }
};

ProcessResult RunProcess(const ProcessRun& run);

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_SUBPROCESS_H_
