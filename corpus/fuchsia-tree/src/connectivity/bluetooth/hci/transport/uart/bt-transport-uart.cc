#include "bt-transport-uart.h"

namespace bt_transport_uart {

zx::result<> BtTransportUart::Start() {
  auto client = compat::ConnectBanjo<ddk::SerialImplAsyncProtocolClient>(incoming());
  if (client.is_error()) return client.take_error();
  serial_client_ = *client;
  return zx::ok();
}

}  // namespace bt_transport_uart
