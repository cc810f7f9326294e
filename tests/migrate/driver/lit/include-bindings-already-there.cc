// ARGS: --mode=replace
// MAPPING: fuchsia.hardware.gpioimpl
// A file that includes the clone's bindings already (its author's edit used a wire constant)
// loses the banjo include once nothing uses it, rather than getting the bindings a second time.
#include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
// CHECK-FIXES-NOT: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
// CHECK-FIXES-NOT: banjo.h

class Gpio {
 public:
  zx_status_t Park() { return gpio_.ConfigIn(0, 2); }

 private:
  ddk::GpioImplProtocolClient gpio_;
};

int main() { return Gpio().Park(); }
