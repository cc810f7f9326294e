// --mode=replace, DFv2: compat::ConnectBanjo becomes a connection to the parent's service. The
// result stays a zx::result (now of an fdf::ClientEnd), so the error path reads as before; the
// calls through it go through fdf::WireCall on the function's arena.
#include <lib/driver/compat/cpp/banjo_client.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

int Start(const std::shared_ptr<fdf::Namespace>& incoming) {
  // CHECK-FIXES: int Start(const std::shared_ptr<fdf::Namespace>& incoming) {
  // CHECK-FIXES-NEXT: fdf::Arena arena('GPIO');
  zx::result gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-FIXES: zx::result gpio = incoming->Connect<fuchsia_hardware_gpioimpl::Service::Device>();
  if (gpio.is_error()) {
    return gpio.take_error();
  }
  uint8_t value = 0;
  zx_status_t status = gpio->Read(3, &value);
  // CHECK-FIXES: zx_status_t status = [&]() -> zx_status_t {
  // CHECK-FIXES-NEXT: auto result = fdf::WireCall(*gpio).buffer(arena)->Read(3);
  // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
  // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
  // CHECK-FIXES-NEXT: value = result->value()->value;
  // CHECK-FIXES-NEXT: return ZX_OK;
  // CHECK-FIXES-NEXT: }();
  if (status != ZX_OK) return status;
  return (*gpio).Write(3, value);
  // CHECK-FIXES: auto result = fdf::WireCall(*gpio).buffer(arena)->Write(3, value);
}

int main() { return Start(std::make_shared<fdf::Namespace>()); }
