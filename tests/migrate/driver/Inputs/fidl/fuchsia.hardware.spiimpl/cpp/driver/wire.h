// Stand-in for the driver-transport bindings of fuchsia.hardware.spiimpl's clone.
#pragma once
#include <lib/fidl_driver/cpp/wire_messaging.h>

#include <algorithm>

namespace fuchsia_hardware_spiimpl {
class SpiImpl;
namespace wire {
struct SpiImplGetChipSelectCountResponse {
  uint32_t count;
};
struct SpiImplExchangeRequest {
  uint32_t chip_select;
  fidl::VectorView<uint8_t> txdata;
};
struct SpiImplExchangeResponse {
  fidl::VectorView<uint8_t> rxdata;
};
struct SpiImplReleaseRegisteredVmosRequest {
  uint32_t chip_select;
};
}  // namespace wire

class SpiImplCalls {
 public:
  SpiImplCalls* operator->() { return this; }
  fidl::PlainResult<wire::SpiImplGetChipSelectCountResponse> GetChipSelectCount() { return {}; }
  fidl::Result<wire::SpiImplExchangeResponse> Exchange(uint32_t chip_select,
                                                       fidl::VectorView<uint8_t> txdata) {
    return {};
  }
  fidl::OneWayStatus ReleaseRegisteredVmos(uint32_t chip_select) { return {}; }
};
}  // namespace fuchsia_hardware_spiimpl

template <>
class fdf::WireSyncClient<fuchsia_hardware_spiimpl::SpiImpl> {
 public:
  fuchsia_hardware_spiimpl::SpiImplCalls buffer(const Arena&) const { return {}; }
};

template <>
class fdf::WireServer<fuchsia_hardware_spiimpl::SpiImpl> {
 public:
  using GetChipSelectCountCompleter = fidl::Completer<uint32_t>;
  virtual void GetChipSelectCount(Arena&, GetChipSelectCountCompleter::Sync&) {}
  using ExchangeRequestView = fuchsia_hardware_spiimpl::wire::SpiImplExchangeRequest*;
  using ExchangeCompleter = fidl::Completer<fidl::VectorView<uint8_t>>;
  virtual void Exchange(ExchangeRequestView, Arena&, ExchangeCompleter::Sync&) {}
  using ReleaseRegisteredVmosRequestView =
      fuchsia_hardware_spiimpl::wire::SpiImplReleaseRegisteredVmosRequest*;
  using ReleaseRegisteredVmosCompleter = fidl::Completer<>;
  virtual void ReleaseRegisteredVmos(ReleaseRegisteredVmosRequestView, Arena&,
                                     ReleaseRegisteredVmosCompleter::Sync&) {}
};
