// A running board: the driver runtime started in this process, the manager on a dispatcher of
// its own, the board's drivers registered and its nodes added and bound. fdfkit-boot is a thin
// CLI over this; tests use it directly.
#ifndef FDFKIT_RUNTIME_DRIVER_BOOT_BOOTED_SYSTEM_H_
#define FDFKIT_RUNTIME_DRIVER_BOOT_BOOTED_SYSTEM_H_

#include <lib/fdf/dispatcher.h>
#include <lib/zx/result.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "runtime/driver/config/board_loader.h"
#include "runtime/driver/manager/manager.h"

namespace fdfkit::driver {

struct BootOptions {
  std::string host_binary;  // fdfkit-driver-host
};

class BootedSystem {
 public:
  static zx::result<std::unique_ptr<BootedSystem>> Start(LoadedBoard board, BootOptions options);
  ~BootedSystem();

  // Runs `fn` with the manager, on its dispatcher, and waits.
  void WithManager(const std::function<void(Manager&)>& fn);
  // Waits until no driver start, stop or node removal is in flight (false on timeout).
  bool WaitUntilSettled(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // Waits until `holds(manager)` is true with nothing in flight, looking again each time the
  // manager settles (a removal a host's death or a driver started ends that way); false on
  // timeout.
  bool WaitUntil(const std::function<bool(Manager&)>& holds,
                 std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // Stops every driver bottom-up and ends the hosts; idempotent.
  void Shutdown();

 private:
  BootedSystem() = default;
  const void* owner_ = nullptr;
  fdf_dispatcher_t* dispatcher_ = nullptr;
  std::unique_ptr<Manager> manager_;
  std::mutex settled_mu_;
  std::condition_variable settled_cv_;
  uint64_t settled_count_ = 0;  // times the manager became settled
  bool shut_down_ = false;
};

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_BOOT_BOOTED_SYSTEM_H_
