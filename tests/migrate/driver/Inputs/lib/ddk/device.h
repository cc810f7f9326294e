// Stand-in for the DFv1 device handle.
#pragma once
struct zx_device;
typedef struct zx_device zx_device_t;
