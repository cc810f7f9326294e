// Stand-in for the Zircon-channel bindings of fuchsia.hardware.gpio's clone: the shapes a
// rewritten client or server uses (sync client and one-off call building their own request
// buffers, results, wire types, the server with its arena-less methods), nothing behind them.
#pragma once
#include <lib/fidl/cpp/wire/channel_messaging.h>
#include <lib/zx/result.h>

namespace fuchsia_hardware_gpio {
class Gpio;
struct Service {
  struct Device {
    using ProtocolType = Gpio;
    using ClientEndType = fidl::ClientEnd<Gpio>;  // a channel: not fdf::ClientEnd
  };
  struct Members {
    int device;
  };
  struct InstanceHandler {
    explicit InstanceHandler(Members) {}
  };
};
namespace wire {
enum class GpioPolarity : uint32_t { kLow = 0, kHigh = 1 };
struct GpioConfigInRequest {
  uint32_t flags;
};
struct GpioWriteRequest {
  uint8_t value;
};
struct GpioSetPolarityRequest {
  GpioPolarity polarity;
};
struct GpioSetDriveStrengthRequest {
  uint64_t ds_ua;
};
struct Empty {};
struct GpioReadResponse {
  uint8_t value;
};
struct GpioSetDriveStrengthResponse {
  uint64_t actual_ds_ua;
};
}  // namespace wire

class GpioCalls {
 public:
  GpioCalls* operator->() { return this; }
  fidl::Result<wire::Empty> ConfigIn(uint32_t flags) { return {}; }
  fidl::Result<wire::Empty> ConfigOut(uint8_t initial_value) { return {}; }
  fidl::Result<wire::Empty> SetAltFunction(uint64_t function) { return {}; }
  fidl::Result<wire::GpioReadResponse> Read() { return {}; }
  fidl::Result<wire::Empty> Write(uint8_t value) { return {}; }
  fidl::Result<wire::Empty> SetPolarity(wire::GpioPolarity polarity) { return {}; }
  fidl::Result<wire::GpioSetDriveStrengthResponse> SetDriveStrength(uint64_t ds_ua) { return {}; }
};
}  // namespace fuchsia_hardware_gpio

// client->Method(...): the request in a buffer of the call's own; no arena.
template <>
class fidl::WireSyncClient<fuchsia_hardware_gpio::Gpio> {
 public:
  WireSyncClient() = default;
  template <typename End>
  explicit WireSyncClient(End&&) {}
  bool is_valid() const { return true; }
  template <typename End>
  void Bind(End&&) {}
  fuchsia_hardware_gpio::GpioCalls operator->() const { return {}; }
};
namespace fidl {
template <typename Protocol>
fuchsia_hardware_gpio::GpioCalls WireCall(const ClientEnd<Protocol>&) {
  return {};
}
}  // namespace fidl

template <>
class fidl::WireServer<fuchsia_hardware_gpio::Gpio> {
 public:
  using ConfigInRequestView = fuchsia_hardware_gpio::wire::GpioConfigInRequest*;
  using ConfigInCompleter = fidl::Completer<>;
  virtual void ConfigIn(ConfigInRequestView, ConfigInCompleter::Sync&) {}
  using ReadCompleter = fidl::Completer<uint8_t>;
  virtual void Read(ReadCompleter::Sync&) {}
  using WriteRequestView = fuchsia_hardware_gpio::wire::GpioWriteRequest*;
  using WriteCompleter = fidl::Completer<>;
  virtual void Write(WriteRequestView, WriteCompleter::Sync&) {}
  using SetPolarityRequestView = fuchsia_hardware_gpio::wire::GpioSetPolarityRequest*;
  using SetPolarityCompleter = fidl::Completer<>;
  virtual void SetPolarity(SetPolarityRequestView, SetPolarityCompleter::Sync&) {}
  using SetDriveStrengthRequestView = fuchsia_hardware_gpio::wire::GpioSetDriveStrengthRequest*;
  using SetDriveStrengthCompleter = fidl::Completer<uint64_t>;
  virtual void SetDriveStrength(SetDriveStrengthRequestView, SetDriveStrengthCompleter::Sync&) {}
};
