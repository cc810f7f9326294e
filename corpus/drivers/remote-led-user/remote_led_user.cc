// Uses the parent's banjo protocol through compat::ConnectBanjo, and the DFv1 way through
// device_get_protocol: both work in the parent's host only, and fail at once, saying why,
// anywhere else (this driver is not colocated).
#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/compat/cpp/parent_device.h>
#include <lib/driver/component/cpp/driver_export.h>

#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/common/example_led_banjo.h"

namespace {

class LedUser : public fdf::DriverBase {
 public:
  LedUser(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("remote-led-user", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("remote-led-user", "start");
    compat::ParentDevice parent(incoming());
    example_led_protocol_t proto;
    fdfkit::examples::RecordEvent(
        "remote-led-user",
        std::string("ddk ") +
            zx_status_get_string(device_get_protocol(parent.get(), ZX_PROTOCOL_EXAMPLE_LED, &proto)));
    zx::result led = compat::ConnectBanjo<ddk::ExampleLedProtocolClient>(incoming());
    if (led.is_error()) {
      fdfkit::examples::RecordEvent("remote-led-user", std::string("banjo ") + led.status_string());
      return zx::ok();  // it runs on without the LED
    }
    zx_status_t set = led->SetBrightness(128);
    fdfkit::examples::RecordEvent("remote-led-user", std::string("banjo set=") + zx_status_get_string(set) +
                                               " brightness=" + std::to_string(led->GetBrightness()));
    return zx::ok();
  }
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(LedUser);
