// Stand-in for the generated shims (which bring both the banjo and the driver bindings): the dual
// client is a ddk::GpioImplProtocolClient, the dual server a ddk::GpioImplProtocol.
#pragma once
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/component/cpp/driver_base.h>

namespace fdfkit::shims::fuchsia_hardware_gpioimpl {
class GpioImplDualClient : public ddk::GpioImplProtocolClient {
 public:
  static zx::result<GpioImplDualClient> Connect(const std::shared_ptr<fdf::Namespace>&,
                                                std::string_view parent = "default") {
    (void)parent;
    return zx::result<GpioImplDualClient>(GpioImplDualClient());
  }
};
template <typename D>
class GpioImplDualServer : public ddk::GpioImplProtocol<D> {
 public:
  int AddDriverTransportService() { return 0; }
  int banjo_server() { return 0; }
  zx::result<> AddDriverTransportService(fdf::OutgoingDirectory&, void* dispatcher,
                                         const char* instance = "default") {
    return zx::result<>(0);
  }
};
}  // namespace fdfkit::shims::fuchsia_hardware_gpioimpl
