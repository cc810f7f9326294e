// EXIT: 1
// --mode=replace: a server taking a struct of numbers and bools reads its fields from the
// request's wire struct; one returning a struct through an out-parameter writes the fields of a
// local wire struct that the reply carries. A struct used other than field by field is left.
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
    // CHECK-FIXES-NEXT: config.frequency = frequency_;
    // CHECK-FIXES-NEXT: config.gain = gain_;
    // CHECK-FIXES-NEXT: config.enabled = frequency_ != 0;
    return ZX_OK;
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess(config);
  }
  zx_status_t TunerSetConfig(const tuner_config_t* config) {
    // CHECK-FIXES: void SetConfig(SetConfigRequestView request, fdf::Arena& arena, SetConfigCompleter::Sync& completer) override {
    if (config->gain > 40) return ZX_ERR_OUT_OF_RANGE;
    // CHECK-FIXES-NEXT: if (request->config.gain > 40) {
    frequency_ = config->enabled ? config->frequency : 0;
    // CHECK-FIXES: frequency_ = request->config.enabled ? request->config.frequency : 0;
    gain_ = config->gain;
    return ZX_OK;
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

int main() {
  Tuner tuner;
  Checked checked;
  return 0;
}
