// EXIT: 1
// In --mode=replace the client is not rewritten yet: said so, at the place. The banjo header
// stays while the file uses it (it would not compile without).
#include <lib/driver/compat/cpp/banjo_client.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.gpioimpl stays: this file still uses its declarations
// CHECK-FIXES: #include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

void Start(const std::shared_ptr<fdf::Namespace>& incoming) {
  zx::result gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: [FDFDRV043] compat::ConnectBanjo<ddk::GpioImplProtocolClient>: connecting the driver-transport client (--mode=replace) is not rewritten yet
  (void)gpio;
}

int main() { return 0; }
