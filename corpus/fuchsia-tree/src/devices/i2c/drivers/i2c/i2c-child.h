#pragma once
#include <fidl/fuchsia.hardware.i2c/cpp/wire.h>
#include <fuchsia/hardware/i2c/cpp/banjo.h>

#include "i2c-bus.h"

namespace i2c {

// One device on the bus: banjo for DFv1 children, FIDL on channels for the rest.
class I2cChild : public ddk::I2cProtocol<I2cChild> {
 public:
  zx_status_t Serve(fdf::OutgoingDirectory& outgoing);
};

}  // namespace i2c
