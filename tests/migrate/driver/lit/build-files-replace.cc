// --mode=replace: once the source no longer includes the banjo header, the build files beside it
// depend on the clone's driver-transport bindings instead (GN also on the driver runtime); a
// banjo mock target of the same library is another target, left alone.
// BUILD.gn: driver_module("gpio") {
// BUILD.gn:   sources = [ "build-files-replace.cc" ]
// BUILD.gn:   deps = [
// BUILD.gn:     "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp",
// BUILD.gn:     "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp_mock",
// BUILD.gn:   ]
// BUILD.gn: }
// CMakeLists.txt: add_library(gpio MODULE build-files-replace.cc)
// CMakeLists.txt: target_link_libraries(gpio PRIVATE fuchsia.hardware.gpioimpl_banjo_cpp fdf)
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

// CHECK-GN: deps = [
// CHECK-GN-NEXT: "//sdk/fidl/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_cpp_driver",
// CHECK-GN-NEXT: "//src/devices/lib/driver:driver_runtime",
// CHECK-GN-NEXT: "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp_mock",
// CHECK-CMAKE: target_link_libraries(gpio PRIVATE fuchsia.hardware.gpioimpl_cpp_driver fdf)

int main() { return 0; }
