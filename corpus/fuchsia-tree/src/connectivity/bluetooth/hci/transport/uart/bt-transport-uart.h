#pragma once
#include <fuchsia/hardware/serialimpl/async/cpp/banjo.h>
#include <lib/driver/compat/cpp/compat.h>

namespace bt_transport_uart {

// HCI over the UART below it.
class BtTransportUart : public fdf::DriverBase {
 public:
  zx::result<> Start() override;

 private:
  ddk::SerialImplAsyncProtocolClient serial_client_;
};

}  // namespace bt_transport_uart
