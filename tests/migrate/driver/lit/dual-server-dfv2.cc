// ARGS: --mode=dual
// MAPPING: fuchsia.hardware.gpioimpl
// MAPPING: fuchsia.hardware.spiimpl
// --mode=dual, DFv2: the dual server publishes its driver-transport side first thing in Start and
// fails to start if that fails; its banjo side (the compat::BanjoServer built from the mixin's ops
// table) is untouched, so banjo children keep binding as before. Nothing is left.
#include <lib/driver/component/cpp/driver_base.h>
#include <lib/driver/compat/cpp/banjo_server.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include <fuchsia/hardware/spiimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.spiimpl/cpp/banjo_shims.h>

class GpioDriver : public fdf::DriverBase, public ddk::GpioImplProtocol<GpioDriver> {
  // CHECK-FIXES: class GpioDriver : public fdf::DriverBase, public fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<GpioDriver> {
 public:
  zx::result<> Start() override {
    // CHECK-FIXES: zx::result<> Start() override {
    // CHECK-FIXES-NEXT: if (zx::result<> added = AddDriverTransportService(*outgoing(), driver_dispatcher()->get());
    // CHECK-FIXES-NEXT: added.is_error()) {
    // CHECK-FIXES-NEXT: return added.take_error();
    // CHECK-FIXES-NEXT: }
    // CHECK-FIXES-NEXT: started_ = banjo_server_.proto_id() != 0;
    started_ = banjo_server_.proto_id() != 0;
    return zx::result<>(0);
  }
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) {
    // CHECK-FIXES: zx_status_t GpioImplWrite(uint32_t index, uint8_t value) {
    last_ = value;
    return ZX_OK;
  }

 private:
  bool started_ = false;
  uint8_t last_ = 0;
  compat::BanjoServer banjo_server_{ZX_PROTOCOL_GPIO_IMPL, this, &gpio_impl_protocol_ops_};
  // CHECK-FIXES: compat::BanjoServer banjo_server_{ZX_PROTOCOL_GPIO_IMPL, this, &gpio_impl_protocol_ops_};
};

// Two protocols: each publication names its base.
class TwoProtocols : public fdf::DriverBase, public ddk::GpioImplProtocol<TwoProtocols>,
                     public ddk::SpiImplProtocol<TwoProtocols> {
  // CHECK-FIXES: class TwoProtocols : public fdf::DriverBase, public fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<TwoProtocols>,
  // CHECK-FIXES-NEXT: public fdfkit::shims::fuchsia_hardware_spiimpl::SpiImplDualServer<TwoProtocols> {
 public:
  zx::result<> Start() override {
    // CHECK-FIXES: zx::result<> Start() override {
    // CHECK-FIXES-DAG: if (zx::result<> added = fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<TwoProtocols>::AddDriverTransportService(*outgoing(), driver_dispatcher()->get());
    // CHECK-FIXES-DAG: if (zx::result<> added = fdfkit::shims::fuchsia_hardware_spiimpl::SpiImplDualServer<TwoProtocols>::AddDriverTransportService(*outgoing(), driver_dispatcher()->get());
    return zx::result<>(0);
  }
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) { return ZX_OK; }
  uint32_t SpiImplGetChipSelectCount() { return 1; }
};

int main() { return 0; }
