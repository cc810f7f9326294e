#pragma once
#include <fuchsia/hardware/i2cimpl/cpp/banjo.h>

namespace i2c {

// The bus controller, as the core sees it.
class I2cBus {
 public:
  explicit I2cBus(zx_device_t* parent);

 private:
  ddk::I2cImplProtocolClient impl_;
};

}  // namespace i2c
