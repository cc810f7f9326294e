// The server side of a driver's registration record: what FUCHSIA_DRIVER_EXPORT instantiates for a
// DriverBase subclass. `initialize` binds fuchsia.driver.framework/Driver on the driver's
// dispatcher; Start constructs the driver and runs its Start; Stop runs PrepareStop and then
// closes the channel, which tells the host to shut the driver's dispatchers down and call
// `destroy`, which runs Stop() and deletes the driver.
#ifndef LIB_DRIVER_COMPONENT_CPP_INTERNAL_DRIVER_SERVER_H_
#define LIB_DRIVER_COMPONENT_CPP_INTERNAL_DRIVER_SERVER_H_

#include <fidl/fuchsia.driver.framework/cpp/driver/wire.h>
#include <lib/driver/component/cpp/driver_base.h>
#include <lib/driver/symbols/symbols.h>
#include <lib/fdf/dispatcher.h>

#include <memory>
#include <optional>

namespace fdf_internal {

// What does not depend on the driver class.
class DriverServerBase : public fdf::WireServer<fuchsia_driver_framework::Driver> {
 public:
  using Factory = std::unique_ptr<fdf::DriverBase> (*)(fdf::DriverStartArgs,
                                                       fdf::UnownedSynchronizedDispatcher);
  explicit DriverServerBase(Factory factory) : factory_(factory) {}
  void Bind(fdf_handle_t server_handle);
  void Start(StartRequestView request, fdf::Arena& arena, StartCompleter::Sync& completer) override;
  void Stop(fdf::Arena& arena, StopCompleter::Sync& completer) override;
  // Runs Stop() and deletes the driver (the host calls this after the dispatchers shut down).
  void Destroy();

 private:
  Factory factory_;
  std::unique_ptr<fdf::DriverBase> driver_;
  std::optional<fdf::ServerBindingRef<fuchsia_driver_framework::Driver>> binding_;
};

template <typename Driver>
class DriverServer {
 public:
  static void* initialize(fdf_handle_t server_handle) {
    auto* server = new DriverServerBase(
        [](fdf::DriverStartArgs args, fdf::UnownedSynchronizedDispatcher dispatcher)
            -> std::unique_ptr<fdf::DriverBase> {
          return std::make_unique<Driver>(std::move(args), std::move(dispatcher));
        });
    server->Bind(server_handle);
    return server;
  }
  static void destroy(void* token) {
    auto* server = static_cast<DriverServerBase*>(token);
    server->Destroy();
    delete server;
  }
};

}  // namespace fdf_internal

#endif  // LIB_DRIVER_COMPONENT_CPP_INTERNAL_DRIVER_SERVER_H_
