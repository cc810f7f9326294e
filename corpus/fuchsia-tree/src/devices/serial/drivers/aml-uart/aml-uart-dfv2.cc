#include "aml-uart-dfv2.h"

namespace serial {

zx::result<> AmlUartV2::Start() {
  auto pdev = incoming()->Connect<fuchsia_hardware_platform_device::Service::Device>();
  if (pdev.is_error()) return pdev.take_error();
  banjo_server_.emplace(ZX_PROTOCOL_SERIAL_IMPL_ASYNC, this, &serial_impl_async_protocol_ops_);
  compat::DeviceServer::BanjoConfig banjo_config;
  banjo_config.callbacks[ZX_PROTOCOL_SERIAL_IMPL_ASYNC] = banjo_server_->callback();
  return zx::ok();
}

}  // namespace serial
