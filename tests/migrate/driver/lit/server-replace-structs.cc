// EXIT: 1
// --mode=replace: a server taking a struct of numbers, bools, banjo enums and nested such structs
// reads its fields from the request's wire struct (an enum as the integer banjo had); one
// returning a struct through an out-parameter writes the fields of a local wire struct that the
// reply carries (an enum assigned through a cast to the clone's). A struct used other than field
// by field, a nested struct used whole, an enum changed in place are left.
// MAPPING: fuchsia.hardware.tuner
#include <fuchsia/hardware/tuner/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.tuner stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column {{[0-9]+}})
// CHECK-FIXES: #include <fidl/fuchsia.hardware.tuner/cpp/driver/wire.h>

class Tuner : public ddk::TunerProtocol<Tuner, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Tuner now serves Tuner as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_tuner::Service> with a handler from its binding group
 public:
  zx_status_t TunerGetConfig(tuner_config_t* out_config) {
    // CHECK-FIXES: void GetConfig(fdf::Arena& arena, GetConfigCompleter::Sync& completer) override {
    // CHECK-FIXES-NEXT: decltype(fuchsia_hardware_tuner::wire::TunerGetConfigResponse::config) config{};
    out_config->frequency = frequency_;
    out_config->gain = gain_;
    out_config->enabled = frequency_ != 0;
    out_config->band = frequency_ < 2'000 ? TUNER_BAND_AM : TUNER_BAND_FM;
    out_config->range.low = 0;
    // CHECK-FIXES-NEXT: config.frequency = frequency_;
    // CHECK-FIXES-NEXT: config.gain = gain_;
    // CHECK-FIXES-NEXT: config.enabled = frequency_ != 0;
    // CHECK-FIXES-NEXT: config.band = static_cast<decltype(config.band)>(frequency_ < 2'000 ? TUNER_BAND_AM : TUNER_BAND_FM);
    // CHECK-FIXES-NEXT: config.range.low = 0;
    return ZX_OK;
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess(config);
  }
  zx_status_t TunerSetConfig(const tuner_config_t* config) {
    // CHECK-FIXES: void SetConfig(SetConfigRequestView request, fdf::Arena& arena, SetConfigCompleter::Sync& completer) override {
    if (config->gain > 40) return ZX_ERR_OUT_OF_RANGE;
    // CHECK-FIXES-NEXT: if (request->config.gain > 40) {
    frequency_ = config->enabled ? config->frequency : 0;
    // CHECK-FIXES: frequency_ = request->config.enabled ? request->config.frequency : 0;
    if (config->band == TUNER_BAND_AM && config->range.high > 1'700) return ZX_ERR_OUT_OF_RANGE;
    // CHECK-FIXES: if (static_cast<uint32_t>(request->config.band) == TUNER_BAND_AM && request->config.range.high > 1'700) {
    gain_ = config->gain;
    return ZX_OK;
  }
  // Through the caller's buffer: as large as the clone's bound (vector<uint8>:32).
  zx_status_t TunerGetLabel(uint8_t* out_label_buffer, size_t label_size,
                            size_t* out_label_actual) {
    // CHECK-FIXES: void GetLabel(fdf::Arena& arena, GetLabelCompleter::Sync& completer) override {
    // CHECK-FIXES-NEXT: const size_t label_capacity = 32;
    // CHECK-FIXES-NEXT: size_t label_size = label_capacity;
    // CHECK-FIXES-NEXT: auto* out_label_buffer = static_cast<uint8_t*>(arena.Allocate(sizeof(uint8_t) * label_capacity));
    const char label[] = "fm";
    if (label_size < 2) return ZX_ERR_BUFFER_TOO_SMALL;
    out_label_buffer[0] = label[0];
    out_label_buffer[1] = label[1];
    *out_label_actual = 2;
    return ZX_OK;
    // CHECK-FIXES: completer.buffer(arena).ReplySuccess(fidl::VectorView<uint8_t>::FromExternal(const_cast<uint8_t*>(out_label_buffer), label_actual < label_capacity ? label_actual : label_capacity));
  }

 private:
  uint32_t frequency_ = 0;
  int16_t gain_ = 0;
};

