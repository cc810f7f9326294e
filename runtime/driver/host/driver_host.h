// A driver host: one process holding the drivers the manager starts in it, each loaded from its
// shared object with dlopen, on one libfdf runtime. Serves fuchsia.driver.host/DriverHost to the
// manager. Per driver: its own default dispatcher (owned by that driver instance, created with
// the manifest's default_dispatcher_opts), its registration record's initialize, then
// fuchsia.driver.framework/Driver.Start over the driver transport. Stopping: Driver.Stop (the
// driver runs PrepareStop and closes the channel), then every dispatcher of the driver shuts down,
// then the record's destroy, then the manager's Driver channel closes with ZX_OK.
#ifndef FDFKIT_RUNTIME_DRIVER_HOST_DRIVER_HOST_H_
#define FDFKIT_RUNTIME_DRIVER_HOST_DRIVER_HOST_H_

#include <fidl/fuchsia.driver.framework/cpp/driver/wire.h>
#include <fidl/fuchsia.driver.host/cpp/wire.h>
#include <lib/driver/symbols/symbols.h>
#include <lib/fdf/cpp/dispatcher.h>
#include <lib/fdf/cpp/env.h>

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <string>

namespace fdfkit::driver {

class DriverHost : public fidl::WireServer<fuchsia_driver_host::DriverHost> {
 public:
  // Serves on `dispatcher` (an fdf dispatcher the host owns). `on_empty` runs when the last driver
  // has stopped (a host process exits then).
  explicit DriverHost(fdf_dispatcher_t* dispatcher, std::function<void()> on_empty = nullptr);
  ~DriverHost() override;

  void Start(StartRequestView request, StartCompleter::Sync& completer) override;
  void GetProcessInfo(GetProcessInfoCompleter::Sync& completer) override;

  // Readable from any thread (tests, monitoring); the list itself lives on the dispatcher.
  size_t driver_count() const { return driver_count_.load(std::memory_order_acquire); }

 private:
  class LoadedDriver;
  void Remove(LoadedDriver* driver);

  fdf_dispatcher_t* dispatcher_;
  std::function<void()> on_empty_;
  std::list<std::unique_ptr<LoadedDriver>> drivers_;
  std::atomic<size_t> driver_count_{0};
};

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_HOST_DRIVER_HOST_H_
