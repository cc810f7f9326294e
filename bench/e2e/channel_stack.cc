// Variant 4, Zircon-channel FIDL with each driver in its own host process: the benchmark
// re-executes itself once per layer (channel_layer.h), handing each its channel ends as inherited
// fds as the driver manager hands a host its channel (runtime/driver/manager/host_process.cc).
// The top client stays here, on its own dispatcher. Each process has its own runtime (pool and
// poller threads); every hop is a socket write and a wake of the peer's poller.
#include <fcntl.h>
#include <fidl/fdfkit.bench.blockio/cpp/wire.h>
#include <lib/fdf/env.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zircon/linux.h>

#include <cstdio>
#include <cstring>
#include <optional>

#include "bench/e2e/block_stack.h"
#include "bench/e2e/channel_layer.h"
#include "bench/e2e/runtime_setup.h"

extern char** environ;

namespace fdfkit::bench::e2e {
namespace {

using fdfkit_bench_blockio::Blockio;

// Starts `argv`, giving it `fds` (each keeps its number; a dup2 onto itself clears
// close-on-exec in the child only, so no other child inherits them). -1 on failure.
pid_t Spawn(const std::vector<std::string>& argv, const std::vector<int>& fds) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  for (int fd : fds) posix_spawn_file_actions_adddup2(&actions, fd, fd);
  // The child starts with no signal blocked and default dispositions, whatever ours are.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<char*> raw;
  for (const std::string& arg : argv) raw.push_back(const_cast<char*>(arg.c_str()));
  raw.push_back(nullptr);
  pid_t pid = -1;
  int error = posix_spawn(&pid, argv[0].c_str(), &actions, &attributes, raw.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    std::fprintf(stderr, "e2e: cannot start %s: %s\n", argv[0].c_str(), std::strerror(error));
    return -1;
  }
  return pid;
}

// Waits up to `timeout_ms` for `pid` to exit (a pidfd becomes readable), then kills it; reaps.
void Reap(pid_t pid, int timeout_ms) {
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (pidfd >= 0) {
    pollfd p{pidfd, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) != 1) {
      std::fprintf(stderr, "e2e: layer process %d did not exit; killing it\n", pid);
      kill(pid, SIGKILL);
    }
    close(pidfd);
  } else {
    kill(pid, SIGKILL);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0)) {
    std::fprintf(stderr, "e2e: layer process %d ended with status 0x%x\n", pid, status);
  }
}

class ChannelStack : public BlockStack {
 public:
  ChannelStack() = default;

  // Spawns the four layers, links them and binds the top client. False on failure.
  bool Start(const SharedCounters& counters, const std::string& self) {
    // links[i]: the channel between the driver above layer i and layer i.
    zx::channel up[kLayerCount], down[kLayerCount];
    for (int i = 0; i < kLayerCount; ++i) {
      if (zx::channel::create(0, &up[i], &down[i]) != ZX_OK) return false;
    }
    for (int i = 0; i < kLayerCount; ++i) {
      LayerProcessArgs args;
      args.layer = static_cast<Layer>(i);
      args.parent = getpid();
      args.serve_fd = zx_linux_handle_to_fd(down[i].get());
      args.counters_fd = counters.fd();
      std::vector<int> fds = {args.serve_fd, args.counters_fd};
      if (i + 1 < kLayerCount) {
        args.below_fd = zx_linux_handle_to_fd(up[i + 1].get());
        fds.push_back(args.below_fd);
      }
      pid_t pid = Spawn(LayerCommandLine(self, args), fds);
      if (pid < 0) return false;
      pids_.push_back(pid);
    }
    // The children hold their ends now; ours close as `up` and `down` go out of scope.
    client_dispatcher_ = NewDispatcher(Driver::kClient, 0);
    RunOn(client_dispatcher_, [this, &up] {
      partition_.emplace(fidl::ClientEnd<Blockio>(std::move(up[0])),
                         fdf_dispatcher_get_async_dispatcher(client_dispatcher_));
    });
    return true;
  }

  fdf_dispatcher_t* client_dispatcher() const override { return client_dispatcher_; }
  void Query(std::function<void(zx_status_t, bs::Geometry)> done) override {
    fidl::Arena<64> arena;
    partition_->buffer(arena)->Query().ThenExactlyOnce(
        [done](fidl::WireUnownedResult<Blockio::Query>& result) {
          if (!result.ok()) return done(result.status(), {});
          done(ZX_OK, {result->block_count, result->block_size, result->max_transfer_blocks});
        });
  }
  void RegisterVmo(zx::vmo vmo, std::function<void(zx_status_t, uint32_t)> done) override {
    fidl::Arena<64> arena;
    partition_->buffer(arena)->RegisterVmo(std::move(vmo)).ThenExactlyOnce(
        [done](fidl::WireUnownedResult<Blockio::RegisterVmo>& result) {
          if (!result.ok()) return done(result.status(), 0);
          if (result->is_error()) return done(result->error_value(), 0);
          done(ZX_OK, result->value()->vmo_id);
        });
  }
  void Queue(const BlockRequest& r, uint64_t cookie) override {
    fidl::Arena<128> arena;
    partition_->buffer(arena)
        ->Queue(r.command, r.vmo_id, r.block_count, r.block_offset, r.vmo_offset)
        .ThenExactlyOnce([this, cookie](fidl::WireUnownedResult<Blockio::Queue>& result) {
          sink_->Complete(cookie, QueueStatus(result));
        });
  }
  std::vector<pid_t> processes() const override {
    std::vector<pid_t> all = {0};
    all.insert(all.end(), pids_.begin(), pids_.end());
    return all;
  }
  std::string description() const override {
    return "fidl::WireServer/WireClient over Zircon channels (AF_UNIX socketpairs), bindings "
           "made by migrate-protocol with the channel transport; the client in the benchmark "
           "process, each of the 4 layers in a host process of its own (the benchmark "
           "re-executed with --layer), each with its own runtime and SYNCHRONIZED dispatcher";
  }
  void Stop() override {
    // Closing the top client ends the partition, whose closing ends the layer below, and so on.
    if (client_dispatcher_ != nullptr) {
      RunOn(client_dispatcher_, [this] { partition_.reset(); });
    }
    for (pid_t pid : pids_) Reap(pid, 10'000);
    pids_.clear();
    if (client_dispatcher_ != nullptr) EndDispatchers({client_dispatcher_});
    client_dispatcher_ = nullptr;
  }
  ~ChannelStack() override {
    for (pid_t pid : pids_) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }

 private:
  fdf_dispatcher_t* client_dispatcher_ = nullptr;
  std::optional<fidl::WireClient<Blockio>> partition_;
  std::vector<pid_t> pids_;
};

}  // namespace

std::unique_ptr<BlockStack> CreateChannelStack(const SharedCounters& counters,
                                               const std::string& self) {
  if (zx_status_t status = fdf_env_start(0); status != ZX_OK) {
    std::fprintf(stderr, "e2e: fdf_env_start: %d\n", status);
    return nullptr;
  }
  auto stack = std::make_unique<ChannelStack>();
  if (!stack->Start(counters, self)) {
    stack->Stop();
    return nullptr;
  }
  return stack;
}

}  // namespace fdfkit::bench::e2e
