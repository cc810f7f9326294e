// --mode=replace: out-parameters of every kind the clone's response carries — a number through
// `&x`, through a pointer the function was handed, a handle (moved out), one the caller did not
// want (nullptr) — are written from the response only once the call succeeded, as banjo did.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class Gpio {
 public:
  zx_status_t Sample(uint8_t* level, uint64_t* strength, zx::interrupt* irq) {
    uint8_t value = 0;
    zx_status_t status = gpio_.Read(2, &value);
    // CHECK-FIXES: zx_status_t status = [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result = gpio_.buffer(arena)->Read(2);
    // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
    // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
    // CHECK-FIXES-NEXT: value = result->value()->value;
    // CHECK-FIXES-NEXT: return ZX_OK;
    // CHECK-FIXES-NEXT: }();
    if (status != ZX_OK) return status;
    *level = value;
    if ((status = gpio_.SetDriveStrength(2, 4000, strength)) != ZX_OK) return status;
    // CHECK-FIXES: auto result = gpio_.buffer(arena)->SetDriveStrength(2, 4000);
    // CHECK-FIXES: *strength = result->value()->actual_ds_ua;
    gpio_.SetDriveStrength(3, 2000, nullptr);
    // CHECK-FIXES: gpio_.buffer(arena)->SetDriveStrength(3, 2000);
    return gpio_.GetInterrupt(2, 0, irq);
    // CHECK-FIXES: auto result = gpio_.buffer(arena)->GetInterrupt(2, 0);
    // CHECK-FIXES: *irq = std::move(result->value()->irq);
  }

 private:
  ddk::GpioImplProtocolClient gpio_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> gpio_;
};

int main() {
  uint8_t level = 0;
  uint64_t strength = 0;
  zx::interrupt irq;
  return Gpio().Sample(&level, &strength, &irq);
}
