// EXIT: 2
// MAPPING-TEXT: {"schema": "fdfkit-mapping/1", "library": {"banjo": "a.b", "fidl": "a.b"}, "protocols": [1]}
// CHECK-MESSAGES: migrate-driver: error: [FDFDRV020] {{.*}}given0.mapping.json: not a migrate-protocol mapping: $.protocols[0] is not an object
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
