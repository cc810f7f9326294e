// ARGS: --mode=dual
// In dual mode the banjo header becomes the generated shims, which bring banjo and FIDL both.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>

int main() { return 0; }
