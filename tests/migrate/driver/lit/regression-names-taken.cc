// --mode=replace: the names a rewrite adds are ones the function does not use. An fdf::Arena
// called `arena` that the function has is reused; where `arena` or `result` name something else
// (a member, a local the call reads), the rewrite picks another name.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
#include <lib/fidl_driver/cpp/wire_messaging.h>

class Gpio {
 public:
  zx_status_t Reuse() {
    fdf::Arena arena('GPIO');
    // CHECK-FIXES: zx_status_t Reuse() {
    // CHECK-FIXES-NEXT: fdf::Arena arena('GPIO');
    // CHECK-FIXES-NEXT: gpio_.buffer(arena)->Write(0, 1);
    gpio_.Write(0, 1);
    return ZX_OK;
  }
  zx_status_t Taken(uint8_t result) {
    // CHECK-FIXES: zx_status_t Taken(uint8_t result) {
    // CHECK-FIXES-NEXT: fdf::Arena arena_fidl('GPIO');
    arena = 3;
    zx_status_t status = gpio_.Write(0, result);
    // CHECK-FIXES: zx_status_t status = [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result_fidl = gpio_.buffer(arena_fidl)->Write(0, result);
    // CHECK-FIXES-NEXT: if (!result_fidl.ok()) return result_fidl.status();
    return status;
  }

 private:
  int arena = 0;
  ddk::GpioImplProtocolClient gpio_;
};

int main() { return Gpio().Taken(1); }
