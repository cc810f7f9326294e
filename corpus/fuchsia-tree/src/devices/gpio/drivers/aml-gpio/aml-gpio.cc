#include "aml-gpio.h"

namespace gpio {

zx_status_t AmlGpio::GpioImplConfigIn(uint32_t index, uint32_t flags) { return ZX_OK; }

}  // namespace gpio
