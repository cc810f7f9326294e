// The gpio core, written the way unmigrated DFv2 drivers are: it binds the GPIO controller's
// child in the controller's host, reaches fuchsia.hardware.gpioimpl through
// compat::ConnectBanjo, and adds one child node per pin the board gives it, each serving
// fuchsia.hardware.gpio (banjo, through compat::BanjoServer) for that pin alone: a pin's calls are
// the controller's with the pin's index. A pin the controller does not have is left out.
//
// The pins come from the manifest's `pins` (standing in for the board's GPIO metadata). Each pin
// is parked first (an input, no pull), the state its consumer starts from; that call is also what
// finds a pin the controller lacks.
#include <fuchsia/hardware/gpio/cpp/banjo.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/compat/cpp/banjo_server.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>
#include <zircon/status.h>

#include <memory>
#include <string>
#include <vector>

#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/gpio-i2c/common/call_log.h"

namespace {

namespace fdfw = fuchsia_driver_framework;

// One pin, as its consumer sees it: the D of ddk::GpioProtocol, whose context is this object (a
// banjo Gpio names no pin, so each pin is its own server). It calls through the gpio core's
// client, which outlives every pin. Each call it serves is written down with the dispatcher it ran
// on, like the controller's.
class GpioPin : public ddk::GpioProtocol<GpioPin> {
 public:
  GpioPin(uint32_t pin, const ddk::GpioImplProtocolClient& gpio_impl,
          fdf_dispatcher_t* own_dispatcher)
      : pin_(pin), gpio_impl_(gpio_impl), own_dispatcher_(own_dispatcher) {}

  uint32_t pin() const { return pin_; }
  const compat::BanjoServer& banjo_server() const { return banjo_server_; }

  zx_status_t GpioConfigIn(uint32_t flags) {
    return Record("config_in", gpio_impl_.ConfigIn(pin_, flags));
  }
  zx_status_t GpioConfigOut(uint8_t initial_value) {
    return Record("config_out", gpio_impl_.ConfigOut(pin_, initial_value));
  }
  zx_status_t GpioSetAltFunction(uint64_t function) {
    return Record("set_alt_function", gpio_impl_.SetAltFunction(pin_, function));
  }
  zx_status_t GpioRead(uint8_t* out_value) {
    return Record("read", gpio_impl_.Read(pin_, out_value));
  }
  zx_status_t GpioWrite(uint8_t value) { return Record("write", gpio_impl_.Write(pin_, value)); }
  zx_status_t GpioGetInterrupt(uint32_t flags, zx::interrupt* out_irq) {
    return Record("get_interrupt", gpio_impl_.GetInterrupt(pin_, flags, out_irq));
  }
  zx_status_t GpioReleaseInterrupt() {
    return Record("release_interrupt", gpio_impl_.ReleaseInterrupt(pin_));
  }
  zx_status_t GpioSetPolarity(gpio_polarity_t polarity) {
    return Record("set_polarity", gpio_impl_.SetPolarity(pin_, polarity));
  }
  zx_status_t GpioSetDriveStrength(uint64_t ds_ua, uint64_t* out_actual_ds_ua) {
    return Record("set_drive_strength", gpio_impl_.SetDriveStrength(pin_, ds_ua, out_actual_ds_ua));
  }

 private:
  zx_status_t Record(const char* method, zx_status_t status) const {
    return fdfkit::examples::gpio_i2c::RecordCall("gpio", own_dispatcher_, method,
                                                  "pin=" + std::to_string(pin_), status);
  }

  const uint32_t pin_;
  const ddk::GpioImplProtocolClient& gpio_impl_;
  fdf_dispatcher_t* const own_dispatcher_;
  compat::BanjoServer banjo_server_{ZX_PROTOCOL_GPIO, this, &gpio_protocol_ops_};
};

class GpioCore : public fdf::DriverBase {
 public:
  GpioCore(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("gpio", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("gpio", "start");
    zx::result gpio_impl = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming());
    if (gpio_impl.is_error()) {
      fdfkit::examples::RecordEvent("gpio", std::string("connect ") + gpio_impl.status_string());
      return gpio_impl.take_error();
    }
    gpio_impl_ = *gpio_impl;
    zx::result pins = fdf::ProgramValueAsVector(program(), "pins");
    if (pins.is_error()) return pins.take_error();
    for (const std::string& name : *pins) {
      uint32_t pin = static_cast<uint32_t>(std::stoul(name));
      zx_status_t parked = gpio_impl_.ConfigIn(pin, GPIO_IMPL_FLAGS_NO_PULL);
      if (parked != ZX_OK) {
        fdfkit::examples::RecordEvent(
            "gpio", "skip pin=" + name + " " + zx_status_get_string(parked));
        continue;
      }
      auto server = std::make_unique<GpioPin>(pin, gpio_impl_, driver_dispatcher()->get());
      if (zx::result<> added = AddPinNode(*server); added.is_error()) return added.take_error();
      fdfkit::examples::RecordEvent("gpio", "pin=" + name + " added");
      pins_.push_back(std::move(server));
    }
    return zx::ok();
  }
  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("gpio", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { fdfkit::examples::RecordEvent("gpio", "stop"); }

 private:
  // "gpio-<pin>": the banjo protocol id and the pin's number to bind on, the {ops, ctx} to call.
  zx::result<> AddPinNode(const GpioPin& pin) {
    fidl::Arena arena;
    fdfw::wire::NodeProperty properties[] = {
        pin.banjo_server().property(),
        fdf::MakeProperty(arena, "fuchsia.BIND_GPIO_PIN", pin.pin())};
    fdfw::wire::NodeSymbol symbols[] = {pin.banjo_server().symbol(arena)};
    std::string name = "gpio-" + std::to_string(pin.pin());
    auto args = fdfw::wire::NodeAddArgs::Builder(arena)
                    .name(arena, name)
                    .properties(arena, std::begin(properties), std::end(properties))
                    .symbols(arena, std::begin(symbols), std::end(symbols))
                    .Build();
    zx::result controller = fidl::CreateEndpoints<fdfw::NodeController>();
    if (controller.is_error()) return controller.take_error();
    auto added = fidl::WireCall(node())->AddChild(args, std::move(controller->server), {});
    if (!added.ok()) return zx::error(added.status());
    if (added->is_error()) return zx::error(ZX_ERR_INTERNAL);
    controllers_.push_back(std::move(controller->client));
    return zx::ok();
  }

  // The controller, for as long as the pins call it (declared first: destroyed after them).
  ddk::GpioImplProtocolClient gpio_impl_;
  // Outlive the pins' children: the host stops them before it destroys this driver.
  std::vector<std::unique_ptr<GpioPin>> pins_;
  std::vector<fidl::ClientEnd<fdfw::NodeController>> controllers_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(GpioCore);
