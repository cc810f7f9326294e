// A header of a library no mapping names stays as it is, and nothing is reported.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// MAPPING: fuchsia.hardware.spiimpl

int main() { return 0; }
