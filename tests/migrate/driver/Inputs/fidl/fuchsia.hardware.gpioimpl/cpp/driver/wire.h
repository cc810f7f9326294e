// Stand-in for the clone's generated driver-transport bindings: the shapes a rewritten client or
// server uses (arena, sync client, result with transport and domain errors, wire types, the
// server with its completers and binding group), nothing behind them.
#pragma once
#include <zircon/types.h>

namespace fdf {
class Arena {
 public:
  explicit Arena(uint32_t tag) : tag_(tag) {}

 private:
  uint32_t tag_;
};
template <typename Protocol>
class WireSyncClient;
template <typename Protocol>
class ClientEnd;
template <typename Protocol>
class WireCall;
template <typename Protocol>
class WireServer;
template <typename Protocol>
class ServerBindingGroup;
}  // namespace fdf

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

// A two-way call's outcome: the transport's status, then the method's error or its response.
template <typename Response>
class Result {
 public:
  class Domain {
   public:
    bool is_error() const { return false; }
    zx_status_t error_value() const { return ZX_OK; }
    Response* value() { return &response_; }

   private:
    Response response_;
  };
  bool ok() const { return true; }
  zx_status_t status() const { return ZX_OK; }
  Domain* operator->() { return &domain_; }

 private:
  Domain domain_;
};

class GpioImplCalls {
 public:
  GpioImplCalls* operator->() { return this; }
  Result<wire::Empty> ConfigIn(uint32_t index, uint32_t flags) { return {}; }
  Result<wire::Empty> ConfigOut(uint32_t index, uint8_t initial_value) { return {}; }
  Result<wire::Empty> SetAltFunction(uint32_t index, uint64_t function) { return {}; }
  Result<wire::GpioImplReadResponse> Read(uint32_t index) { return {}; }
  Result<wire::Empty> Write(uint32_t index, uint8_t value) { return {}; }
  Result<wire::GpioImplGetInterruptResponse> GetInterrupt(uint32_t index, uint32_t flags) {
    return {};
  }
  Result<wire::Empty> ReleaseInterrupt(uint32_t index) { return {}; }
  Result<wire::Empty> SetPolarity(uint32_t index, wire::GpioPolarity polarity) { return {}; }
  Result<wire::GpioImplSetDriveStrengthResponse> SetDriveStrength(uint32_t index, uint64_t ds_ua) {
    return {};
  }
};
}  // namespace fuchsia_hardware_gpioimpl

template <>
class fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
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

namespace fidl {
template <typename Protocol>
struct UnknownMethodMetadata {};
struct UnknownMethodCompleter {
  struct Sync {};
};
inline constexpr int kIgnoreBindingClosure = 0;
}  // namespace fidl

namespace fuchsia_hardware_gpioimpl {
// A method's completer: replies with the response's fields, or the method's error.
template <typename... Fields>
struct Completer {
  struct Buffer {
    void ReplySuccess(Fields...) {}
    void ReplyError(zx_status_t) {}
  };
  struct Sync {
    Buffer buffer(const fdf::Arena&) { return {}; }
  };
};
}  // namespace fuchsia_hardware_gpioimpl

template <>
class fdf::WireServer<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
  using ConfigInRequestView = fuchsia_hardware_gpioimpl::wire::GpioImplConfigInRequest*;
  using ConfigInCompleter = fuchsia_hardware_gpioimpl::Completer<>;
  virtual void ConfigIn(ConfigInRequestView, Arena&, ConfigInCompleter::Sync&) {}
  using ReadRequestView = fuchsia_hardware_gpioimpl::wire::GpioImplReadRequest*;
  using ReadCompleter = fuchsia_hardware_gpioimpl::Completer<uint8_t>;
  virtual void Read(ReadRequestView, Arena&, ReadCompleter::Sync&) {}
  using WriteRequestView = fuchsia_hardware_gpioimpl::wire::GpioImplWriteRequest*;
  using WriteCompleter = fuchsia_hardware_gpioimpl::Completer<>;
  virtual void Write(WriteRequestView, Arena&, WriteCompleter::Sync&) {}
  using GetInterruptRequestView = fuchsia_hardware_gpioimpl::wire::GpioImplGetInterruptRequest*;
  using GetInterruptCompleter = fuchsia_hardware_gpioimpl::Completer<zx::interrupt>;
  virtual void GetInterrupt(GetInterruptRequestView, Arena&, GetInterruptCompleter::Sync&) {}
  using SetPolarityRequestView = fuchsia_hardware_gpioimpl::wire::GpioImplSetPolarityRequest*;
  using SetPolarityCompleter = fuchsia_hardware_gpioimpl::Completer<>;
  virtual void SetPolarity(SetPolarityRequestView, Arena&, SetPolarityCompleter::Sync&) {}
  virtual void handle_unknown_method(fidl::UnknownMethodMetadata<fuchsia_hardware_gpioimpl::GpioImpl>,
                                     fidl::UnknownMethodCompleter::Sync&) {}
};

template <typename Protocol>
class fdf::ServerBindingGroup {
 public:
  template <typename Impl>
  int CreateHandler(Impl*, void*, int) {
    return 0;
  }
};
