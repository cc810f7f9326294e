#pragma once
#include <fuchsia/hardware/i2cimpl/cpp/banjo.h>

namespace aml_i2c {

class AmlI2c : public ddk::Device<AmlI2c>, public ddk::I2cImplProtocol<AmlI2c, ddk::base_protocol> {
 public:
  uint32_t I2cImplGetBusBase();
};

}  // namespace aml_i2c
