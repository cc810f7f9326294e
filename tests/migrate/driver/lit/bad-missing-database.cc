// EXIT: 2
// DATABASE: missing
// CHECK-MESSAGES: migrate-driver: error: [FDFDRV001] no compile database in
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
