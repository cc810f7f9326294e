// ARGS: --mode=replace
// --mode=replace onto a clone on Zircon channels (fuchsia.hardware.gpio's), client side: the
// ConnectBanjo result becomes the channel's fidl::ClientEnd, called through fidl::WireCall; a
// member becomes a fidl::WireSyncClient. Their calls build their requests in buffers of their
// own: no arena is declared.
// MAPPING: fuchsia.hardware.gpio
#include <fuchsia/hardware/gpio/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpio/cpp/wire.h>
#include <lib/driver/compat/cpp/banjo_client.h>

#include <utility>

class Driver {
 public:
  int Start(const std::shared_ptr<fdf::Namespace>& incoming) {
    // CHECK-FIXES: int Start(const std::shared_ptr<fdf::Namespace>& incoming) {
    // CHECK-FIXES-NOT: Arena
    zx::result enable = compat::ConnectBanjo<ddk::GpioProtocolClient>(incoming);
    // CHECK-FIXES: zx::result enable = incoming->Connect<fuchsia_hardware_gpio::Service::Device>();
    if (enable.is_error()) return enable.status_value();
    zx_status_t written = enable->Write(1);
    // CHECK-FIXES: zx_status_t written = [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: auto result = fidl::WireCall(*enable)->Write(1);
    uint8_t level = 0;
    zx_status_t read = enable->Read(&level);
    // CHECK-FIXES: auto result = fidl::WireCall(*enable)->Read();
    // CHECK-FIXES: level = result->value()->value;
    zx::result pin = compat::ConnectBanjo<ddk::GpioProtocolClient>(incoming);
    if (pin.is_error()) return pin.status_value();
    pin_ = std::move(*pin);
    // CHECK-FIXES: pin_.Bind(std::move(*pin));
    uint64_t actual = 0;
    zx_status_t strength = pin_.SetDriveStrength(4000, &actual);
    // CHECK-FIXES: auto result = pin_->SetDriveStrength(4000);
    // CHECK-FIXES: actual = result->value()->actual_ds_ua;
    return written == ZX_OK && read == ZX_OK && strength == ZX_OK && level == 0 ? 0 : 1;
  }

 private:
  ddk::GpioProtocolClient pin_;
  // CHECK-FIXES: fidl::WireSyncClient<fuchsia_hardware_gpio::Gpio> pin_;
};

int main() { return Driver().Start(std::make_shared<fdf::Namespace>()); }
