// What banjo's C++ bindings include for the DDK: the device calls and the protocol ids.
// fdfkit provides nothing more of DFv1's driver.h (no zx_driver_ops_t, no ZIRCON_DRIVER).
#ifndef LIB_DDK_DRIVER_H_
#define LIB_DDK_DRIVER_H_

#include <lib/ddk/device.h>
#include <lib/ddk/protodefs.h>

#endif  // LIB_DDK_DRIVER_H_
