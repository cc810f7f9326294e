// A composite driver: binds once both its parents exist (the accelerometer, primary, and the
// gyroscope), in the primary parent's host, and reads the thermal sensor the accelerometer node
// was offered, as the instance named after that parent.
#include <fidl/fdfkit.examples/cpp/wire.h>
#include <lib/driver/component/cpp/driver_export.h>

#include "corpus/drivers/common/event_log.h"

namespace {

namespace examples = fdfkit_examples;

class Imu : public fdf::DriverBase {
 public:
  Imu(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("imu", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    std::string parents;
    for (const std::string& name : start_args().parent_names) parents += (parents.empty() ? "" : ",") + name;
    fdfkit::examples::RecordEvent("imu", "start parents=" + parents);
    zx::result thermal_end = incoming()->Connect<examples::ThermalService::Thermal>("accel");
    if (thermal_end.is_error()) return thermal_end.take_error();
    auto temperature = fidl::WireCall(*thermal_end)->ReadTemperature();
    if (!temperature.ok()) return zx::error(temperature.status());
    fdfkit::examples::RecordEvent("imu", "thermal=" + std::to_string(temperature->millicelsius));
    // The gyroscope node was offered nothing: the manager refuses the route.
    zx::result gyro_end = incoming()->Connect<examples::ThermalService::Thermal>("gyro");
    if (gyro_end.is_ok()) {
      auto refused = fidl::WireCall(*gyro_end)->ReadTemperature();
      fdfkit::examples::RecordEvent("imu", std::string("gyro-thermal ") + refused.status_string());
    }
    return zx::ok();
  }

  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("imu", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { fdfkit::examples::RecordEvent("imu", "stop"); }
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(Imu);
