// MAPPING: fuchsia.hardware.spiimpl
// EXIT: 1
// SECOND-RUN-EXIT: 0
// --mode=replace: a method that returned a value replies with it; a void method whose clone is
// one-way replies nothing. A method returning through the caller's buffer writes into a buffer
// on the arena, under the parameters' own names, as large as the clone's reply may be (64 KiB
// for an unbounded vector), and replies with what it wrote (never more than the buffer).
#include <fuchsia/hardware/spiimpl/cpp/banjo.h>
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
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Exchanger now serves SpiImpl as an fdf::WireServer: publish it by hand
 public:
  zx_status_t SpiImplExchange(uint32_t chip_select, const uint8_t* txdata_buffer, size_t txdata_size,
                              uint8_t* out_rxdata_buffer, size_t rxdata_size, size_t* out_rxdata_actual) {
    // CHECK-FIXES: void Exchange(ExchangeRequestView request, fdf::Arena& arena, ExchangeCompleter::Sync& completer) override {
    // CHECK-FIXES-NEXT: const size_t rxdata_capacity = 65536 / sizeof(uint8_t);
    // CHECK-FIXES-NEXT: size_t rxdata_size = rxdata_capacity;
    // CHECK-FIXES-NEXT: auto* out_rxdata_buffer = static_cast<uint8_t*>(arena.Allocate(sizeof(uint8_t) * rxdata_capacity));
    // CHECK-FIXES-NEXT: size_t rxdata_actual = 0;
    // CHECK-FIXES-NEXT: size_t* out_rxdata_actual = &rxdata_actual;
    size_t n = txdata_size < rxdata_size ? txdata_size : rxdata_size;
    // CHECK-FIXES-NEXT: size_t n = request->txdata.count() < rxdata_size ? request->txdata.count() : rxdata_size;
    for (size_t i = 0; i < n; ++i) out_rxdata_buffer[i] = txdata_buffer[i] ^ 0xff;
    *out_rxdata_actual = n;
    return ZX_OK;
    // CHECK-FIXES: completer.buffer(arena).ReplySuccess(fidl::VectorView<uint8_t>::FromExternal(const_cast<uint8_t*>(out_rxdata_buffer), rxdata_actual < rxdata_capacity ? rxdata_actual : rxdata_capacity));
  }
};

int main() { return 0; }