// Its struct handed on whole: the method, and the class, are left.
bool Valid(const tuner_config_t* config) { return config->gain <= 40; }

class Checked : public ddk::TunerProtocol<Checked, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: [FDFDRV046] Checked serves ddk::TunerProtocol, and stays so: its method TunerSetConfig is not rewritten
 public:
  zx_status_t TunerGetConfig(tuner_config_t* out_config) { return ZX_OK; }
  zx_status_t TunerSetConfig(const tuner_config_t* config) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] Checked::TunerSetConfig reads the struct 'config' at line [[@LINE+1]], column 16 other than field by field in the method itself: not rewritten
    if (!Valid(config)) return ZX_ERR_OUT_OF_RANGE;
    return ZX_OK;
  }
};

// A nested struct handed on whole, an enum changed in place: left.
bool InBand(const tuner_range_t& range, uint32_t frequency);

class EnumInPlace : public ddk::TunerProtocol<EnumInPlace, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: [FDFDRV046] EnumInPlace serves ddk::TunerProtocol, and stays so: its method TunerGetConfig is not rewritten
 public:
  zx_status_t TunerGetConfig(tuner_config_t* out_config) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] EnumInPlace::TunerGetConfig writes the enum 'out_config->band' at line [[@LINE+1]], column 5 other than by reading or assigning it: not rewritten
    out_config->band |= TUNER_BAND_FM;
    return ZX_OK;
  }
  zx_status_t TunerSetConfig(const tuner_config_t* config) { return ZX_OK; }
};

class NestedWhole : public ddk::TunerProtocol<NestedWhole, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: [FDFDRV046] NestedWhole serves ddk::TunerProtocol, and stays so: its method TunerSetConfig is not rewritten
 public:
  zx_status_t TunerGetConfig(tuner_config_t* out_config) { return ZX_OK; }
  zx_status_t TunerSetConfig(const tuner_config_t* config) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] NestedWhole::TunerSetConfig reads the nested struct 'config->range' at line [[@LINE+1]], column 19 whole, not field by field: not rewritten
    return InBand(config->range, config->frequency) ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
  }
};

// A stub whose out-buffer parameters have no names, an enum handed to a function by reference:
// left.
void Widen(tuner_band_t& band);

class EnumByReference : public ddk::TunerProtocol<EnumByReference, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: [FDFDRV046] EnumByReference serves ddk::TunerProtocol, and stays so: its method TunerGetConfig is not rewritten
 public:
  zx_status_t TunerGetConfig(tuner_config_t* out_config) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] EnumByReference::TunerGetConfig writes the enum 'out_config->band' at line [[@LINE+1]], column 11 other than by reading or assigning it: not rewritten
    Widen(out_config->band);
    return ZX_OK;
  }
  zx_status_t TunerSetConfig(const tuner_config_t* config) { return ZX_OK; }
};

class Unnamed : public ddk::TunerProtocol<Unnamed, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: [FDFDRV046] Unnamed serves ddk::TunerProtocol, and stays so: its method TunerGetLabel is not rewritten
 public:
  zx_status_t TunerGetConfig(tuner_config_t* out_config) { return ZX_OK; }
  zx_status_t TunerSetConfig(const tuner_config_t* config) { return ZX_OK; }
  zx_status_t TunerGetLabel(uint8_t*, size_t, size_t*) { return ZX_ERR_INTERNAL; }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] Unnamed::TunerGetLabel returns 'label' through a caller's buffer whose parameters are not all named (the body's locals would take their names): not rewritten
};

void Widen(tuner_band_t& band) { band = TUNER_BAND_FM; }

bool InBand(const tuner_range_t& range, uint32_t frequency) {
  return frequency >= range.low && frequency <= range.high;
}

int main() {
  Tuner tuner;
  Checked checked;
  EnumInPlace in_place;
  NestedWhole whole;
  EnumByReference by_reference;
  Unnamed unnamed;
  return 0;
}
