#include "i2c-child.h"

namespace i2c {

zx_status_t I2cChild::Serve(fdf::OutgoingDirectory& outgoing) {
  auto added = outgoing.AddService<fuchsia_hardware_i2c::Service>(std::move(handler_));
  return added.status_value();
}

}  // namespace i2c
