// MAPPING: fuchsia.hardware.spiimpl
// --mode=replace: a value returned without a status reads the response field; a buffer passed in
// is a vector view of it; a buffer filled by the callee is copied out of the response — a
// response larger than the caller's buffer is ZX_ERR_BUFFER_TOO_SMALL — with the actual size; a
// one-way call is just made (cast to void where its value was returned).
#include <fuchsia/hardware/spiimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.spiimpl/cpp/driver/wire.h>

class Spi {
 public:
  zx_status_t Transfer(const uint8_t* tx, size_t length, uint8_t* rx, size_t* received) {
    uint32_t chips = spi_.GetChipSelectCount();
    // CHECK-FIXES: uint32_t chips = spi_.buffer(arena)->GetChipSelectCount()->count;
    if (chips == 0) return ZX_ERR_INTERNAL;
    zx_status_t status = spi_.Exchange(0, tx, length, rx, length, received);
    // CHECK-FIXES: zx_status_t status = [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result = spi_.buffer(arena)->Exchange(0, fidl::VectorView<uint8_t>::FromExternal(const_cast<uint8_t*>(tx), length));
    // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
    // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
    // CHECK-FIXES-NEXT: if (result->value()->rxdata.count() > length) return ZX_ERR_BUFFER_TOO_SMALL;
    // CHECK-FIXES-NEXT: std::copy(result->value()->rxdata.begin(), result->value()->rxdata.end(), rx);
    // CHECK-FIXES-NEXT: *received = result->value()->rxdata.count();
    // CHECK-FIXES-NEXT: return ZX_OK;
    // CHECK-FIXES-NEXT: }();
    spi_.ReleaseRegisteredVmos(0);
    // CHECK-FIXES: spi_.buffer(arena)->ReleaseRegisteredVmos(0);
    return status;
  }
  void Release() { return spi_.ReleaseRegisteredVmos(1); }
  // CHECK-FIXES: return (void)spi_.buffer(arena)->ReleaseRegisteredVmos(1);

 private:
  ddk::SpiImplProtocolClient spi_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_spiimpl::SpiImpl> spi_;
};

int main() {
  uint8_t tx[4] = {}, rx[4] = {};
  size_t received = 0;
  return Spi().Transfer(tx, 4, rx, &received);
}
