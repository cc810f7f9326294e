#include "ti-tca6408a.h"

namespace gpio {

zx_status_t TiTca6408a::Create(void* ctx, zx_device_t* parent) {
  i2c_protocol_t i2c;
  // The expander's registers are reached through the I2C fragment of the composite.
  zx_status_t status = device_get_fragment_protocol(parent, "i2c", ZX_PROTOCOL_I2C, &i2c);
  return status;
}

}  // namespace gpio
