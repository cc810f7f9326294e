// --mode=replace: a struct of numbers, bools, banjo enums and nested such structs crosses field by
// field: passed by pointer or by value, it becomes the clone's wire struct built from its fields
// (an enum cast to the clone's, a nested struct built the same way); written through an
// out-parameter, its fields are copied back from the response's (an enum as its integer).
// MAPPING: fuchsia.hardware.tuner
#include <fuchsia/hardware/tuner/cpp/banjo.h>
// CHECK-FIXES: #include <fuchsia/hardware/tuner/cpp/banjo.h>
// CHECK-FIXES-NEXT: #include <fidl/fuchsia.hardware.tuner/cpp/driver/wire.h>
// EXIT: 1
// CHECK-MESSAGES: :[[@LINE-4]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.tuner stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column {{[0-9]+}})

class Radio {
 public:
  zx_status_t Retune(uint32_t frequency) {
    tuner_config_t config;
    zx_status_t status = tuner_.GetConfig(&config);
    // CHECK-FIXES: zx_status_t status = [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result = tuner_.buffer(arena)->GetConfig();
    // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
    // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
    // CHECK-FIXES-NEXT: config.frequency = result->value()->config.frequency;
    // CHECK-FIXES-NEXT: config.gain = result->value()->config.gain;
    // CHECK-FIXES-NEXT: config.enabled = result->value()->config.enabled;
    // CHECK-FIXES-NEXT: config.band = static_cast<uint32_t>(result->value()->config.band);
    // CHECK-FIXES-NEXT: config.range.low = result->value()->config.range.low;
    // CHECK-FIXES-NEXT: config.range.high = result->value()->config.range.high;
    // CHECK-FIXES-NEXT: return ZX_OK;
    if (status != ZX_OK) return status;
    config.frequency = frequency;
    if (config.band == TUNER_BAND_AM) config.range.high = 1'700;
    return tuner_.SetConfig(&config);
    // CHECK-FIXES: auto result = tuner_.buffer(arena)->SetConfig(decltype(fuchsia_hardware_tuner::wire::TunerSetConfigRequest::config){.frequency = config.frequency, .gain = config.gain, .enabled = config.enabled, .band = static_cast<decltype(decltype(fuchsia_hardware_tuner::wire::TunerSetConfigRequest::config)::band)>(config.band), .range = decltype(decltype(fuchsia_hardware_tuner::wire::TunerSetConfigRequest::config)::range){.low = config.range.low, .high = config.range.high}});
  }
  zx_status_t Apply(const tuner_config_t* wanted, tuner_config_t* applied) {
    zx_status_t status = tuner_.SetConfig(wanted);
    // CHECK-FIXES: auto result = tuner_.buffer(arena)->SetConfig(decltype(fuchsia_hardware_tuner::wire::TunerSetConfigRequest::config){.frequency = wanted->frequency, .gain = wanted->gain, .enabled = wanted->enabled, .band = static_cast<decltype(decltype(fuchsia_hardware_tuner::wire::TunerSetConfigRequest::config)::band)>(wanted->band), .range = decltype(decltype(fuchsia_hardware_tuner::wire::TunerSetConfigRequest::config)::range){.low = wanted->range.low, .high = wanted->range.high}});
    if (status != ZX_OK) return status;
    return tuner_.GetConfig(applied);
    // CHECK-FIXES: (*applied).frequency = result->value()->config.frequency;
  }

 private:
  ddk::TunerProtocolClient tuner_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_tuner::Tuner> tuner_;
};

// Read once per field, an argument with side effects is left (and so is its client).
class Queue {
 public:
  zx_status_t Next() {
    zx_status_t status = ZX_OK;
    status = tuner_.SetConfig(Take());
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: [FDFDRV056] tuner_.SetConfig(...): its parameter 'config' (const tuner_config_t *) is an expression with side effects, read once per field: the call is not rewritten
    return status;
  }

 private:
  const tuner_config_t* Take() { return &queue_[next_++ % 2]; }

  ddk::TunerProtocolClient tuner_;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: [FDFDRV060] the banjo client tuner_ stays banjo with its calls, because of the call at line {{[0-9]+}}, column 21 (reported there): not rewritten
  tuner_config_t queue_[2] = {};
  unsigned next_ = 0;
};

int main() {
  Radio radio;
  return radio.Retune(88'000);
}
