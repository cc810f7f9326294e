#include "bench/e2e/process_stats.h"

#include <dirent.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace fdfkit::bench::e2e {
namespace {

// schedstat: nanoseconds this thread spent on a CPU, then waiting for one while runnable.
void ReadSchedstat(const std::string& task_dir, ProcessStats* stats) {
  FILE* f = std::fopen((task_dir + "/schedstat").c_str(), "re");
  if (f == nullptr) return;
  unsigned long long run_ns = 0, wait_ns = 0;
  if (std::fscanf(f, "%llu %llu", &run_ns, &wait_ns) == 2) {
    stats->cpu_ns += run_ns;
    stats->runqueue_wait_ns += wait_ns;
  }
  std::fclose(f);
}

void ReadSwitches(const std::string& task_dir, ProcessStats* stats) {
  FILE* f = std::fopen((task_dir + "/status").c_str(), "re");
  if (f == nullptr) return;
  char line[256];
  while (std::fgets(line, sizeof line, f) != nullptr) {
    unsigned long long value = 0;
    if (std::sscanf(line, "voluntary_ctxt_switches: %llu", &value) == 1) {
      stats->voluntary_switches += value;
    } else if (std::sscanf(line, "nonvoluntary_ctxt_switches: %llu", &value) == 1) {
      stats->involuntary_switches += value;
    }
  }
  std::fclose(f);
}

}  // namespace

ProcessStats& ProcessStats::operator+=(const ProcessStats& other) {
  cpu_ns += other.cpu_ns;
  runqueue_wait_ns += other.runqueue_wait_ns;
  voluntary_switches += other.voluntary_switches;
  involuntary_switches += other.involuntary_switches;
  threads += other.threads;
  return *this;
}

ProcessStats ProcessStats::Since(const ProcessStats& before) const {
  ProcessStats d;
  d.cpu_ns = cpu_ns - before.cpu_ns;
  d.runqueue_wait_ns = runqueue_wait_ns - before.runqueue_wait_ns;
  d.voluntary_switches = voluntary_switches - before.voluntary_switches;
  d.involuntary_switches = involuntary_switches - before.involuntary_switches;
  d.threads = threads;
  return d;
}

ProcessStats ReadProcessStats(pid_t pid) {
  // Per thread: /proc/<pid>/status and schedstat describe one thread (the leader), not the group.
  std::string base = "/proc/" + (pid == 0 ? std::string("self") : std::to_string(pid)) + "/task";
  ProcessStats stats;
  DIR* dir = opendir(base.c_str());
  if (dir == nullptr) return stats;
  while (dirent* entry = readdir(dir)) {
    if (entry->d_name[0] == '.') continue;
    std::string task = base + "/" + entry->d_name;
    ReadSchedstat(task, &stats);
    ReadSwitches(task, &stats);
    ++stats.threads;
  }
  closedir(dir);
  return stats;
}

ProcessStats ReadProcessStats(const std::vector<pid_t>& pids) {
  ProcessStats total;
  for (pid_t pid : pids) total += ReadProcessStats(pid);
  return total;
}

}  // namespace fdfkit::bench::e2e
