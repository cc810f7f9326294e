#pragma once
#include <ddktl/device.h>
#include <fidl/fuchsia.hardware.i2c/cpp/wire.h>
#include <fuchsia/hardware/gpio/c/banjo.h>

namespace ft {

class FtDevice;
using DeviceType = ddk::Device<FtDevice>;

// A touch controller on I2C with an interrupt line on a GPIO.
class FtDevice : public DeviceType {
 public:
  zx_status_t Init();

 private:
  gpio_protocol_t gpio_int_;
  fidl::WireSyncClient<fuchsia_hardware_i2c::Device> i2c_;
};

}  // namespace ft
