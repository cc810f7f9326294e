#include "i2c-bus.h"

namespace i2c {

I2cBus::I2cBus(zx_device_t* parent) : impl_(parent) {}

}  // namespace i2c
