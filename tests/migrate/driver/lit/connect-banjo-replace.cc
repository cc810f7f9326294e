// EXIT: 1
// In --mode=replace the client is not rewritten yet: said so, at the place.
#include <lib/driver/compat/cpp/banjo_client.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

void Start(const std::shared_ptr<fdf::Namespace>& incoming) {
  zx::result gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: [FDFDRV043] compat::ConnectBanjo<ddk::GpioImplProtocolClient>: connecting the driver-transport client (--mode=replace) is not rewritten yet
  (void)gpio;
}

int main() { return 0; }
