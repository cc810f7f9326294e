// EXIT: 1
// --mode=replace, a source still using banjo (a macro of its header): its build files keep the
// banjo bindings and gain the clone's driver-transport ones beside them; --mode=dual's shims
// bring both (dual-server tests the CMake side of that).
// BUILD.gn: source_set("gpio") {
// BUILD.gn:   deps = [ "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp" ]
// BUILD.gn: }
// CMakeLists.txt: target_link_libraries(gpio PRIVATE fuchsia.hardware.gpioimpl_banjo_cpp)
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.gpioimpl stays beside the driver-transport one: this file still uses its declarations (one at line 18, column 52)
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

// CHECK-GN: deps = [ "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp", "//sdk/fidl/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_cpp_driver" ]
// CHECK-CMAKE: target_link_libraries(gpio PRIVATE fuchsia.hardware.gpioimpl_banjo_cpp fuchsia.hardware.gpioimpl_cpp_driver)

class Gpio {
 public:
  zx_status_t High() { return gpio_.SetPolarity(0, GPIO_POLARITY_HIGH); }

 private:
  ddk::GpioImplProtocolClient gpio_;
};

int main() { return Gpio().High(); }
