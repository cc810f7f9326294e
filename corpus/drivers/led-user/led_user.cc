// Uses the parent's banjo protocol through compat::ConnectBanjo: works in the parent's host, and
// fails at once, saying why, anywhere else. Then the DFv1 way, through a zx_device_t* for the
// parent (compat::ParentDevice) and device_get_protocol.
#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/compat/cpp/parent_device.h>
#include <lib/driver/component/cpp/driver_export.h>

#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/common/example_led_banjo.h"

namespace {

class LedUser : public fdf::DriverBase {
 public:
  LedUser(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("led-user", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("led-user", "start");
    zx::result led = compat::ConnectBanjo<ddk::ExampleLedProtocolClient>(incoming());
    if (led.is_error()) {
      fdfkit::examples::RecordEvent("led-user", std::string("banjo ") + led.status_string());
      return zx::ok();  // it runs on without the LED
    }
    zx_status_t set = led->SetBrightness(128);
    fdfkit::examples::RecordEvent("led-user", std::string("banjo set=") + zx_status_get_string(set) +
                                               " brightness=" + std::to_string(led->GetBrightness()));
    UseParentDevice(*led);
    return zx::ok();
  }

 private:
  // DFv1-shaped code: a client built from the parent device reaches the same LED as `led`, and a
  // protocol the parent does not publish is not supported.
  void UseParentDevice(const ddk::ExampleLedProtocolClient& led) {
    compat::ParentDevice parent(incoming());
    ddk::ExampleLedProtocolClient ddk_led(parent.get());
    if (!ddk_led.is_valid()) {
      fdfkit::examples::RecordEvent("led-user", "ddk no protocol");
      return;
    }
    zx_status_t set = ddk_led.SetBrightness(64);
    example_led_protocol_t other;
    zx_status_t gpio = device_get_protocol(parent.get(), ZX_PROTOCOL_GPIO, &other);
    fdfkit::examples::RecordEvent(
        "led-user", std::string("ddk set=") + zx_status_get_string(set) +
                        " brightness=" + std::to_string(led.GetBrightness()) +
                        " gpio=" + zx_status_get_string(gpio));
  }
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(LedUser);
