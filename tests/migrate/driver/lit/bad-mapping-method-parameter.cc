// EXIT: 2
// A method row whose parameter's C names are not strings is refused when the mapping is read,
// before any file is looked at (it used to be read, and thrown on, at a call site).
// MAPPING-TEXT: {"schema": "fdfkit-mapping/1", "library": {"banjo": "a.b", "fidl": "a.b"}, "protocols": [{"banjo": {"protocol": "P"}, "methods": [{"banjo": {"cpp_client": "M"}, "parameters": [{"banjo": "x", "c": [7]}]}]}]}
// CHECK-MESSAGES: migrate-driver: error: [FDFDRV020] {{.*}}given0.mapping.json: not a migrate-protocol mapping: $.protocols[0].methods[0].parameters[0].c is not a list of strings
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
