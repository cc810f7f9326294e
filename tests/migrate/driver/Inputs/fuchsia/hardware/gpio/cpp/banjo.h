// Stand-in for the generated banjo C++ header of fuchsia.hardware.gpio (one pin, whose clone is on
// Zircon channels): the client with fidlgen_banjo's signatures, and the server mixin.
#pragma once
#include <ddktl/device-internal.h>
#include <lib/ddk/device.h>
#include <zircon/types.h>

typedef uint32_t gpio_polarity_t;

namespace ddk {
class GpioProtocolClient {
 public:
  GpioProtocolClient() = default;
  explicit GpioProtocolClient(zx_device_t* parent) {}
  GpioProtocolClient(zx_device_t* parent, const char* fragment_name) {}
  bool is_valid() const { return true; }
  zx_status_t ConfigIn(uint32_t flags) const { return ZX_OK; }
  zx_status_t ConfigOut(uint8_t initial_value) const { return ZX_OK; }
  zx_status_t SetAltFunction(uint64_t function) const { return ZX_OK; }
  zx_status_t Read(uint8_t* out_value) const { return ZX_OK; }
  zx_status_t Write(uint8_t value) const { return ZX_OK; }
  zx_status_t GetInterrupt(uint32_t flags, zx::interrupt* out_irq) const { return ZX_OK; }
  zx_status_t ReleaseInterrupt() const { return ZX_OK; }
  zx_status_t SetPolarity(gpio_polarity_t polarity) const { return ZX_OK; }
  zx_status_t SetDriveStrength(uint64_t ds_ua, uint64_t* out_actual_ds_ua) const { return ZX_OK; }
};
template <typename D, typename Base = internal::base_mixin>
class GpioProtocol : public Base {
 protected:
  int gpio_protocol_ops_ = 0;  // the ops table compat::BanjoServer serves
};
}  // namespace ddk
