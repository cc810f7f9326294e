#pragma once
#include <ddktl/device.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

namespace gpio {

class AmlGpio;
using DeviceType = ddk::Device<AmlGpio>;

// Serves the pin controller to the GPIO core.
class AmlGpio : public DeviceType, public ddk::GpioImplProtocol<AmlGpio, ddk::base_protocol> {
 public:
  zx_status_t GpioImplConfigIn(uint32_t index, uint32_t flags);
};

}  // namespace gpio
