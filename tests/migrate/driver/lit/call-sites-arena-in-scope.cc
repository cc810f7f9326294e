// ARGS: --mode=replace
// MAPPING: fuchsia.hardware.gpioimpl
// A function's `fdf::Arena arena` is reused for its calls only where they can see it: declared
// before them in the body itself. One declared later, or in an inner block, is not the calls'; the
// rewrite declares its own, under a free name.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
#include <lib/fidl_driver/cpp/wire_messaging.h>

class Driver {
 public:
  zx_status_t Before() {
    fdf::Arena arena('MINE');
    return gpio_.Write(1, 1);
    // CHECK-FIXES: zx_status_t Before() {
    // CHECK-FIXES-NEXT: fdf::Arena arena('MINE');
    // CHECK-FIXES-NEXT: return [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result = gpio_.buffer(arena)->Write(1, 1);
  }
  zx_status_t Later() {
    zx_status_t status = gpio_.Write(2, 1);
    fdf::Arena arena('LATE');
    (void)arena;
    return status;
    // CHECK-FIXES: zx_status_t Later() {
    // CHECK-FIXES-NEXT: fdf::Arena [[FRESH:[a-z_]+]]('GPIO');
    // CHECK-FIXES-NEXT: zx_status_t status = [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result = gpio_.buffer([[FRESH]])->Write(2, 1);
  }
  zx_status_t Inner() {
    {
      fdf::Arena arena('INNR');
      (void)arena;
    }
    return gpio_.Write(3, 1);
    // CHECK-FIXES: zx_status_t Inner() {
    // CHECK-FIXES-NEXT: fdf::Arena [[INNER:[a-z_]+]]('GPIO');
    // CHECK-FIXES: auto result = gpio_.buffer([[INNER]])->Write(3, 1);
  }

 private:
  ddk::GpioImplProtocolClient gpio_;
};

int main() {
  Driver driver;
  return driver.Before() == ZX_OK && driver.Later() == ZX_OK && driver.Inner() == ZX_OK ? 0 : 1;
}
