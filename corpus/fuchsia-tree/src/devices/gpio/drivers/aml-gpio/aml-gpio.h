#pragma once
#include <ddktl/device.h>
#include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

#include "aml-gpio-regs.h"

namespace gpio {

class AmlGpio;
using DeviceType = ddk::Device<AmlGpio>;

// The SoC's pin controller, served to the GPIO core over banjo and, already, the driver transport.
class AmlGpio : public DeviceType,
                public ddk::GpioImplProtocol<AmlGpio, ddk::base_protocol>,
                public fdf::WireServer<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
  zx_status_t GpioImplConfigIn(uint32_t index, uint32_t flags);
};

}  // namespace gpio
