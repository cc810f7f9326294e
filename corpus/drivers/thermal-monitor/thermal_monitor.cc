// A driver in a host of its own: reaches the SoC's thermal sensor over a Zircon channel, and
// shows that its clock, a driver-transport service in another host, cannot be reached.
#include <fidl/fdfkit.examples/cpp/driver/wire.h>
#include <fidl/fdfkit.examples/cpp/wire.h>
#include <lib/async/cpp/task.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/zx/time.h>

#include "corpus/drivers/common/event_log.h"

namespace {

namespace examples = fdfkit_examples;

class ThermalMonitor : public fdf::DriverBase {
 public:
  ThermalMonitor(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("thermal-monitor", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("thermal-monitor", "start");
    zx::result thermal_end = incoming()->Connect<examples::ThermalService::Thermal>();
    if (thermal_end.is_error()) return thermal_end.take_error();
    auto temperature = fidl::WireCall(*thermal_end)->ReadTemperature();
    if (!temperature.ok()) return zx::error(temperature.status());
    fdfkit::examples::RecordEvent("thermal-monitor",
                                  "thermal=" + std::to_string(temperature->millicelsius));
    zx::result clock = incoming()->Connect<examples::ClockService::Clock>();
    fdfkit::examples::RecordEvent("thermal-monitor",
                                  std::string("clock ") + (clock.is_ok() ? "ZX_OK" : clock.status_string()));
    // Keep reading, so there is traffic between the two hosts for as long as both run.
    thermal_.Bind(std::move(*thermal_end), dispatcher());
    Poll();
    return zx::ok();
  }

  void Poll() {
    thermal_->ReadTemperature().Then([this](auto& result) {
      if (!result.ok()) return;  // the SoC's host is gone, or we are stopping
      if (++reads_ == 1) fdfkit::examples::RecordEvent("thermal-monitor", "polling");
      async::PostTaskForTime(dispatcher(), [this] { Poll(); },
                             zx::deadline_after(zx::msec(1)).get());
    });
  }

  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("thermal-monitor", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override {
    fdfkit::examples::RecordEvent("thermal-monitor", "stop reads>0=" + std::string(reads_ > 0 ? "yes" : "no"));
  }

 private:
  fidl::WireClient<examples::Thermal> thermal_;
  uint64_t reads_ = 0;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(ThermalMonitor);
