// MAPPING: fuchsia.hardware.spiimpl
// EXIT: 1
// --mode=replace: a method that returned a value replies with it; a void method whose clone is
// one-way replies nothing. A method returning through the caller's buffer is left for a human,
// and with it its class.
#include <fuchsia/hardware/spiimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.spiimpl stays beside the driver-transport one: this file still uses its declarations (one at line 38, column 26)
// CHECK-FIXES: #include <fidl/fuchsia.hardware.spiimpl/cpp/driver/wire.h>

class Spi : public ddk::SpiImplProtocol<Spi> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Spi now serves SpiImpl as an fdf::WireServer: publish it by hand
  // CHECK-FIXES: class Spi : public fdf::WireServer<fuchsia_hardware_spiimpl::SpiImpl> {
 public:
  uint32_t SpiImplGetChipSelectCount() {
    // CHECK-FIXES: void GetChipSelectCount(fdf::Arena& arena, GetChipSelectCountCompleter::Sync& completer) override {
    if (broken_) return 0;
    // CHECK-FIXES-NEXT: if (broken_) {
    // CHECK-FIXES-NEXT: completer.buffer(arena).Reply(0);
    // CHECK-FIXES-NEXT: return;
    // CHECK-FIXES-NEXT: }
    return kChips;
    // CHECK-FIXES-NEXT: completer.buffer(arena).Reply(kChips);
  }
  void SpiImplReleaseRegisteredVmos(uint32_t chip_select) {
    // CHECK-FIXES: void ReleaseRegisteredVmos(ReleaseRegisteredVmosRequestView request, fdf::Arena& arena, ReleaseRegisteredVmosCompleter::Sync& completer) override {
    if (chip_select >= kChips) return;
    // CHECK-FIXES-NEXT: if (request->chip_select >= kChips) return;
    released_ = true;
  }

 private:
  static constexpr uint32_t kChips = 2;
  bool broken_ = false;
  bool released_ = false;
  // CHECK-FIXES: fdf::ServerBindingGroup<fuchsia_hardware_spiimpl::SpiImpl> spi_impl_bindings_;
};

class Exchanger : public ddk::SpiImplProtocol<Exchanger> {
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: [FDFDRV046] Exchanger serves ddk::SpiImplProtocol, and stays so: its method SpiImplExchange is not rewritten
 public:
  zx_status_t SpiImplExchange(uint32_t chip_select, const uint8_t* txdata_buffer, size_t txdata_size,
                              uint8_t* out_rxdata_buffer, size_t rxdata_size, size_t* out_rxdata_actual) {
    // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: [FDFDRV064] Exchanger::SpiImplExchange returns 'rxdata' through a caller's buffer, which the rewrite leaves to a human: not rewritten
    *out_rxdata_actual = 0;
    return ZX_OK;
  }
};

int main() { return 0; }
