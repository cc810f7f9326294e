// --mode=replace onto a clone on Zircon channels: the build files depend on the clone's channel
// bindings (LIB_cpp), with no driver runtime, which channel bindings do not need.
// MAPPING: fuchsia.hardware.gpio
// BUILD.gn: driver_module("i2c-controller") {
// BUILD.gn:   sources = [ "build-files-replace-channel.cc" ]
// BUILD.gn:   deps = [
// BUILD.gn:     "//sdk/banjo/fuchsia.hardware.gpio:fuchsia.hardware.gpio_banjo_cpp",
// BUILD.gn:   ]
// BUILD.gn: }
// CMakeLists.txt: add_library(i2c-controller MODULE build-files-replace-channel.cc)
// CMakeLists.txt: target_link_libraries(i2c-controller PRIVATE fuchsia.hardware.gpio_banjo_cpp fdf)
#include <fuchsia/hardware/gpio/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpio/cpp/wire.h>

// CHECK-GN: deps = [
// CHECK-GN-NEXT: "//sdk/fidl/fuchsia.hardware.gpio:fuchsia.hardware.gpio_cpp",
// CHECK-GN-NEXT: ]
// CHECK-CMAKE: target_link_libraries(i2c-controller PRIVATE fuchsia.hardware.gpio_cpp fdf)

int main() { return 0; }
