#include "migrate/waves/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

extern char** environ;

namespace fdfkit::waves {
namespace {

using Clock = std::chrono::steady_clock;  // CLOCK_MONOTONIC: immune to wall-clock changes

int MillisecondsLeft(Clock::time_point deadline) {
  auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 1 << 30));
}

// Whether `pid` has exited, without reaping it: until it is reaped its pid, and so its process
// group's id, cannot be reused.
bool HasExited(pid_t pid) {
  siginfo_t info{};
  int r;
  do {
    r = waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
  } while (r < 0 && errno == EINTR);
  return r < 0 || info.si_pid == pid;  // an error (ECHILD): nothing left to wait for
}

// Waits until `pid` exits (left unreaped) or `deadline` passes; true when it exited. A pidfd
// makes the wait an event; without one (old kernels, seccomp) the state is polled in short steps.
bool WaitUntil(pid_t pid, Clock::time_point deadline) {
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (pidfd >= 0) {
    for (;;) {
      pollfd fd{pidfd, POLLIN, 0};
      int ready = poll(&fd, 1, MillisecondsLeft(deadline));
      if (ready > 0 || (ready == 0 && Clock::now() >= deadline) || (ready < 0 && errno != EINTR)) {
        close(pidfd);
        if (ready < 0) break;  // poll itself failed: fall back to polling the state
        return ready > 0;
      }
    }
  }
  for (;;) {
    if (HasExited(pid)) return true;
    if (Clock::now() >= deadline) return false;
    poll(nullptr, 0, std::min(20, MillisecondsLeft(deadline)));
  }
}

}  // namespace

std::string ProcessResult::Describe(int timeout_seconds) const {
  if (!started) return "could not start: " + error;
  if (timed_out) return "timed out after " + std::to_string(timeout_seconds) + " s";
  if (signal != 0) return "killed by signal " + std::to_string(signal);
  return "exit " + std::to_string(exit_code);
}

ProcessResult RunProcess(const ProcessRun& run) {
  ProcessResult result;
  std::vector<std::string> env;
  // An entry without '=' is no assignment: it is dropped (as a prefix "" it would match and drop
  // every variable of the environment).
  std::vector<std::string> extra_env;
  for (const std::string& extra : run.extra_env) {
    if (extra.find('=') != std::string::npos && extra.front() != '=') extra_env.push_back(extra);
  }
  for (char** e = environ; *e; ++e) {
    std::string entry = *e;
    bool overridden = false;
    for (const std::string& extra : extra_env) {
      size_t name = extra.find('=') + 1;  // the name and its '='
      if (entry.compare(0, name, extra, 0, name) == 0) overridden = true;
    }
    if (!overridden) env.push_back(entry);
  }
  env.insert(env.end(), extra_env.begin(), extra_env.end());
  std::vector<char*> envp, argv;
  for (std::string& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = run.argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, run.output.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setpgroup(&attributes, 0);  // a group of its own, to kill it whole
  sigset_t none, defaults;
  sigemptyset(&none);
  sigfillset(&defaults);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  int error = run.search_path
                  ? posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), envp.data())
                  : posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), envp.data());
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    result.error = std::strerror(error);
    return result;
  }
  result.started = true;
  Clock::time_point deadline = Clock::now() + std::chrono::seconds(run.timeout_seconds);
  result.timed_out = !WaitUntil(pid, deadline);
  // The leader is not reaped yet, so -pid still names its group and no other: anything left in it
  // (a driver host, a hung leader) is killed, then the leader is reaped.
  kill(-pid, SIGKILL);
  siginfo_t info{};
  while (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED) < 0 && errno == EINTR) {
  }
  if (result.timed_out) return result;
  if (info.si_code == CLD_EXITED) result.exit_code = info.si_status;
  if (info.si_code == CLD_KILLED || info.si_code == CLD_DUMPED) result.signal = info.si_status;
  return result;
}

}  // namespace fdfkit::waves
