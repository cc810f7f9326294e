#pragma once
#include <ddktl/device.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

#include "aml-gpio-regs.h"

namespace gpio {

class AmlGpio;
using DeviceType = ddk::Device<AmlGpio>;

// The SoC's pin controller, served to the GPIO core.
class AmlGpio : public DeviceType,
                public ddk::GpioImplProtocol<AmlGpio, ddk::base_protocol> {
 public:
  zx_status_t GpioImplConfigIn(uint32_t index, uint32_t flags);
};

}  // namespace gpio
