#pragma once
#include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
#include <fuchsia/hardware/gpio/cpp/banjo.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

namespace gpio {

// One pin, served to the drivers that bind it.
class GpioDevice : public ddk::GpioProtocol<GpioDevice, ddk::base_protocol> {
 public:
  zx_status_t GpioRead(uint8_t* value);

 private:
  // One binary, two parents: a banjo client or a driver-transport client of the controller.
  ddk::GpioImplProtocolClient banjo_;
  fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> fidl_;
  uint32_t pin_ = 0;
};

}  // namespace gpio
