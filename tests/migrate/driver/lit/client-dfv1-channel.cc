// --mode=replace, DFv1, a clone on Zircon channels: a client connected to its parent (or a
// fragment) connects through the parent's channel service (DdkConnectFidlProtocol) into a
// fidl::WireSyncClient, whose calls need no arena.
// MAPPING: fuchsia.hardware.gpio
#include <ddktl/device.h>
#include <fuchsia/hardware/gpio/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpio/cpp/wire.h>

zx_status_t Bind(zx_device_t* parent) {
  // CHECK-FIXES: zx_status_t Bind(zx_device_t* parent) {
  // CHECK-FIXES-NOT: Arena
  ddk::GpioProtocolClient enable(parent);
  // CHECK-FIXES: fidl::WireSyncClient<fuchsia_hardware_gpio::Gpio> enable;
  // CHECK-FIXES-NEXT: if (zx::result end = DdkConnectFidlProtocol<fuchsia_hardware_gpio::Service::Device>(parent); end.is_ok()) {
  // CHECK-FIXES-NEXT: enable.Bind(std::move(*end));
  // CHECK-FIXES-NEXT: }
  if (!enable.is_valid()) {
    return ZX_ERR_INTERNAL;
  }
  ddk::GpioProtocolClient reset(parent, "gpio-reset");
  // CHECK-FIXES: fidl::WireSyncClient<fuchsia_hardware_gpio::Gpio> reset;
  // CHECK-FIXES-NEXT: if (zx::result end = DdkConnectFragmentFidlProtocol<fuchsia_hardware_gpio::Service::Device>(parent, "gpio-reset"); end.is_ok()) {
  // CHECK-FIXES-NEXT: reset.Bind(std::move(*end));
  // CHECK-FIXES-NEXT: }
  if (!reset.is_valid()) {
    return ZX_ERR_INTERNAL;
  }
  zx_status_t status = enable.Write(1);
  // CHECK-FIXES: auto result = enable->Write(1);
  if (status != ZX_OK) return status;
  return reset.ConfigOut(0);
  // CHECK-FIXES: auto result = reset->ConfigOut(0);
}

int main() { return Bind(nullptr); }
