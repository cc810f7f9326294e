// fdfkit-driver-host: a driver host process. The manager (fdfkit-boot) starts it with the server
// end of fuchsia.driver.host/DriverHost as file descriptor 3 (a Zircon channel); it serves that
// until the manager closes it or goes away (the kernel closes the manager's end when it dies),
// then exits.
#include <fidl/fuchsia.driver.host/cpp/wire.h>
#include <lib/async/cpp/task.h>
#include <lib/fdf/cpp/env.h>
#include <lib/fdf/env.h>
#include <zircon/linux.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "runtime/driver/host/driver_host.h"

namespace {
constexpr int kChannelFd = 3;
char host_owner;  // the host's own dispatcher belongs to no driver
}  // namespace

int main(int argc, char** argv) {
  zx::channel channel(zx_linux_handle_from_fd(kChannelFd));
  if (fdf_env_start(0) != ZX_OK) return 3;
  zx::result dispatcher = fdf_env::DispatcherBuilder::CreateSynchronizedWithOwner(
      &host_owner, {}, "driver-host", [](fdf_dispatcher_t*) {});
  if (dispatcher.is_error()) return 4;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  fdfkit::driver::DriverHost host(dispatcher->get());
  async::PostTask(dispatcher->async_dispatcher(), [&] {
    fidl::BindServer(dispatcher->async_dispatcher(),
                     fidl::ServerEnd<fuchsia_driver_host::DriverHost>(std::move(channel)), &host,
                     [&](fdfkit::driver::DriverHost*, fidl::UnbindInfo, auto) {
                       std::lock_guard lock(mu);
                       done = true;
                       cv.notify_all();
                     });
  });
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return done; });
  // The manager is gone: it has already taken the host's drivers' nodes down.
  std::fflush(stderr);
  std::_Exit(0);
}
