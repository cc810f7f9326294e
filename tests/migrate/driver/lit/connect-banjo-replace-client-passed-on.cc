// EXIT: 1
// --mode=replace: a ConnectBanjo result whose client is passed on (not only called through)
// would not compile as an fdf::ClientEnd: the connection and its calls stay banjo, said where.
#include <lib/driver/compat/cpp/banjo_client.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

zx_status_t Use(const ddk::GpioImplProtocolClient& gpio);
// CHECK-MESSAGES: :[[@LINE-1]]:52: warning: [FDFDRV060] the banjo client gpio is a parameter, whose callers pass banjo clients: not rewritten

int Start(const std::shared_ptr<fdf::Namespace>& incoming) {
  zx::result gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: [FDFDRV043] compat::ConnectBanjo<ddk::GpioImplProtocolClient>: the client is used at line 18, column 15 other than to call it, which an fdf::ClientEnd would not compile with: not rewritten (--mode=dual would keep banjo and add the driver transport)
  if (gpio.is_error()) {
    return gpio.take_error();
  }
  gpio->ReleaseInterrupt(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: [FDFDRV061] gpio.ReleaseInterrupt(...): the client comes from compat::ConnectBanjo, which stays: the client is used at line 18, column 15 other than to call it, which an fdf::ClientEnd would not compile with: the call is not rewritten
  return Use(*gpio);
}

zx_status_t Use(const ddk::GpioImplProtocolClient& gpio) { return ZX_OK; }
// CHECK-MESSAGES: :[[@LINE-1]]:52: warning: [FDFDRV060] the banjo client gpio is a parameter, whose callers pass banjo clients: not rewritten

int main() { return Start(std::make_shared<fdf::Namespace>()); }
