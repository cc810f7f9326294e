// ARGS: --mode=dual
// EXIT: 1
// The banjo mixin base becomes the generated dual server, which derives from it: the banjo
// methods stay; publishing the service is left for a human, said at the class. Its CMake dep
// becomes the shims (which bring both bindings); GN gains the driver-transport bindings.
// CMakeLists.txt: target_link_libraries(gpio PRIVATE fuchsia.hardware.gpioimpl_banjo_cpp)
// BUILD.gn: deps = [
// BUILD.gn:   "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp",
// BUILD.gn: ]
// CHECK-CMAKE: target_link_libraries(gpio PRIVATE fuchsia.hardware.gpioimpl_banjo_shims)
// CHECK-GN: "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp",
// CHECK-GN-NEXT: "//sdk/fidl/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_cpp_driver",
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>

class Gpio : public ddk::GpioImplProtocol<Gpio> {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV048] Gpio now serves GpioImpl on both transports: publish
// CHECK-FIXES: class Gpio : public fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<Gpio> {
 public:
  int GpioImplRead() { return 7; }
};

class Dfv1Gpio : public ddk::GpioImplProtocol<Dfv1Gpio, ddk::base_protocol> {
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: [FDFDRV047] Dfv1Gpio serves ddk::GpioImplProtocol as a DFv1 device's base protocol
// CHECK-FIXES: class Dfv1Gpio : public ddk::GpioImplProtocol<Dfv1Gpio, ddk::base_protocol> {
};

struct Unrelated {};
class Other : public Unrelated {};
// CHECK-FIXES: class Other : public Unrelated {};

int main() { return Gpio().GpioImplRead() == 7 ? 0 : 1; }
