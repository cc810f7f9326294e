// A driver that keeps its banjo client as a member, declared in its header.
#pragma once
#include <ddktl/device.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class Blinker {
 public:
  explicit Blinker(zx_device_t* parent);
  zx_status_t Blink(uint32_t pin);

 private:
  ddk::GpioImplProtocolClient gpio_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> gpio_;
};
