// ARGS: --mode=dual
// A DFv2 driver keeps the client it connected in a member: the member becomes the dual client
// (which owns the driver-transport side it hands out) and takes the result by move, so the client
// lives as long as the driver. Calls through it stay as they are.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>
#include <lib/driver/compat/cpp/banjo_client.h>

#include <utility>

class Driver {
 public:
  int Start(const std::shared_ptr<fdf::Namespace>& incoming) {
    zx::result gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
    // CHECK-FIXES: zx::result gpio = fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualClient::Connect(incoming);
    if (gpio.is_error()) return gpio.status_value();
    gpio_ = *gpio;
    // CHECK-FIXES: gpio_ = std::move(*gpio);
    auto reset = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming, "reset");
    // CHECK-FIXES: auto reset = fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualClient::Connect(incoming, "reset");
    if (reset.is_error()) return reset.status_value();
    reset_ = std::move(*reset);
    return 0;
  }

 private:
  ddk::GpioImplProtocolClient gpio_;
  // CHECK-FIXES: fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualClient gpio_;
  ddk::GpioImplProtocolClient reset_;
  // CHECK-FIXES: fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualClient reset_;
};

int main() { return Driver().Start(std::make_shared<fdf::Namespace>()); }
