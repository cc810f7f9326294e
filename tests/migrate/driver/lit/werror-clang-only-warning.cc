// ARGS: --extra-arg=-Wall --extra-arg=-Werror
// A warning only clang gives (an unused private field) does not stop the rewrite: the build's
// -Werror is the build's business.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class Unused {
  int never_read_ = 0;
};

int main() { return sizeof(Unused) == 0; }
