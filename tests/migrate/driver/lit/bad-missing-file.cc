// EXIT: 2
// ARGS: no-such-driver.cc
// A file that does not exist stops the run before anything is rewritten, this file included.
// CHECK-MESSAGES: migrate-driver: error: [FDFDRV003] cannot read no-such-driver.cc
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
