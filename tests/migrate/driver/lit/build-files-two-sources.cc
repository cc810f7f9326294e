// ALSO-SOURCE: build_files_keeps_banjo.cc
// --mode=replace of two sources of one directory: one no longer uses banjo, the other, with
// nothing to rewrite, still does (a macro of its header). Their build files are decided once for
// both: the banjo bindings stay for the second and the driver-transport ones come beside them.
// BUILD.gn: source_set("gpio") {
// BUILD.gn:   deps = [
// BUILD.gn:     "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp",
// BUILD.gn:   ]
// BUILD.gn: }
// CMakeLists.txt: target_link_libraries(gpio PRIVATE fuchsia.hardware.gpioimpl_banjo_cpp)
// CHECK-GN: "//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp",
// CHECK-GN-NEXT: "//sdk/fidl/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_cpp_driver",
// CHECK-GN-NEXT: ]
// CHECK-CMAKE: target_link_libraries(gpio PRIVATE fuchsia.hardware.gpioimpl_banjo_cpp fuchsia.hardware.gpioimpl_cpp_driver)
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class Gpio {
 public:
  zx_status_t Write() { return gpio_.Write(0, 1); }

 private:
  ddk::GpioImplProtocolClient gpio_;
};

int main() { return Gpio().Write(); }
