#include "gpio.h"

namespace gpio {
// incoming()->Connect<fuchsia_hardware_gpioimpl::Service::Device>() when bound to a FIDL parent.
}  // namespace gpio
