#include "gpio.h"

namespace gpio {

zx_status_t GpioDevice::GpioRead(uint8_t* value) {
  // The controller is either parent; see gpio.h.
  return banjo_.is_valid() ? banjo_.Read(pin_, value) : ZX_ERR_NOT_SUPPORTED;
}

}  // namespace gpio
