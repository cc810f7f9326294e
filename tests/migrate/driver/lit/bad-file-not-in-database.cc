// EXIT: 2
// DATABASE: without-file
// CHECK-MESSAGES: migrate-driver: error: [FDFDRV002] {{.*}}bad-file-not-in-database.cc is not in the compile database
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
