// --mode=replace: call sites on a banjo client member, one per way a status is used. Each
// becomes a call through the driver-transport client on the function's arena, with the
// transport error, then the method's error, read back as the status the banjo call returned.
// The banjo header stays for the macro GPIO_POLARITY_HIGH, beside the driver-transport one.
// EXIT: 1
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.gpioimpl stays beside the driver-transport one: this file still uses its declarations (one at line 38, column 33)
// CHECK-FIXES: #include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES-NEXT: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class Gpio {
 public:
  zx_status_t Configure() {
    // CHECK-FIXES: zx_status_t Configure() {
    // CHECK-FIXES-NEXT: fdf::Arena arena('GPIO');
    zx_status_t status = gpio_.ConfigIn(0, 1);
    // CHECK-FIXES: zx_status_t status = [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result = gpio_.buffer(arena)->ConfigIn(0, 1);
    // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
    // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
    // CHECK-FIXES-NEXT: return ZX_OK;
    // CHECK-FIXES-NEXT: }();
    if (status != ZX_OK) {
      return status;
    }
    if (gpio_.ConfigOut(1, 0) != ZX_OK) {
      // CHECK-FIXES: if ([&]() -> zx_status_t {
      // CHECK-FIXES-NEXT: auto result = gpio_.buffer(arena)->ConfigOut(1, 0);
      return ZX_ERR_INTERNAL;
    }
    gpio_.Write(1, 1);
    // CHECK-FIXES: gpio_.buffer(arena)->Write(1, 1);
    (void)gpio_.ReleaseInterrupt(2);
    // CHECK-FIXES: (void)gpio_.buffer(arena)->ReleaseInterrupt(2);
    status = gpio_.SetAltFunction(3, 7);
    // CHECK-FIXES: status = [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result = gpio_.buffer(arena)->SetAltFunction(3, 7);
    return gpio_.SetPolarity(4, GPIO_POLARITY_HIGH);
    // CHECK-FIXES: return [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result = gpio_.buffer(arena)->SetPolarity(4, static_cast<decltype(fuchsia_hardware_gpioimpl::wire::GpioImplSetPolarityRequest::polarity)>(GPIO_POLARITY_HIGH));
  }

 private:
  ddk::GpioImplProtocolClient gpio_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> gpio_;
};

int main() { return Gpio().Configure(); }
