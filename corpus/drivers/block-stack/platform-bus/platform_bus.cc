// The block stack's platform bus: binds the board's bus node and adds the SD/MMC controller's
// node, as a board's platform bus adds the devices its board file lists. It starts the stack's
// driver host; everything above it is colocated.
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>

#include "corpus/drivers/common/event_log.h"

namespace {

class PlatformBus : public fdf::DriverBase {
 public:
  PlatformBus(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("block-platform-bus", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fidl::Arena arena;
    fuchsia_driver_framework::wire::NodeProperty properties[] = {fdf::MakeProperty(
        arena, "fdfkit.examples.blockstack.DEVICE", std::string_view("sdmmc-controller"))};
    zx::result controller = AddChild("sdmmc-controller", properties, {});
    if (controller.is_error()) return controller.take_error();
    controller_ = std::move(*controller);
    fdfkit::examples::RecordEvent("block-platform-bus", "start");
    return zx::ok();
  }
  void Stop() override { fdfkit::examples::RecordEvent("block-platform-bus", "stop"); }

 private:
  fidl::ClientEnd<fuchsia_driver_framework::NodeController> controller_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(PlatformBus);
