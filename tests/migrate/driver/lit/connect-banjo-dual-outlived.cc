// ARGS: --mode=dual
// EXIT: 1
// A copy of the client that would outlive the dual client owning its transport (a global, another
// object's member) is left, with the place it goes: the copy would call through freed memory once
// the result is gone. Copies into locals are fine: the result outlives them.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>

ddk::GpioImplProtocolClient g_gpio;

struct Holder {
  ddk::GpioImplProtocolClient gpio;
};

int Keep(ddk::GpioImplProtocolClient copy) { return copy.is_valid() ? 0 : 1; }

// A member also given another banjo client cannot become a dual client.
class Driver {
 public:
  int Start(const std::shared_ptr<fdf::Namespace>& incoming, const ddk::GpioImplProtocolClient& spare) {
    auto gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: [FDFDRV069] {{.*}} into member 'gpio_', which is assigned from something other than its parent device
    if (gpio.is_error()) return gpio.status_value();
    gpio_ = *gpio;
    gpio_ = spare;
    return 0;
  }

 private:
  ddk::GpioImplProtocolClient gpio_;
};

int Start(const std::shared_ptr<fdf::Namespace>& incoming, Holder* holder) {
  zx::result gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: [FDFDRV069] compat::ConnectBanjo<ddk::GpioImplProtocolClient>: the client is copied at line [[@LINE+3]], column 12 into 'g_gpio', which would outlive the dual client that owns its transport
  // CHECK-FIXES: zx::result gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  if (gpio.is_error()) return gpio.status_value();
  g_gpio = *gpio;
  auto other = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: [FDFDRV069] {{.*}} into member 'gpio', which would outlive
  if (other.is_error()) return other.status_value();
  holder->gpio = *other;
  auto by_value = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: [FDFDRV069] {{.*}} into what it is handed to, which would outlive
  if (by_value.is_error()) return by_value.status_value();
  Keep(*by_value);
  auto local = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming);
  // CHECK-FIXES: auto local = fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualClient::Connect(incoming);
  ddk::GpioImplProtocolClient copy = *local;
  return copy.is_valid() ? 0 : 1;
}

int main() {
  Holder holder;
  return Start(std::make_shared<fdf::Namespace>(), &holder);
}
