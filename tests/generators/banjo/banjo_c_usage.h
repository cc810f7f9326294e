// The C functions of banjo_c_usage.c.
#ifndef FDFKIT_TESTS_GENERATORS_BANJO_BANJO_C_USAGE_H_
#define FDFKIT_TESTS_GENERATORS_BANJO_BANJO_C_USAGE_H_

#include <stddef.h>
#include <stdint.h>
#include <zircon/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// gpio_impl_read() through an ops table filled in C; pins 0..3 read 0, 1, 1, 0.
zx_status_t BanjoCReadPin(uint32_t index, uint8_t* out_value);
// I2C_IMPL_MAX_RW_OPS, from fuchsia.hardware.i2cimpl's header, which fuchsia.hardware.i2c's
// includes.
uint32_t BanjoCI2cImplMaxOps(void);
// sizeof(ethernet_info_t.mac), an array of ETH_MAC_SIZE bytes (ddk.protocol.ethernet, D1).
size_t BanjoCEthernetMacSize(void);

#ifdef __cplusplus
}
#endif

#endif  // FDFKIT_TESTS_GENERATORS_BANJO_BANJO_C_USAGE_H_
