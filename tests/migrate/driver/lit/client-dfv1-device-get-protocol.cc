// --mode=replace, DFv1: a client built from the protocol struct device_get_protocol filled. The
// struct becomes a client end connected through the parent's service, in the same place, so the
// status the driver checks is the connection's; the client is bound to it.
// EXIT: 1
#include <ddktl/device.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.gpioimpl stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column 35)
#include <lib/ddk/driver.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

zx_status_t Bind(zx_device_t* parent) {
  gpio_impl_protocol_t gpio;
  // CHECK-FIXES: fdf::ClientEnd<fuchsia_hardware_gpioimpl::GpioImpl> gpio;
  zx_status_t status = device_get_protocol(parent, ZX_PROTOCOL_GPIO_IMPL, &gpio);
  // CHECK-FIXES-NEXT: zx_status_t status = [&]() -> zx_status_t {
  // CHECK-FIXES-NEXT: zx::result end = DdkConnectRuntimeProtocol<fuchsia_hardware_gpioimpl::Service::Device>(parent);
  // CHECK-FIXES-NEXT: if (end.is_error()) return end.status_value();
  // CHECK-FIXES-NEXT: gpio = std::move(*end);
  // CHECK-FIXES-NEXT: return ZX_OK;
  // CHECK-FIXES-NEXT: }();
  if (status != ZX_OK) {
    return status;
  }
  ddk::GpioImplProtocolClient client(&gpio);
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> client(std::move(gpio));
  return client.Write(0, 1);
  // CHECK-FIXES: auto result = client.buffer(arena)->Write(0, 1);
}

// The struct read by C helpers as well, or filled with another protocol's id: the client stays
// banjo, said at its declaration.
zx_status_t gpio_impl_write(const gpio_impl_protocol_t* proto, uint32_t index, uint8_t value);

zx_status_t BindWithHelpers(zx_device_t* parent) {
  gpio_impl_protocol_t gpio;
  zx_status_t status = device_get_protocol(parent, ZX_PROTOCOL_GPIO_IMPL, &gpio);
  if (status != ZX_OK) return status;
  ddk::GpioImplProtocolClient client(&gpio);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: [FDFDRV060] the banjo client client stays banjo with its calls, because gpio is used at line [[@LINE+1]], column 20 other than to be filled by device_get_protocol and build the client: not rewritten
  gpio_impl_write(&gpio, 0, 1);
  return client.Write(1, 0);
}

zx_status_t BindOtherId(zx_device_t* parent) {
  gpio_impl_protocol_t gpio;
  zx_status_t status = device_get_protocol(parent, ZX_PROTOCOL_GPIO, &gpio);
  if (status != ZX_OK) return status;
  ddk::GpioImplProtocolClient client(&gpio);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: [FDFDRV060] the banjo client client stays banjo with its calls, because the device_get_protocol at line [[@LINE-3]], column 24 asks for ZX_PROTOCOL_GPIO, not ZX_PROTOCOL_GPIO_IMPL: not rewritten
  return client.Write(2, 0);
}

int main() { return 0; }
