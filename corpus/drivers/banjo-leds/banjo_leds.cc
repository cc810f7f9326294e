// An LED controller that still serves banjo: it publishes its ops table through
// compat::BanjoServer to the two nodes it adds, one for a driver in its own host and one for a
// driver that is not colocated.
#include <lib/driver/compat/cpp/banjo_server.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>

#include <vector>

#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/common/example_led_banjo.h"

namespace {

class BanjoLeds : public fdf::DriverBase {
 public:
  BanjoLeds(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("banjo-leds", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("banjo-leds", "start");
    for (const char* name : {"led", "remote-led"}) {
      fidl::Arena arena;
      fuchsia_driver_framework::wire::NodeProperty properties[] = {
          banjo_server_.property(),
          fdf::MakeProperty(arena, "fdfkit.examples.DEVICE", std::string_view(name))};
      auto symbols = std::vector{banjo_server_.symbol(arena)};
      auto args = fuchsia_driver_framework::wire::NodeAddArgs::Builder(arena)
                      .name(arena, name)
                      .properties(arena, properties)
                      .symbols(arena, symbols)
                      .Build();
      zx::result controller = fidl::CreateEndpoints<fuchsia_driver_framework::NodeController>();
      auto result = fidl::WireCall(node())->AddChild(args, std::move(controller->server), {});
      if (!result.ok() || result->is_error()) return zx::error(ZX_ERR_INTERNAL);
      controllers_.push_back(std::move(controller->client));
    }
    return zx::ok();
  }

  zx_status_t SetBrightness(uint32_t level) {
    if (level > 255) return ZX_ERR_OUT_OF_RANGE;
    brightness_ = level;
    return ZX_OK;
  }
  uint32_t GetBrightness() { return brightness_; }

  void Stop() override { fdfkit::examples::RecordEvent("banjo-leds", "stop"); }

 private:
  static const example_led_protocol_ops_t kOps;
  uint32_t brightness_ = 0;
  compat::BanjoServer banjo_server_{ZX_PROTOCOL_EXAMPLE_LED, this, &kOps};
  std::vector<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> controllers_;
};

// The ops table a banjo mixin would generate: C entry points forwarding to the driver object.
const example_led_protocol_ops_t BanjoLeds::kOps = {
    .set_brightness = [](void* ctx, uint32_t level) {
      return static_cast<BanjoLeds*>(ctx)->SetBrightness(level);
    },
    .get_brightness = [](void* ctx) { return static_cast<BanjoLeds*>(ctx)->GetBrightness(); },
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(BanjoLeds);
