// The banjo C++ header becomes the clone's driver-transport bindings.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
#include <vector>
// CHECK-FIXES-NEXT: #include <vector>

int main() { return std::vector<int>().size(); }
