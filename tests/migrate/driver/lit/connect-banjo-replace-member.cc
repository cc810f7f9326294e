// ARGS: --mode=replace
// EXIT: 1
// DFv2: a client member assigned from a ConnectBanjo result. The result becomes the service's
// fdf::ClientEnd, the member an fdf::WireSyncClient bound to it, and calls through the member go
// over the driver transport. A result also used another way stays banjo, and so does the member
// it is assigned to (the two stand or fall together: neither would compile alone).
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.gpioimpl stays beside the driver-transport one
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>
#include <lib/driver/compat/cpp/banjo_client.h>

#include <utility>

int Use(const ddk::GpioImplProtocolClient& banjo) { return banjo.is_valid() ? 1 : 0; }
// CHECK-MESSAGES: :[[@LINE-1]]:44: warning: [FDFDRV060] the banjo client banjo is a parameter

class Driver {
 public:
  int Start(const std::shared_ptr<fdf::Namespace>& incoming) {
    zx::result gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
    // CHECK-FIXES: zx::result gpio = incoming->Connect<fuchsia_hardware_gpioimpl::Service::Device>();
    if (gpio.is_error()) return gpio.status_value();
    gpio_ = *gpio;
    // CHECK-FIXES: gpio_.Bind(std::move(*gpio));
    uint8_t value = 0;
    return gpio_.Read(3, &value);
    // CHECK-FIXES: auto result = gpio_.buffer(arena)->Read(3);
  }
  // Read again after the member took it: the end would be moved-from, so the result stays banjo,
  // and so does the member (which is given other clients too).
  int StartSpare(const std::shared_ptr<fdf::Namespace>& incoming) {
    zx::result spare = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming, "spare");
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: [FDFDRV043] compat::ConnectBanjo<ddk::GpioImplProtocolClient>: the client is used at line [[@LINE+3]], column 12 other than to call it
    if (spare.is_error()) return spare.status_value();
    spare_ = *spare;
    return spare->Write(1, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: [FDFDRV061] spare.Write(...): the client comes from compat::ConnectBanjo, which stays
  }
  void SetSpare(const ddk::GpioImplProtocolClient& other) { spare_ = other; }
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: [FDFDRV060] the banjo client other is a parameter
  int StartReset(const std::shared_ptr<fdf::Namespace>& incoming) {
    zx::result reset = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming, "reset");
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: [FDFDRV043] compat::ConnectBanjo<ddk::GpioImplProtocolClient>: the client is used at line [[@LINE+4]], column 17 other than to call it
    // CHECK-FIXES: zx::result reset = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming, "reset");
    if (reset.is_error()) return reset.status_value();
    reset_ = *reset;
    return Use(*reset) + reset_.Write(0, 1);
  }

 private:
  ddk::GpioImplProtocolClient gpio_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> gpio_;
  ddk::GpioImplProtocolClient spare_;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: [FDFDRV060] the banjo client spare_ is assigned from something other than its parent device
  ddk::GpioImplProtocolClient reset_;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: [FDFDRV060] the banjo client reset_ stays banjo with its calls, because the compat::ConnectBanjo result assigned to it stays banjo
  // CHECK-FIXES: ddk::GpioImplProtocolClient reset_;
};

int main() { return Driver().Start(std::make_shared<fdf::Namespace>()); }
