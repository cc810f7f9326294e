// Stand-in for the generated banjo C++ header of fuchsia.hardware.gpioimpl: the C enum typedef,
// the client with fidlgen_banjo's signatures, and the server mixin (with its DFv1 base).
#pragma once
#include <ddktl/device-internal.h>
#include <lib/ddk/device.h>
#include <zircon/types.h>

typedef uint32_t gpio_polarity_t;
#define GPIO_POLARITY_LOW UINT32_C(0)
#define GPIO_POLARITY_HIGH UINT32_C(1)

typedef struct gpio_impl_protocol_ops gpio_impl_protocol_ops_t;
typedef struct gpio_impl_protocol {
  const gpio_impl_protocol_ops_t* ops;
  void* ctx;
} gpio_impl_protocol_t;

namespace ddk {
class GpioImplProtocolClient {
 public:
  GpioImplProtocolClient() = default;
  explicit GpioImplProtocolClient(const gpio_impl_protocol_t* proto) {}
  explicit GpioImplProtocolClient(zx_device_t* parent) {}
  GpioImplProtocolClient(zx_device_t* parent, const char* fragment_name) {}
  bool is_valid() const { return true; }
  zx_status_t ConfigIn(uint32_t index, uint32_t flags) const { return ZX_OK; }
  zx_status_t ConfigOut(uint32_t index, uint8_t initial_value) const { return ZX_OK; }
  zx_status_t SetAltFunction(uint32_t index, uint64_t function) const { return ZX_OK; }
  zx_status_t Read(uint32_t index, uint8_t* out_value) const { return ZX_OK; }
  zx_status_t Write(uint32_t index, uint8_t value) const { return ZX_OK; }
  zx_status_t GetInterrupt(uint32_t index, uint32_t flags, zx::interrupt* out_irq) const {
    return ZX_OK;
  }
  zx_status_t ReleaseInterrupt(uint32_t index) const { return ZX_OK; }
  zx_status_t SetPolarity(uint32_t index, gpio_polarity_t polarity) const { return ZX_OK; }
  zx_status_t SetDriveStrength(uint32_t index, uint64_t ds_ua, uint64_t* out_actual_ds_ua) const {
    return ZX_OK;
  }
};
template <typename D, typename Base = internal::base_mixin>
class GpioImplProtocol : public Base {
 protected:
  int gpio_impl_protocol_ops_ = 0;  // the ops table compat::BanjoServer serves
};
}  // namespace ddk
