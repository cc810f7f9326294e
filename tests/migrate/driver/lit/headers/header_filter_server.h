// The server's class, declared in its header as most drivers do; its methods are defined in
// header-filter-server.cc, which --header-filter gives this header to.
#pragma once
#include <lib/driver/component/cpp/driver_base.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class GpioDriver : public fdf::DriverBase, public ddk::GpioImplProtocol<GpioDriver> {
  // CHECK-FIXES: class GpioDriver : public fdf::DriverBase, public fdf::WireServer<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
  zx::result<> Start() override;
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value);
  // CHECK-FIXES: void Write(WriteRequestView request, fdf::Arena& arena, WriteCompleter::Sync& completer) override;
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) {
    // CHECK-FIXES: void Read(ReadRequestView request, fdf::Arena& arena, ReadCompleter::Sync& completer) override {
    // CHECK-FIXES-NEXT: uint8_t value{};
    *out_value = last_;
    // CHECK-FIXES-NEXT: value = last_;
    return ZX_OK;
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess(value);
  }

 private:
  uint8_t last_ = 0;
  // CHECK-FIXES: fdf::ServerBindingGroup<fuchsia_hardware_gpioimpl::GpioImpl> gpio_impl_bindings_;
};
