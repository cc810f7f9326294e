// --mode=replace, DFv1: a client member connected to its parent where a constructor initializes it
// (in the class or out of it) or a statement assigns it connects through the parent's service
// there instead, and is invalid if that fails, as the banjo client was (a client is bound only
// to a valid end): the driver's own is_valid() check keeps its error path. Its calls become
// driver-transport calls.
#include <ddktl/device.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class Led {
 public:
  explicit Led(zx_device_t* parent) : parent_(parent), gpio_(parent) {}
  // CHECK-FIXES: explicit Led(zx_device_t* parent) : parent_(parent), gpio_([&]() -> fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> {
  // CHECK-FIXES-NEXT: zx::result end = DdkConnectRuntimeProtocol<fuchsia_hardware_gpioimpl::Service::Device>(parent);
  // CHECK-FIXES-NEXT: if (end.is_error()) return {};
  // CHECK-FIXES-NEXT: return fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl>(std::move(*end));
  // CHECK-FIXES-NEXT: }()) {}
  Led(zx_device_t* parent, const char* fragment);

  zx_status_t Init() {
    if (!gpio_.is_valid()) return ZX_ERR_INTERNAL;
    if (parent_ != nullptr) reset_ = ddk::GpioImplProtocolClient(parent_, "gpio-reset");
    // CHECK-FIXES: if (parent_ != nullptr) reset_ = [&]() -> fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> {
    // CHECK-FIXES-NEXT: zx::result end = DdkConnectFragmentRuntimeProtocol<fuchsia_hardware_gpioimpl::Service::Device>(parent_, "gpio-reset");
    if (!reset_.is_valid()) return ZX_ERR_INTERNAL;
    return gpio_.ConfigOut(0, 1);
    // CHECK-FIXES: auto result = gpio_.buffer(arena)->ConfigOut(0, 1);
  }

 private:
  zx_device_t* parent_;
  ddk::GpioImplProtocolClient gpio_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> gpio_;
  ddk::GpioImplProtocolClient reset_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> reset_;
};

Led::Led(zx_device_t* parent, const char* fragment)
    : parent_(parent), gpio_(parent, fragment) {}
// CHECK-FIXES: : parent_(parent), gpio_([&]() -> fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> {
// CHECK-FIXES-NEXT: zx::result end = DdkConnectFragmentRuntimeProtocol<fuchsia_hardware_gpioimpl::Service::Device>(parent, fragment);

int main() { return Led(nullptr).Init() + Led(nullptr, "gpio").Init(); }
