#include "runtime/driver/boot/booted_system.h"

#include <lib/fdf/cpp/env.h>
#include <lib/fdf/env.h>

#include "runtime/driver/owner.h"
#include "runtime/driver/run_sync.h"

namespace fdfkit::driver {

zx::result<std::unique_ptr<BootedSystem>> BootedSystem::Start(LoadedBoard board,
                                                              BootOptions options) {
  zx_status_t status = fdf_env_start(0);
  if (status != ZX_OK && status != ZX_ERR_BAD_STATE) return zx::error(status);  // BAD_STATE: running
  std::unique_ptr<BootedSystem> system(new BootedSystem());
  const char name[] = "driver-manager";
  system->owner_ = NewOwnerKey();
  status = fdf_env_dispatcher_create_with_owner(system->owner_, FDF_DISPATCHER_OPTION_SYNCHRONIZED,
                                                name, sizeof name - 1, "", 0, nullptr,
                                                &system->dispatcher_);
  if (status != ZX_OK) return zx::error(status);
  system->manager_ = std::make_unique<Manager>(
      fdf_dispatcher_get_async_dispatcher(system->dispatcher_), ManagerOptions{options.host_binary});
  zx_status_t registered = ZX_OK;
  BootedSystem* raw = system.get();
  system->WithManager([&](Manager& manager) {
    manager.SetSettledCallback([raw] {
      std::lock_guard lock(raw->settled_mu_);
      ++raw->settled_count_;
      raw->settled_cv_.notify_all();
    });
    for (LoadedDriver& driver : board.drivers) {
      zx_status_t s = manager.RegisterDriver(std::move(driver.manifest), driver.program);
      if (s != ZX_OK) registered = s;
    }
    manager.AddBoardNodes(board.board.nodes);
  });
  if (registered != ZX_OK) return zx::error(registered);
  return zx::ok(std::move(system));
}

BootedSystem::~BootedSystem() {
  Shutdown();
  if (dispatcher_) {
    ShutdownOwnerAndWait(owner_);
    manager_.reset();
    fdf_dispatcher_destroy(dispatcher_);
  }
}

void BootedSystem::WithManager(const std::function<void(Manager&)>& fn) {
  manager_->RunSync([&] { fn(*manager_); });
}

bool BootedSystem::WaitUntilSettled(std::chrono::milliseconds timeout) {
  return WaitUntil([](Manager&) { return true; }, timeout);
}

bool BootedSystem::WaitUntil(const std::function<bool(Manager&)>& holds,
                             std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    uint64_t seen;
    {
      std::lock_guard lock(settled_mu_);
      seen = settled_count_;
    }
    bool done = false;
    WithManager([&](Manager& manager) { done = manager.pending() == 0 && holds(manager); });
    if (done) return true;
    // The manager calls back each time its last operation in flight ends; look again then.
    std::unique_lock lock(settled_mu_);
    if (!settled_cv_.wait_until(lock, deadline, [&] { return settled_count_ != seen; })) {
      return false;
    }
  }
}

void BootedSystem::Shutdown() {
  if (shut_down_ || !manager_) return;
  shut_down_ = true;
  RunUntilDone(manager_->dispatcher(),
               [this](std::function<void()> done) { manager_->Shutdown(std::move(done)); });
}

}  // namespace fdfkit::driver
