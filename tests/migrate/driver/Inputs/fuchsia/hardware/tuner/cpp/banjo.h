// Stand-in for the generated banjo C++ header of the test protocol fuchsia.hardware.tuner
// (mappings/banjo/): a C struct in and out, holding an enum and a nested struct; a buffer, a string
// and a list the callee allocates, out.
#pragma once
#include <ddktl/device-internal.h>
#include <lib/ddk/device.h>
#include <stddef.h>
#include <zircon/types.h>

typedef uint32_t tuner_band_t;
#define TUNER_BAND_AM UINT32_C(1)
#define TUNER_BAND_FM UINT32_C(2)
typedef struct tuner_range tuner_range_t;
struct tuner_range {
  uint32_t low;
  uint32_t high;
};
typedef struct tuner_calibration tuner_calibration_t;
struct tuner_calibration {
  int16_t gains[4];
  int32_t offset;
};
typedef struct tuner_config tuner_config_t;
struct tuner_config {
  uint32_t frequency;
  int16_t gain;
  bool enabled;
  tuner_band_t band;
  tuner_range_t range;
};

namespace ddk {
class TunerProtocolClient {
 public:
  TunerProtocolClient() = default;
  explicit TunerProtocolClient(zx_device_t* parent) {}
  bool is_valid() const { return true; }
  zx_status_t GetConfig(tuner_config_t* out_config) const { return ZX_OK; }
  zx_status_t SetConfig(const tuner_config_t* config) const { return ZX_OK; }
  zx_status_t GetLabel(uint8_t* out_label_buffer, size_t label_size,
                       size_t* out_label_actual) const {
    return ZX_OK;
  }
  zx_status_t SetCalibration(const tuner_calibration_t* calibration) const { return ZX_OK; }
  zx_status_t GetCalibration(tuner_calibration_t* out_calibration) const { return ZX_OK; }
  zx_status_t GetName(char* out_name, size_t name_capacity) const { return ZX_OK; }
  zx_status_t GetPresets(uint32_t** out_presets_list, size_t* presets_count) const {
    return ZX_OK;
  }
};
template <typename D, typename Base = internal::base_mixin>
class TunerProtocol {
 protected:
  int tuner_protocol_ops_ = 0;
};
}  // namespace ddk
