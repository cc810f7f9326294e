// The older ddktl spelling of the same banjo header, and a quoted include, are rewritten too.
#include <ddktl/protocol/gpioimpl.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
#include "fuchsia/hardware/gpioimpl/cpp/banjo.h"
// CHECK-FIXES-NEXT: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

int main() { return 0; }
