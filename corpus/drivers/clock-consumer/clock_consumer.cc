// A driver co-located with the SoC driver: reaches its clock over the driver transport and its
// thermal sensor over a Zircon channel, both through incoming().
#include <fidl/fdfkit.examples/cpp/driver/wire.h>
#include <fidl/fdfkit.examples/cpp/wire.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <zircon/status.h>

#include "corpus/drivers/common/event_log.h"

namespace {

namespace examples = fdfkit_examples;

class ClockConsumer : public fdf::DriverBase {
 public:
  ClockConsumer(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("clock-consumer", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("clock-consumer", "start");
    zx::result clock_end = incoming()->Connect<examples::ClockService::Clock>();
    if (clock_end.is_error()) return clock_end.take_error();
    fdf::WireSyncClient clock(std::move(*clock_end));
    fdf::Arena arena('CLKC');
    auto now = clock.buffer(arena)->Now();
    if (!now.ok()) {
      FDF_LOG(ERROR, "Clock.Now failed: %s", now.FormatDescription().c_str());
      return zx::error(now.status());
    }
    auto enabled = clock.buffer(arena)->Enable(3);
    if (!enabled.ok() || enabled->is_error()) return zx::error(ZX_ERR_IO);
    fdfkit::examples::RecordEvent("clock-consumer", "clock ticks=" + std::to_string(now->ticks));

    zx::result thermal_end = incoming()->Connect<examples::ThermalService::Thermal>();
    if (thermal_end.is_error()) return thermal_end.take_error();
    auto temperature = fidl::WireCall(*thermal_end)->ReadTemperature();
    if (!temperature.ok()) return zx::error(temperature.status());
    fdfkit::examples::RecordEvent("clock-consumer",
                                  "thermal=" + std::to_string(temperature->millicelsius));
    FDF_LOG(INFO, "clock at %lu ticks, %d m°C", static_cast<unsigned long>(now->ticks),
            temperature->millicelsius);
    return zx::ok();
  }

  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("clock-consumer", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { fdfkit::examples::RecordEvent("clock-consumer", "stop"); }
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(ClockConsumer);
