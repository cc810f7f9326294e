// EXIT: 1
// --mode=replace: a BUILD.gn naming the banjo bindings twice (the driver and its test, which may
// still use banjo) is left for a human, said at the first; the source is rewritten all the same.
// BUILD.gn: source_set("gpio") {
// BUILD.gn:   deps = [ "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp" ]
// BUILD.gn: }
// BUILD.gn: test("gpio-test") {
// BUILD.gn:   deps = [ "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp" ]
// BUILD.gn: }
// CHECK-MESSAGES: BUILD.gn:2:13: warning: [FDFDRV066] names //sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp 2 times (several targets): which builds the rewritten file is not known, so its deps are left for a human
// CHECK-GN: deps = [ "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp" ]
// CHECK-GN-NOT: cpp_driver
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

int main() { return 0; }
