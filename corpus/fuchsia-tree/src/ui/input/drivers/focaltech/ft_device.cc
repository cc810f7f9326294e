#include "ft_device.h"

namespace ft {

zx_status_t FtDevice::Init() {
  zx_status_t status = device_get_fragment_protocol(parent(), "gpio-int", ZX_PROTOCOL_GPIO, &gpio_int_);
  if (status != ZX_OK) return status;
  auto i2c = DdkConnectFragmentFidlProtocol<fuchsia_hardware_i2c::Service::Device>("i2c");
  return i2c.status_value();
}

}  // namespace ft
