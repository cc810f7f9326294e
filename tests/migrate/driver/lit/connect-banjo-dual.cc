// ARGS: --mode=dual
// compat::ConnectBanjo becomes the generated dual client's Connect, with the same arguments; the
// result is a ddk::GpioImplProtocolClient still, so its uses stay as they are.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>
#include <lib/driver/compat/cpp/banjo_client.h>

int Use(const ddk::GpioImplProtocolClient&) { return 1; }

int Start(const std::shared_ptr<fdf::Namespace>& incoming) {
  zx::result gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-FIXES: zx::result gpio = fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualClient::Connect(incoming);
  if (gpio.is_error()) return gpio.status_value();
  auto named = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming, "gpio-a");
  // CHECK-FIXES: auto named = fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualClient::Connect(incoming, "gpio-a");
  return Use(*gpio) + Use(*named);
}

int main() { return Start(std::make_shared<fdf::Namespace>()); }
