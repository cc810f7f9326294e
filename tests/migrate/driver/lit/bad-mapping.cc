// EXIT: 2
// MAPPING-TEXT: {"schema": "fdfkit-mapping/0"}
// CHECK-MESSAGES: migrate-driver: error: [FDFDRV020] {{.*}}given0.mapping.json: not a migrate-protocol mapping: its "schema" is not "fdfkit-mapping/1"
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
