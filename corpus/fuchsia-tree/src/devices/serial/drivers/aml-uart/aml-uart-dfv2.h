#pragma once
#include <fuchsia/hardware/serialimpl/async/cpp/banjo.h>
#include <lib/driver/compat/cpp/compat.h>

namespace serial {

// The UART, a DFv2 driver offering the banjo serial protocol to its child through compat.
class AmlUartV2 : public fdf::DriverBase {
 public:
  zx::result<> Start() override;

 private:
  std::optional<compat::BanjoServer> banjo_server_;
  compat::SyncInitializedDeviceServer device_server_;
};

}  // namespace serial
