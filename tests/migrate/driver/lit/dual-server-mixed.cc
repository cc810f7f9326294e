// ARGS: --mode=dual
// MAPPING: fuchsia.hardware.gpioimpl
// MAPPING: fuchsia.hardware.spiimpl
// --mode=dual, DFv2: a driver dual for one protocol already (it publishes that one) and banjo for
// another: the new publication names its base, and so does the one it had, as two
// AddDriverTransportService are in scope.
#include <lib/driver/component/cpp/driver_base.h>
#include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>
#include <fuchsia/hardware/spiimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.spiimpl/cpp/banjo_shims.h>

class Mixed : public fdf::DriverBase,
              public fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<Mixed>,
              public ddk::SpiImplProtocol<Mixed> {
  // CHECK-FIXES: public fdfkit::shims::fuchsia_hardware_spiimpl::SpiImplDualServer<Mixed> {
 public:
  zx::result<> Start() override;
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) { return ZX_OK; }
  uint32_t SpiImplGetChipSelectCount() { return 1; }
};

zx::result<> Mixed::Start() {
  // CHECK-FIXES: zx::result<> Mixed::Start() {
  // CHECK-FIXES-NEXT: if (zx::result<> added = fdfkit::shims::fuchsia_hardware_spiimpl::SpiImplDualServer<Mixed>::AddDriverTransportService(*outgoing(), driver_dispatcher()->get());
  // CHECK-FIXES: return fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<Mixed>::AddDriverTransportService(*outgoing(), driver_dispatcher()->get());
  return AddDriverTransportService(*outgoing(), driver_dispatcher()->get());
}

int main() { return 0; }
