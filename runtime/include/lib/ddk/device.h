// A DFv1 device as banjo clients see it: an opaque zx_device_t and the two calls that fetch a
// parent's banjo protocol, which is what a generated `ddk::FooProtocolClient(zx_device_t*)` does.
//
// fdfkit: a DFv2 driver gets a zx_device_t* for its parent from compat::ParentDevice
// (<lib/driver/compat/cpp/parent_device.h>); both calls then resolve through compat, like
// compat::ConnectBanjo, so they work only when the driver runs in its parent's driver host.
// Nothing else of DFv1's device API exists (no device_add, no zx_protocol_device_t).
#ifndef LIB_DDK_DEVICE_H_
#define LIB_DDK_DEVICE_H_

#include <stdint.h>
#include <zircon/compiler.h>
#include <zircon/types.h>

__BEGIN_CDECLS

typedef struct zx_device zx_device_t;

// Copies the {ops, ctx} pair the parent (the primary parent of a composite) publishes for
// `proto_id` into `*protocol`, which must be that protocol's foo_protocol_t.
//   ZX_OK
//   ZX_ERR_INVALID_ARGS: `dev` or `protocol` is NULL (or `dev` has no namespace).
//   ZX_ERR_NOT_SUPPORTED: the parent does not offer `proto_id` to this driver: it published no
//       such protocol, or this driver does not run in its parent's host (the log says which).
zx_status_t device_get_protocol(const zx_device_t* dev, uint32_t proto_id, void* protocol);

// The same for the composite parent (fragment) called `name`; "default" names the primary
// parent. fdfkit shares banjo only from a composite's primary parent, so any other name is
// ZX_ERR_NOT_SUPPORTED. A NULL `name` is ZX_ERR_INVALID_ARGS.
zx_status_t device_get_fragment_protocol(zx_device_t* dev, const char* name, uint32_t proto_id,
                                         void* protocol);

__END_CDECLS

#endif  // LIB_DDK_DEVICE_H_
