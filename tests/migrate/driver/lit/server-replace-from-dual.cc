// --mode=replace on a dual server (RFC-0126 step 3: its banjo children are gone): the generated
// dual server becomes an fdf::WireServer the same way the banjo mixin does, and its publication
// of the service on itself becomes the binding group's, with the same outgoing directory,
// dispatcher and instance. The shims include goes for the driver-transport bindings.
#include <lib/driver/component/cpp/driver_base.h>
#include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
// CHECK-FIXES-NOT: banjo_shims.h

class GpioDriver : public fdf::DriverBase,
                   public fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<GpioDriver> {
  // CHECK-FIXES: public fdf::WireServer<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
  zx::result<> Start() override {
    // CHECK-FIXES: zx::result<> Start() override {
    // CHECK-FIXES-NEXT: zx::result<> added = outgoing()->AddService<fuchsia_hardware_gpioimpl::Service>(fuchsia_hardware_gpioimpl::Service::InstanceHandler({.device = gpio_impl_bindings_.CreateHandler(this, driver_dispatcher()->get(), fidl::kIgnoreBindingClosure)}), "pins");
    zx::result<> added = AddDriverTransportService(*outgoing(), driver_dispatcher()->get(), "pins");
    if (added.is_error()) return added;
    return zx::result<>(0);
  }
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) {
    // CHECK-FIXES: void Write(WriteRequestView request, fdf::Arena& arena, WriteCompleter::Sync& completer) override {
    last_ = value;
    // CHECK-FIXES-NEXT: last_ = request->value;
    return ZX_OK;
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess();
  }

 private:
  uint8_t last_ = 0;
  // CHECK-FIXES: fdf::ServerBindingGroup<fuchsia_hardware_gpioimpl::GpioImpl> gpio_impl_bindings_;
};

int main() { return 0; }
