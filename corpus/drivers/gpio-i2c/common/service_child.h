// The node a gpio/i2c controller adds for its child once the child uses the driver transport (the
// author's edit before `migrate-driver --mode=replace`): offered the controller's driver-transport
// service and marked with it (the property its bind library names), with no banjo.
#ifndef FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_SERVICE_CHILD_H_
#define FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_SERVICE_CHILD_H_

#include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

#include <string_view>

#include "corpus/drivers/common/child_node.h"

namespace fdfkit::examples::gpio_i2c {

inline zx::result<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> AddGpioImplChild(
    const fidl::ClientEnd<fuchsia_driver_framework::Node>& node, std::string_view name) {
  return AddDriverTransportChild<fuchsia_hardware_gpioimpl::Service>(node, name);
}

}  // namespace fdfkit::examples::gpio_i2c

#endif  // FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_SERVICE_CHILD_H_
