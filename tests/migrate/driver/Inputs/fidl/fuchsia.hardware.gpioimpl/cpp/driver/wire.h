// Stand-in for the clone's generated driver-transport bindings: the shapes a rewritten client or
// server uses (arena, sync client, result with transport and domain errors, wire types, the
// server with its completers and binding group), nothing behind them.
#pragma once
#include <lib/fidl_driver/cpp/wire_messaging.h>

namespace fuchsia_hardware_gpioimpl {
class GpioImpl;
struct Service {
  struct Device {
    using ProtocolType = GpioImpl;
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
struct GpioImplConfigInRequest {
  uint32_t index;
  uint32_t flags;
};
struct GpioImplConfigOutRequest {
  uint32_t index;
  uint8_t initial_value;
};
struct GpioImplReadRequest {
  uint32_t index;
};
struct GpioImplWriteRequest {
  uint32_t index;
  uint8_t value;
};
struct GpioImplGetInterruptRequest {
  uint32_t index;
  uint32_t flags;
};
struct GpioImplSetPolarityRequest {
  uint32_t index;
  GpioPolarity polarity;
};
struct Empty {};
struct GpioImplReadResponse {
  uint8_t value;
};
struct GpioImplGetInterruptResponse {
  zx::interrupt irq;
};
struct GpioImplSetDriveStrengthResponse {
  uint64_t actual_ds_ua;
};
}  // namespace wire

class GpioImplCalls {
 public:
  GpioImplCalls* operator->() { return this; }
  fidl::Result<wire::Empty> ConfigIn(uint32_t index, uint32_t flags) { return {}; }
  fidl::Result<wire::Empty> ConfigOut(uint32_t index, uint8_t initial_value) { return {}; }
  fidl::Result<wire::Empty> SetAltFunction(uint32_t index, uint64_t function) { return {}; }
  fidl::Result<wire::GpioImplReadResponse> Read(uint32_t index) { return {}; }
  fidl::Result<wire::Empty> Write(uint32_t index, uint8_t value) { return {}; }
  fidl::Result<wire::GpioImplGetInterruptResponse> GetInterrupt(uint32_t index, uint32_t flags) {
    return {};
  }
  fidl::Result<wire::Empty> ReleaseInterrupt(uint32_t index) { return {}; }
  fidl::Result<wire::Empty> SetPolarity(uint32_t index, wire::GpioPolarity polarity) { return {}; }
  fidl::Result<wire::GpioImplSetDriveStrengthResponse> SetDriveStrength(uint32_t index, uint64_t ds_ua) {
    return {};
  }
};
}  // namespace fuchsia_hardware_gpioimpl

template <>
class fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
  WireSyncClient() = default;
  template <typename End>
  explicit WireSyncClient(End&&) {}
  bool is_valid() const { return true; }
  template <typename End>
  void Bind(End&&) {}
  fuchsia_hardware_gpioimpl::GpioImplCalls buffer(const Arena&) const { return {}; }
};
template <>
class fdf::WireCall<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
  template <typename End>
  explicit WireCall(const End&) {}
  fuchsia_hardware_gpioimpl::GpioImplCalls buffer(const Arena&) const { return {}; }
};
namespace fdf {
template <typename End>
WireCall(const End&) -> WireCall<fuchsia_hardware_gpioimpl::GpioImpl>;
}  // namespace fdf

template <>
class fdf::WireServer<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
  using ConfigInRequestView = fuchsia_hardware_gpioimpl::wire::GpioImplConfigInRequest*;
  using ConfigInCompleter = fidl::Completer<>;
  virtual void ConfigIn(ConfigInRequestView, Arena&, ConfigInCompleter::Sync&) {}
  using ReadRequestView = fuchsia_hardware_gpioimpl::wire::GpioImplReadRequest*;
  using ReadCompleter = fidl::Completer<uint8_t>;
  virtual void Read(ReadRequestView, Arena&, ReadCompleter::Sync&) {}
  using WriteRequestView = fuchsia_hardware_gpioimpl::wire::GpioImplWriteRequest*;
  using WriteCompleter = fidl::Completer<>;
  virtual void Write(WriteRequestView, Arena&, WriteCompleter::Sync&) {}
  using GetInterruptRequestView = fuchsia_hardware_gpioimpl::wire::GpioImplGetInterruptRequest*;
  using GetInterruptCompleter = fidl::Completer<zx::interrupt>;
  virtual void GetInterrupt(GetInterruptRequestView, Arena&, GetInterruptCompleter::Sync&) {}
  using SetPolarityRequestView = fuchsia_hardware_gpioimpl::wire::GpioImplSetPolarityRequest*;
  using SetPolarityCompleter = fidl::Completer<>;
  virtual void SetPolarity(SetPolarityRequestView, Arena&, SetPolarityCompleter::Sync&) {}
  virtual void handle_unknown_method(fidl::UnknownMethodMetadata<fuchsia_hardware_gpioimpl::GpioImpl>,
                                     fidl::UnknownMethodCompleter::Sync&) {}
};

