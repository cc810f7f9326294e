// EXIT: 2
// A file that does not compile is not touched at all.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

int main() { return ; }
// CHECK-MESSAGES: error: [FDFDRV005] {{.*}}bad-syntax-error.cc does not compile with its database command
