// Stand-in for the DFv1 driver API: a parent's banjo protocol, filled into its C struct.
#pragma once
#include <lib/ddk/device.h>
#include <zircon/types.h>

#define ZX_PROTOCOL_GPIO_IMPL 20
#define ZX_PROTOCOL_GPIO 21

zx_status_t device_get_protocol(const zx_device_t* device, uint32_t proto_id, void* protocol);
