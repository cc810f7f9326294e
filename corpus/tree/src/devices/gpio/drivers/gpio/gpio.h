#pragma once
#include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

namespace gpio {

// One binary, two parents: a banjo GpioImplProtocolClient or a driver-transport client.
class GpioRootDevice {
 private:
  ddk::GpioImplProtocolClient banjo_;
  fdf::WireSharedClient<fuchsia_hardware_gpioimpl::GpioImpl> fidl_;
};

}  // namespace gpio
