// --mode=replace, DFv1: a client connected to its parent (or one of a composite's fragments) where
// it is declared connects through the parent's service instead, and stays invalid if that fails:
// the driver's own is_valid() check keeps its error path.
#include <ddktl/device.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

zx_status_t Bind(zx_device_t* parent) {
  ddk::GpioImplProtocolClient gpio(parent);
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> gpio;
  // CHECK-FIXES-NEXT: if (zx::result end = DdkConnectRuntimeProtocol<fuchsia_hardware_gpioimpl::Service::Device>(parent); end.is_ok()) {
  // CHECK-FIXES-NEXT: gpio.Bind(std::move(*end));
  // CHECK-FIXES-NEXT: }
  if (!gpio.is_valid()) {
    return ZX_ERR_INTERNAL;
  }
  ddk::GpioImplProtocolClient reset(parent, "gpio-reset");
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> reset;
  // CHECK-FIXES-NEXT: if (zx::result end = DdkConnectFragmentRuntimeProtocol<fuchsia_hardware_gpioimpl::Service::Device>(parent, "gpio-reset"); end.is_ok()) {
  // CHECK-FIXES-NEXT: reset.Bind(std::move(*end));
  // CHECK-FIXES-NEXT: }
  if (!reset.is_valid()) {
    return ZX_ERR_INTERNAL;
  }
  return reset.ConfigOut(0, 1);
  // CHECK-FIXES: auto result = reset.buffer(arena)->ConfigOut(0, 1);
}

int main() { return Bind(nullptr); }
