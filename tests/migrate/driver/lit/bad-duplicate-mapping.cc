// EXIT: 2
// MAPPING: fuchsia.hardware.gpioimpl
// MAPPING: fuchsia.hardware.gpioimpl
// CHECK-MESSAGES: migrate-driver: error: [FDFDRV021] {{.*}}: a second mapping for banjo library fuchsia.hardware.gpioimpl
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
