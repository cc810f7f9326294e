// EXIT: 1
// --mode=replace: a file including a driver-transport clone's wire types (`/cpp/wire.h`) has not
// got its bindings (`/cpp/driver/wire.h`): while banjo's header stays for a use, the bindings
// still go in beside it.
// MAPPING: fuchsia.hardware.gpioimpl
#include <fidl/fuchsia.hardware.gpioimpl/cpp/wire.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.gpioimpl stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column {{[0-9]+}})
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/wire.h>
// CHECK-FIXES-NEXT: #include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES-NEXT: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class Gpio {
 public:
  zx_status_t High() { return gpio_.SetPolarity(0, GPIO_POLARITY_HIGH); }
  uint32_t NoPull() const {
    return static_cast<uint32_t>(fuchsia_hardware_gpioimpl::wire::GpioImplFlags::kNoPull);
  }

 private:
  ddk::GpioImplProtocolClient gpio_;
};

int main() { return Gpio().High(); }
