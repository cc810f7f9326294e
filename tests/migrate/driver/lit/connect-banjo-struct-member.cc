// ARGS: --mode=replace
// EXIT: 1
// A ConnectBanjo result kept in a client that is a member of a struct the driver holds by value
// (the gpio core's controller, which its pins call through) lives as long as the driver, as a
// member of its own would: the client becomes the driver-transport one, bound to the end. Through
// a pointer, the struct may be anyone's: left.
// MAPPING: fuchsia.hardware.gpioimpl
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.gpioimpl stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column 3)
#include <lib/driver/compat/cpp/banjo_client.h>

#include <utility>

struct Controller {
  ddk::GpioImplProtocolClient client;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> client;
};

struct Shared {
  ddk::GpioImplProtocolClient client;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: [FDFDRV060] the banjo client client stays banjo with its calls, because the compat::ConnectBanjo result assigned to it stays banjo: not rewritten
  // CHECK-FIXES: ddk::GpioImplProtocolClient client;
};

class Driver {
 public:
  int Start(const std::shared_ptr<fdf::Namespace>& incoming) {
    zx::result impl = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
    if (impl.is_error()) return impl.status_value();
    controller_.client = *impl;
    // CHECK-FIXES: controller_.client.Bind(std::move(*impl));
    return controller_.client.Write(3, 1) == ZX_OK ? 0 : 1;
    // CHECK-FIXES: auto result = controller_.client.buffer(arena)->Write(3, 1);
  }
  int StartShared(const std::shared_ptr<fdf::Namespace>& incoming) {
    zx::result impl = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: [FDFDRV043] compat::ConnectBanjo<ddk::GpioImplProtocolClient>: the client is used at line {{[0-9]+}}, column {{[0-9]+}} other than to call it, which an fdf::ClientEnd would not compile with: not rewritten (--mode=dual would keep banjo and add the driver transport)
    if (impl.is_error()) return impl.status_value();
    shared_->client = *impl;
    // CHECK-FIXES: shared_->client = *impl;
    return shared_->client.Write(3, 1) == ZX_OK ? 0 : 1;
  }

 private:
  Controller controller_;
  Shared* shared_ = nullptr;
};

int main() { return Driver().Start(std::make_shared<fdf::Namespace>()); }
