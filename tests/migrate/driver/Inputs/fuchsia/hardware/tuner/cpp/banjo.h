// Stand-in for the generated banjo C++ header of the test protocol fuchsia.hardware.tuner
// (mappings/banjo/): a C struct in and out.
#pragma once
#include <lib/ddk/device.h>
#include <zircon/types.h>

typedef struct tuner_config tuner_config_t;
struct tuner_config {
  uint32_t frequency;
  int16_t gain;
  bool enabled;
};

namespace ddk {
class TunerProtocolClient {
 public:
  TunerProtocolClient() = default;
  explicit TunerProtocolClient(zx_device_t* parent) {}
  bool is_valid() const { return true; }
  zx_status_t GetConfig(tuner_config_t* out_config) const { return ZX_OK; }
  zx_status_t SetConfig(const tuner_config_t* config) const { return ZX_OK; }
};
namespace internal {
class base_mixin;
}  // namespace internal
class base_protocol;
template <typename D, typename Base = internal::base_mixin>
class TunerProtocol {
 protected:
  int tuner_protocol_ops_ = 0;
};
}  // namespace ddk
