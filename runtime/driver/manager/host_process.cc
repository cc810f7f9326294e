#include "runtime/driver/manager/host_process.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <zircon/linux.h>

#include <cstdio>

extern char** environ;

namespace fdfkit::driver {

zx::result<std::unique_ptr<HostProcess>> HostProcess::Spawn(
    const std::string& binary, uint64_t id, async_dispatcher_t* dispatcher,
    std::function<void(HostProcess*)> on_exit) {
  zx::result endpoints = fidl::CreateEndpoints<fuchsia_driver_host::DriverHost>();
  if (endpoints.is_error()) return endpoints.take_error();
  zx::channel server = endpoints->server.TakeChannel();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // Our fds are close-on-exec; dup2 makes the channel the child's fd 3 and clears the flag there.
  posix_spawn_file_actions_adddup2(&actions, zx_linux_handle_to_fd(server.get()), 3);
  std::string path = binary;
  std::string host_id = std::to_string(id);
  char* argv[] = {path.data(), host_id.data(), nullptr};
  // The host starts with no signal blocked and default dispositions, whatever the manager's
  // threads block (fdfkit-boot blocks SIGINT/SIGTERM to sigwait for them).
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  int error = posix_spawn(&pid, path.c_str(), &actions, &attributes, argv, environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    std::fprintf(stderr, "fdfkit: cannot start driver host %s: %s\n", path.c_str(),
                 std::strerror(error));
    return zx::error(ZX_ERR_NOT_FOUND);
  }
  std::unique_ptr<HostProcess> host(new HostProcess(id, pid));
  host->on_exit_ = std::move(on_exit);
  host->client_.Bind(std::move(endpoints->client), dispatcher, host.get());
  return zx::ok(std::move(host));
}

HostProcess::~HostProcess() {
  client_.AsyncTeardown();
  if (!exited_) {
    // The manager frees a host only once every driver in it has stopped: nothing is left to lose,
    // and waiting for the host to notice its closed channel would block the manager's dispatcher
    // (the close itself is done from that dispatcher, after this returns).
    kill(pid_, SIGKILL);
    int status;
    waitpid(pid_, &status, 0);
    exited_ = true;
  }
}

void HostProcess::Kill() {
  if (!exited_) kill(pid_, SIGKILL);
}

void HostProcess::Reap() {
  if (exited_) return;
  int status = 0;
  // The channel closes as the process exits, so it has usually gone already. One that closed the
  // channel and lives on is of no use to anyone: end it rather than block the manager.
  if (waitpid(pid_, &status, WNOHANG) != pid_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
  exit_status_ = status;
  exited_ = true;
}

void HostProcess::on_fidl_error(fidl::UnbindInfo info) {
  Reap();
  if (WIFSIGNALED(exit_status_)) {
    std::fprintf(stderr, "fdfkit: driver host %lu (pid %d) was killed by signal %d\n",
                 static_cast<unsigned long>(id_), pid_, WTERMSIG(exit_status_));
  } else if (WIFEXITED(exit_status_) && WEXITSTATUS(exit_status_) != 0) {
    std::fprintf(stderr, "fdfkit: driver host %lu (pid %d) exited with status %d\n",
                 static_cast<unsigned long>(id_), pid_, WEXITSTATUS(exit_status_));
  }
  if (on_exit_) on_exit_(this);
}

}  // namespace fdfkit::driver
