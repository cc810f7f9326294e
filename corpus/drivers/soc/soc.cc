// The SoC driver: binds the board's "soc" node, serves a clock controller over the driver
// transport and a thermal sensor over Zircon channels, and adds the nodes the other example
// drivers bind to, offering each the services it may use.
#include <fidl/fdfkit.examples/cpp/driver/wire.h>
#include <fidl/fdfkit.examples/cpp/wire.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>

#include <vector>

#include "corpus/drivers/common/event_log.h"

namespace {

namespace examples = fdfkit_examples;

class ClockServer : public fdf::WireServer<examples::Clock> {
 public:
  void Now(fdf::Arena& arena, NowCompleter::Sync& completer) override {
    completer.buffer(arena).Reply(++ticks_);
  }
  void Enable(EnableRequestView request, fdf::Arena& arena, EnableCompleter::Sync& completer) override {
    if (request->id > 7) {
      completer.buffer(arena).ReplyError(ZX_ERR_OUT_OF_RANGE);
      return;
    }
    completer.buffer(arena).ReplySuccess();
  }

 private:
  uint64_t ticks_ = 1000;
};

class ThermalServer : public fidl::WireServer<examples::Thermal> {
 public:
  void ReadTemperature(ReadTemperatureCompleter::Sync& completer) override {
    completer.Reply(41500);
  }
};

class SocDriver : public fdf::DriverBase {
 public:
  SocDriver(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("soc", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("soc", "start");
    zx::result<> clock = outgoing()->AddService<examples::ClockService>(
        examples::ClockService::InstanceHandler({.clock = clock_bindings_.CreateHandler(
                                                     &clock_server_, driver_dispatcher()->get())}));
    if (clock.is_error()) return clock.take_error();
    zx::result<> thermal = outgoing()->AddService<examples::ThermalService>(
        examples::ThermalService::InstanceHandler(
            {.thermal = [this](fidl::ServerEnd<examples::Thermal> end) {
              fidl::BindServer(dispatcher(), std::move(end), &thermal_server_);
            }}));
    if (thermal.is_error()) return thermal.take_error();

    fidl::Arena arena;
    auto clock_offer = fdf::MakeOffer<examples::ClockService>(arena);
    auto thermal_offer = fdf::MakeOffer<examples::ThermalService>(arena);
    struct Child {
      const char* name;
      std::vector<fuchsia_driver_framework::wire::Offer> offers;
    };
    // thermal-monitor is offered the clock too: it runs in another host, so the driver transport
    // cannot reach it, and it shows the error that says so.
    Child children[] = {{"clock-consumer", {clock_offer, thermal_offer}},
                        {"thermal-monitor", {clock_offer, thermal_offer}},
                        {"accel", {thermal_offer}},
                        {"gyro", {}}};
    for (Child& child : children) {
      fuchsia_driver_framework::wire::NodeProperty properties[] = {
          fdf::MakeProperty(arena, "fdfkit.examples.DEVICE", std::string_view(child.name))};
      zx::result controller = AddChild(child.name, properties, child.offers);
      if (controller.is_error()) {
        FDF_LOG(ERROR, "cannot add %s: %s", child.name, controller.status_string());
        return controller.take_error();
      }
      controllers_.push_back(std::move(*controller));
    }
    FDF_LOG(INFO, "serving the clock (driver transport) and thermal (channel) services");
    return zx::ok();
  }

  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("soc", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { fdfkit::examples::RecordEvent("soc", "stop"); }

 private:
  ClockServer clock_server_;
  fdf::ServerBindingGroup<examples::Clock> clock_bindings_;
  ThermalServer thermal_server_;
  std::vector<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> controllers_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(SocDriver);
