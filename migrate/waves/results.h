// What a run of the waves found, per wave, per board, per check: what waves.json and the HTML
// report are written from. Paths of files written under the output folder are relative to it.
#ifndef FDFKIT_MIGRATE_WAVES_RESULTS_H_
#define FDFKIT_MIGRATE_WAVES_RESULTS_H_

#include <map>
#include <string>
#include <vector>

namespace fdfkit::waves {

struct CheckResult {
  std::string name;
  bool passed = false;
  std::string reason;  // why it failed (or what it saw, when it passed)
};

struct BoardResult {
  std::string board;
  std::vector<std::string> variants;  // what booted, in board order
  std::string board_json;             // relative to the output folder; "" if not written
  std::string events;
  std::string boot_log;
  std::vector<CheckResult> checks;
  bool passed() const;
  const CheckResult* first_failure() const;
};

struct AppliedDiff {
  std::string board, host;
  std::string source;  // as updates.json names it
  std::string copy;    // the copy beside the wave's results, relative to the output folder
  std::string log;     // patch's output, relative to the output folder
  bool applied = false;
  std::string reason;
};

struct SourceDiff {
  std::string driver;
  std::string mode;  // "dual" or "replace"
  std::string file;  // relative to the output folder
};

struct HostStatus {
  std::string board, host;
  std::string state;  // HostStateClass: "banjo", "dual", "switched"
  std::string label;  // HostStateName
};

struct WaveResult {
  int wave = 0;
  bool ran = false;    // false: an earlier wave failed, or it is past --through-wave
  bool green = false;
  std::vector<std::string> actions;
  std::vector<AppliedDiff> diffs;
  std::vector<SourceDiff> source_diffs;
  std::vector<HostStatus> hosts;
  std::map<std::string, std::string> drivers;  // driver → variant kind after the wave
  std::vector<BoardResult> boards;
  std::string failure;  // "<board>: <check>: <reason>" of the first failing check
};

struct RunResult {
  std::vector<WaveResult> waves;  // every wave of the plan that was asked for
  std::vector<HostStatus> start;  // host states before wave 1
  int failed_wave = 0;            // 0: none failed
  int last_green = 0;             // what <out>/tree holds
  std::string failure;
  bool start_failed = false;      // the starting tree could not be made: no wave ran
  std::string output_error;       // a diagnostic: an output could not be written, the run stopped
  bool green() const { return failed_wave == 0 && !start_failed && output_error.empty(); }
};

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_RESULTS_H_
