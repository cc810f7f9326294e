// EXIT: 0
// --mode=replace onto a clone on Zircon channels (fuchsia.hardware.gpio's): the server becomes a
// fidl::WireServer whose methods take no arena and reply through the completer's own buffer, in
// a fidl::ServerBindingGroup published in Start on the driver's async dispatcher; its calls to a
// driver-transport parent (gpioimpl) get an fdf::Arena of their own.
// MAPPING: fuchsia.hardware.gpio
// MAPPING: fuchsia.hardware.gpioimpl
#include <fuchsia/hardware/gpio/cpp/banjo.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/component/cpp/driver_base.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpio/cpp/wire.h>
// CHECK-FIXES-NEXT: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class Pin : public fdf::DriverBase, public ddk::GpioProtocol<Pin> {
  // CHECK-FIXES: class Pin : public fdf::DriverBase, public fidl::WireServer<fuchsia_hardware_gpio::Gpio> {
 public:
  zx::result<> Start() override {
    return zx::result<>(0);
  }
  // CHECK-FIXES: zx::result<> Start() override {
  // CHECK-FIXES-NEXT: if (zx::result<> added = outgoing()->AddService<fuchsia_hardware_gpio::Service>(fuchsia_hardware_gpio::Service::InstanceHandler({.device = gpio_bindings_.CreateHandler(this, dispatcher(), fidl::kIgnoreBindingClosure)}));

  zx_status_t GpioConfigIn(uint32_t flags) { return impl_.ConfigIn(kPin, flags); }
  // CHECK-FIXES: void ConfigIn(ConfigInRequestView request, ConfigInCompleter::Sync& completer) override {
  // CHECK-FIXES-NEXT: fdf::Arena arena('GPIO');
  // CHECK-FIXES-NEXT: zx_status_t reply_status = [&]() -> zx_status_t {
  // CHECK-FIXES-NEXT: auto result = impl_.buffer(arena)->ConfigIn(kPin, request->flags);
  // CHECK-FIXES: completer.ReplySuccess();
  // CHECK-FIXES-NEXT: } else {
  // CHECK-FIXES-NEXT: completer.ReplyError(reply_status);
  zx_status_t GpioRead(uint8_t* out_value) {
    if (!impl_.is_valid()) return ZX_ERR_BAD_STATE;
    return impl_.Read(kPin, out_value);
  }
  // CHECK-FIXES: void Read(ReadCompleter::Sync& completer) override {
  // CHECK-FIXES-NEXT: fdf::Arena arena('GPIO');
  // CHECK-FIXES-NEXT: uint8_t value{};
  // CHECK-FIXES-NEXT: if (!impl_.is_valid()) {
  // CHECK-FIXES-NEXT: completer.ReplyError(ZX_ERR_BAD_STATE);
  // CHECK-FIXES-NEXT: return;
  // CHECK-FIXES-NEXT: }
  // CHECK-FIXES: auto result = impl_.buffer(arena)->Read(kPin);
  // CHECK-FIXES: completer.ReplySuccess(value);
  zx_status_t GpioWrite(uint8_t value) { return value > 1 ? ZX_ERR_OUT_OF_RANGE : ZX_OK; }
  // CHECK-FIXES: void Write(WriteRequestView request, WriteCompleter::Sync& completer) override {
  // CHECK-FIXES-NOT: arena
  // CHECK-FIXES: completer.ReplySuccess();

 private:
  static constexpr uint32_t kPin = 3;
  ddk::GpioImplProtocolClient impl_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> impl_;
  // CHECK-FIXES: fidl::ServerBindingGroup<fuchsia_hardware_gpio::Gpio> gpio_bindings_;
};

int main() { return 0; }
