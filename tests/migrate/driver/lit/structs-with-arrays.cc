// MAPPING: fuchsia.hardware.tuner
// EXIT: 1
// SECOND-RUN-EXIT: 1
// --mode=replace: a struct holding an array of numbers crosses like any plain struct. In a call,
// the wire struct's fidl::Array is filled from the C array, and copied back out of the response;
// in a server, the request's array is indexed as before and, where the C array decayed to a
// pointer, read through data() — written the same way into the reply's.
#include <fuchsia/hardware/tuner/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.tuner stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column 5)
// CHECK-FIXES: #include <fuchsia/hardware/tuner/cpp/banjo.h>
// CHECK-FIXES-NEXT: #include <fidl/fuchsia.hardware.tuner/cpp/driver/wire.h>

#include <algorithm>
#include <cstring>
#include <iterator>

class Radio {
 public:
  zx_status_t Calibrate(int16_t gain) {
    tuner_calibration_t calibration;
    zx_status_t status = tuner_.GetCalibration(&calibration);
    // CHECK-FIXES: std::copy(result->value()->calibration.gains.begin(), result->value()->calibration.gains.end(), calibration.gains);
    // CHECK-FIXES-NEXT: calibration.offset = result->value()->calibration.offset;
    if (status != ZX_OK) return status;
    calibration.gains[0] = gain;
    return tuner_.SetCalibration(&calibration);
    // CHECK-FIXES: auto result = tuner_.buffer(arena)->SetCalibration(decltype(fuchsia_hardware_tuner::wire::TunerSetCalibrationRequest::calibration){.gains = [&] { decltype(decltype(fuchsia_hardware_tuner::wire::TunerSetCalibrationRequest::calibration)::gains) array{}; std::copy(std::begin(calibration.gains), std::end(calibration.gains), array.begin()); return array; }(), .offset = calibration.offset});
  }

 private:
  ddk::TunerProtocolClient tuner_;
};

class Tuner : public ddk::TunerProtocol<Tuner> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Tuner now serves Tuner as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_tuner::Service> with a handler from its binding group
 public:
  zx_status_t TunerSetCalibration(const tuner_calibration_t* calibration) {
    memcpy(gains_, calibration->gains, sizeof(gains_));
    // CHECK-FIXES: memcpy(gains_, request->calibration.gains.data(), sizeof(gains_));
    offset_ = calibration->offset + calibration->gains[3];
    // CHECK-FIXES-NEXT: offset_ = request->calibration.offset + request->calibration.gains[3];
    return ZX_OK;
  }
  zx_status_t TunerGetCalibration(tuner_calibration_t* out_calibration) {
    // CHECK-FIXES: decltype(fuchsia_hardware_tuner::wire::TunerGetCalibrationResponse::calibration) calibration{};
    memcpy(out_calibration->gains, gains_, sizeof(gains_));
    // CHECK-FIXES-NEXT: memcpy(calibration.gains.data(), gains_, sizeof(gains_));
    out_calibration->gains[1] = 7;
    // CHECK-FIXES-NEXT: calibration.gains[1] = 7;
    out_calibration->offset = offset_;
    return ZX_OK;
    // CHECK-FIXES: completer.buffer(arena).ReplySuccess(calibration);
  }

 private:
  int16_t gains_[4] = {};
  int32_t offset_ = 0;
};

int main() { return 0; }
