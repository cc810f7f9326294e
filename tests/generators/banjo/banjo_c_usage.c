// C code using generated banjo C bindings through the fdfkit_fidl_library() targets (see
// CMakeLists.txt): the include paths of <lib>_banjo_c, a dependency's header reached through
// DEPS, and a D1 banjo-only library that has no wire bindings. Called by banjo_targets_test.cc.
#include <ddk/protocol/ethernet/c/banjo.h>
#include <fuchsia/hardware/gpioimpl/c/banjo.h>
#include <fuchsia/hardware/i2c/c/banjo.h>

#include "tests/generators/banjo/banjo_c_usage.h"

static zx_status_t ReadPin(void* ctx, uint32_t index, uint8_t* out_value) {
  const uint8_t* levels = (const uint8_t*)ctx;
  if (index >= 4) {
    return ZX_ERR_OUT_OF_RANGE;
  }
  *out_value = levels[index];
  return ZX_OK;
}

zx_status_t BanjoCReadPin(uint32_t index, uint8_t* out_value) {
  static const uint8_t kLevels[4] = {0, 1, 1, 0};
  gpio_impl_protocol_ops_t ops = {0};
  ops.read = ReadPin;
  gpio_impl_protocol_t proto = {&ops, (void*)kLevels};
  return gpio_impl_read(&proto, index, out_value);
}

uint32_t BanjoCI2cImplMaxOps(void) { return I2C_IMPL_MAX_RW_OPS; }

size_t BanjoCEthernetMacSize(void) {
  _Static_assert(sizeof(((ethernet_info_t*)0)->mac) == ETH_MAC_SIZE, "uint8_t mac[ETH_MAC_SIZE]");
  return sizeof(((ethernet_info_t*)0)->mac);
}
