// Stand-in for the driver-transport bindings of the test protocol fuchsia.hardware.tuner's clone:
// the wire struct, the request and response that hold it, the client and the server.
#pragma once
#include <lib/fidl_driver/cpp/wire_messaging.h>

namespace fuchsia_hardware_tuner {
class Tuner;
namespace wire {
enum class TunerBand : uint32_t { kAm = 1, kFm = 2 };
struct TunerRange {
  uint32_t low;
  uint32_t high;
};
struct TunerCalibration {
  fidl::Array<int16_t, 4> gains;
  int32_t offset;
};
struct TunerSetCalibrationRequest {
  TunerCalibration calibration;
};
struct TunerGetCalibrationResponse {
  TunerCalibration calibration;
};
struct TunerConfig {
  uint32_t frequency;
  int16_t gain;
  bool enabled;
  TunerBand band;
  TunerRange range;
};
struct TunerGetConfigResponse {
  TunerConfig config;
};
struct TunerSetConfigRequest {
  TunerConfig config;
};
struct TunerGetLabelResponse {
  fidl::VectorView<uint8_t> label;
};
struct TunerGetNameResponse {
  fidl::StringView name;
};
struct TunerGetPresetsResponse {
  fidl::VectorView<uint32_t> presets;
};
struct Empty {};
}  // namespace wire
struct Service {
  struct Device {
    using ProtocolType = Tuner;
  };
  struct Members {
    int device;
  };
  struct InstanceHandler {
    explicit InstanceHandler(Members) {}
  };
};

class TunerCalls {
 public:
  TunerCalls* operator->() { return this; }
  fidl::Result<wire::TunerGetConfigResponse> GetConfig() { return {}; }
  fidl::Result<wire::Empty> SetConfig(wire::TunerConfig config) { return {}; }
  fidl::Result<wire::TunerGetLabelResponse> GetLabel() { return {}; }
  fidl::Result<wire::Empty> SetCalibration(wire::TunerCalibration calibration) { return {}; }
  fidl::Result<wire::TunerGetCalibrationResponse> GetCalibration() { return {}; }
  fidl::Result<wire::TunerGetNameResponse> GetName() { return {}; }
  fidl::Result<wire::TunerGetPresetsResponse> GetPresets() { return {}; }
};
}  // namespace fuchsia_hardware_tuner

template <>
class fdf::WireSyncClient<fuchsia_hardware_tuner::Tuner> {
 public:
  bool is_valid() const { return true; }
  fuchsia_hardware_tuner::TunerCalls buffer(const Arena&) const { return {}; }
};

template <>
class fdf::WireServer<fuchsia_hardware_tuner::Tuner> {
 public:
  using GetConfigCompleter = fidl::Completer<fuchsia_hardware_tuner::wire::TunerConfig>;
  virtual void GetConfig(Arena&, GetConfigCompleter::Sync&) {}
  using SetConfigRequestView = fuchsia_hardware_tuner::wire::TunerSetConfigRequest*;
  using SetConfigCompleter = fidl::Completer<>;
  virtual void SetConfig(SetConfigRequestView, Arena&, SetConfigCompleter::Sync&) {}
  using GetLabelCompleter = fidl::Completer<fidl::VectorView<uint8_t>>;
  virtual void GetLabel(Arena&, GetLabelCompleter::Sync&) {}
  using SetCalibrationRequestView = fuchsia_hardware_tuner::wire::TunerSetCalibrationRequest*;
  using SetCalibrationCompleter = fidl::Completer<>;
  virtual void SetCalibration(SetCalibrationRequestView, Arena&, SetCalibrationCompleter::Sync&) {}
  using GetCalibrationCompleter = fidl::Completer<fuchsia_hardware_tuner::wire::TunerCalibration>;
  virtual void GetCalibration(Arena&, GetCalibrationCompleter::Sync&) {}
  using GetNameCompleter = fidl::Completer<fidl::StringView>;
  virtual void GetName(Arena&, GetNameCompleter::Sync&) {}
  using GetPresetsCompleter = fidl::Completer<fidl::VectorView<uint32_t>>;
  virtual void GetPresets(Arena&, GetPresetsCompleter::Sync&) {}
};
