#pragma once
#include <ddktl/device.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include <fuchsia/hardware/i2c/cpp/banjo.h>

namespace gpio {

class TiTca6408a;
using DeviceType = ddk::Device<TiTca6408a>;

// An I2C GPIO expander: a pin controller on the other side of an I2C bus.
class TiTca6408a : public DeviceType, public ddk::GpioImplProtocol<TiTca6408a, ddk::base_protocol> {
 public:
  static zx_status_t Create(void* ctx, zx_device_t* parent);

 private:
  i2c_protocol_t i2c_;
};

}  // namespace gpio
