// Stand-in for the generated shims of fuchsia.hardware.spiimpl: the dual server.
#pragma once
#include <fuchsia/hardware/spiimpl/cpp/banjo.h>
#include <lib/driver/component/cpp/driver_base.h>

namespace fdfkit::shims::fuchsia_hardware_spiimpl {
template <typename D>
class SpiImplDualServer : public ddk::SpiImplProtocol<D> {
 public:
  zx::result<> AddDriverTransportService(fdf::OutgoingDirectory&, void* dispatcher) {
    return zx::result<>(0);
  }
};
}  // namespace fdfkit::shims::fuchsia_hardware_spiimpl
