#pragma once
#include <fidl/fuchsia.hardware.i2c/cpp/wire.h>
#include <fuchsia/hardware/i2cimpl/cpp/banjo.h>

namespace i2c {

// Serves fuchsia.hardware.i2c over Zircon channels to each I2C child; talks banjo to the bus.
class I2cDevice {
 private:
  ddk::I2cImplProtocolClient i2c_impl_;
};

}  // namespace i2c
