// --mode=replace, DFv2: the server publishes its service first thing in Start, through the
// binding group the rewrite gives it, and fails to start if that fails.
#include <lib/driver/component/cpp/driver_base.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class GpioDriver : public fdf::DriverBase, public ddk::GpioImplProtocol<GpioDriver> {
  // CHECK-FIXES: class GpioDriver : public fdf::DriverBase, public fdf::WireServer<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
  zx::result<> Start() override {
    // CHECK-FIXES: zx::result<> Start() override {
    // CHECK-FIXES-NEXT: if (zx::result<> added = outgoing()->AddService<fuchsia_hardware_gpioimpl::Service>(fuchsia_hardware_gpioimpl::Service::InstanceHandler({.device = gpio_impl_bindings_.CreateHandler(this, driver_dispatcher()->get(), fidl::kIgnoreBindingClosure)}));
    // CHECK-FIXES-NEXT: added.is_error()) {
    // CHECK-FIXES-NEXT: return added.take_error();
    // CHECK-FIXES-NEXT: }
    started_ = true;
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
  bool started_ = false;
  uint8_t last_ = 0;
};

int main() { return 0; }
