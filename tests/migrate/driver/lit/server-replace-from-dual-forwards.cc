// --mode=replace on a dual server (RFC-0126 step 3) that forwards to its parent through a member
// client: the call is written with the method, as for a banjo mixin (the dual server is built on
// it), not a second time by the call-site rewrite.
#include <lib/driver/component/cpp/driver_base.h>
#include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
// CHECK-FIXES-NOT: banjo_shims.h

class GpioFilter : public fdf::DriverBase,
                   public fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<GpioFilter> {
  // CHECK-FIXES: public fdf::WireServer<fuchsia_hardware_gpioimpl::GpioImpl> {
 public:
  zx::result<> Start() override {
    zx::result<> added = AddDriverTransportService(*outgoing(), driver_dispatcher()->get(), "pins");
    if (added.is_error()) return added;
    return zx::result<>(0);
  }
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) {
    return parent_.Write(index + 1, value);
  }
  // CHECK-FIXES: void Write(WriteRequestView request, fdf::Arena& arena, WriteCompleter::Sync& completer) override {
  // CHECK-FIXES-NEXT: zx_status_t reply_status = [&]() -> zx_status_t {
  // CHECK-FIXES-NEXT: auto result = parent_.buffer(arena)->Write(request->index + 1, request->value);
  // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
  // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
  // CHECK-FIXES-NEXT: return ZX_OK;
  // CHECK-FIXES-NEXT: }();

 private:
  ddk::GpioImplProtocolClient parent_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> parent_;
};

int main() { return 0; }
