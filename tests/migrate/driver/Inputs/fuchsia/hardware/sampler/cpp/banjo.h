// Stand-in for the generated banjo C++ header of the test protocol fuchsia.hardware.sampler
// (mappings/banjo/): an @async method, whose completion comes through a C callback and cookie.
#pragma once
#include <ddktl/device-internal.h>
#include <lib/ddk/device.h>
#include <zircon/types.h>

typedef void (*sampler_read_sample_callback)(void* ctx, zx_status_t s, uint32_t value);

namespace ddk {
class SamplerProtocolClient {
 public:
  SamplerProtocolClient() = default;
  explicit SamplerProtocolClient(zx_device_t* parent) {}
  bool is_valid() const { return true; }
  zx_status_t GetResolution(uint8_t* out_bits) const { return ZX_OK; }
  void ReadSample(uint32_t channel, sampler_read_sample_callback callback, void* cookie) const {}
};
template <typename D, typename Base = internal::base_mixin>
class SamplerProtocol {
 protected:
  int sampler_protocol_ops_ = 0;
};
}  // namespace ddk
