// EXIT: 2
// MAPPING: none
// CHECK-MESSAGES: migrate-driver: error: [FDFDRV022] no mapping given
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
