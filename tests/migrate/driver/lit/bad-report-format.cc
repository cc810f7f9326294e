// EXIT: 2
// ARGS: --report report.txt
// CHECK-MESSAGES: migrate-driver: error: [FDFDRV006] --report takes a .md or .json file, got report.txt
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
