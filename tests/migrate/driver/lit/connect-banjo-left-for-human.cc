// ARGS: --mode=dual
// EXIT: 1
// A result whose type is spelled out, or that is not kept in a variable, would not take the dual
// client's type: left alone and reported. So is a call written through a macro.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>

#define CONNECT_GPIO(incoming) compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming)

zx::result<ddk::GpioImplProtocolClient> Connect(const std::shared_ptr<fdf::Namespace>& incoming) {
  zx::result<ddk::GpioImplProtocolClient> spelled =
      compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV044] compat::ConnectBanjo<ddk::GpioImplProtocolClient>: its result is not a variable of deduced type
  // CHECK-FIXES: compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  (void)spelled;
  auto through_macro = CONNECT_GPIO(incoming);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: [FDFDRV042] compat::ConnectBanjo<ddk::GpioImplProtocolClient> is written through a macro
  (void)through_macro;
  return compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: [FDFDRV044]
}

int main() { return 0; }
