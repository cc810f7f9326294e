// An SoC GPIO controller written the way unmigrated DFv2 drivers serve banjo (like aml-gpio): the
// driver class is ddk::GpioImplProtocol's D, over one bank of pins (common/gpio_bank.h), and
// compat::BanjoServer hands its ops table to the one child it adds, which the gpio core binds in
// this host. Every call it serves is written down with the dispatcher it ran on
// (common/call_log.h): the caller's, while the stack is banjo.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_server.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>

#include <string>

#include "corpus/drivers/common/banjo_child.h"
#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/gpio-i2c/common/call_log.h"
#include "corpus/drivers/gpio-i2c/common/gpio_bank.h"

namespace {

namespace fdfw = fuchsia_driver_framework;
using fdfkit::examples::gpio_i2c::GpioBank;

class GpioImpl : public fdf::DriverBase, public ddk::GpioImplProtocol<GpioImpl> {
 public:
  GpioImpl(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("gpio-impl", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("gpio-impl", "start pins=" + std::to_string(GpioBank::kPins));
    zx::result controller = fdfkit::examples::AddBanjoChild(node(), banjo_server_, "gpio-impl");
    if (controller.is_error()) return controller.take_error();
    controller_ = std::move(*controller);
    return zx::ok();
  }
  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("gpio-impl", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { fdfkit::examples::RecordEvent("gpio-impl", "stop"); }

  // ZX_ERR_OUT_OF_RANGE: no such pin (every method); the rest as common/gpio_bank.h says.
  zx_status_t GpioImplConfigIn(uint32_t index, uint32_t flags) {
    return Record("config_in", index, "flags=" + std::to_string(flags),
                  bank_.ConfigIn(index, flags));
  }
  zx_status_t GpioImplConfigOut(uint32_t index, uint8_t initial_value) {
    return Record("config_out", index, "value=" + std::to_string(initial_value),
                  bank_.ConfigOut(index, initial_value));
  }
  zx_status_t GpioImplSetAltFunction(uint32_t index, uint64_t function) {
    return Record("set_alt_function", index, "function=" + std::to_string(function),
                  bank_.SetAltFunction(index, function));
  }
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) {
    uint8_t value = 0;
    zx_status_t status = bank_.Read(index, &value);
    if (status == ZX_OK) *out_value = value;
    return Record("read", index, status == ZX_OK ? "value=" + std::to_string(value) : "", status);
  }
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) {
    return Record("write", index, "value=" + std::to_string(value), bank_.Write(index, value));
  }
  // The bank has no interrupt controller.
  zx_status_t GpioImplGetInterrupt(uint32_t index, uint32_t flags, zx::interrupt* out_irq) {
    zx_status_t status = GpioBank::HasPin(index) ? ZX_ERR_NOT_SUPPORTED : ZX_ERR_OUT_OF_RANGE;
    return Record("get_interrupt", index, "flags=" + std::to_string(flags), status);
  }
  zx_status_t GpioImplReleaseInterrupt(uint32_t index) {
    zx_status_t status = GpioBank::HasPin(index) ? ZX_ERR_NOT_SUPPORTED : ZX_ERR_OUT_OF_RANGE;
    return Record("release_interrupt", index, "", status);
  }
  zx_status_t GpioImplSetPolarity(uint32_t index, gpio_polarity_t polarity) {
    return Record("set_polarity", index, "polarity=" + std::to_string(polarity),
                  bank_.SetPolarity(index, polarity));
  }
  zx_status_t GpioImplSetDriveStrength(uint32_t index, uint64_t ds_ua, uint64_t* out_actual_ds_ua) {
    uint64_t actual = 0;
    zx_status_t status = bank_.SetDriveStrength(index, ds_ua, &actual);
    if (status == ZX_OK) *out_actual_ds_ua = actual;
    return Record("set_drive_strength", index, "ua=" + std::to_string(ds_ua), status);
  }

 private:
  zx_status_t Record(const char* method, uint32_t index, const std::string& detail,
                     zx_status_t status) const {
    std::string pin = "pin=" + std::to_string(index);
    return fdfkit::examples::gpio_i2c::RecordCall("gpio-impl", driver_dispatcher()->get(), method,
                                                  detail.empty() ? pin : pin + " " + detail,
                                                  status);
  }

  GpioBank bank_;
  compat::BanjoServer banjo_server_{ZX_PROTOCOL_GPIO_IMPL, this, &gpio_impl_protocol_ops_};
  fidl::ClientEnd<fdfw::NodeController> controller_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(GpioImpl);
