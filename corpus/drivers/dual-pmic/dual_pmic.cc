// A PMIC driver halfway through its migration: it implements fuchsia.hardware.powerimpl's PowerImpl
// once, as banjo methods, and serves them on both transports through the generated dual-stack
// shim (PowerImplDualServer): over banjo to an unmigrated child (compat symbol and
// fuchsia.BIND_PROTOCOL on its node) and over the driver transport to a migrated child
// (fuchsia.hardware.powerimpl.Service, offered to its node). Both children run in this host.
#include <fidl/fuchsia.hardware.powerimpl/cpp/banjo_shims.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>
#include <lib/fdf/dispatcher.h>
#include <zircon/status.h>

#include <optional>
#include <string>
#include <vector>

#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/common/pmic_state.h"

namespace {

namespace examples = fdfkit::examples;
namespace shims = fdfkit::shims::fuchsia_hardware_powerimpl;
namespace fdfw = fuchsia_driver_framework;

// The PMIC (common/pmic_state.h) behind the generated dual server. Every method records its call
// and where it ran: a banjo call on the caller's dispatcher ("dispatcher=caller"), a
// driver-transport call on the PMIC driver's own ("dispatcher=own").
//
// This is a class of its own, not the driver class: the shim mixin hands out
// static_cast<Pmic*>(this), which UBSan's vptr check rejects while a polymorphic class (every
// fdf::DriverBase is one) is being built and which is a plain address computation here.
class Pmic : public shims::PowerImplDualServer<Pmic> {
 public:
  explicit Pmic(fdf_dispatcher_t* own_dispatcher) : own_dispatcher_(own_dispatcher) {}

  // ZX_ERR_OUT_OF_RANGE: no such domain (every method).
  zx_status_t PowerImplGetPowerDomainStatus(uint32_t index, power_domain_status_t* out_status) {
    std::optional<bool> enabled = state_.Enabled(index);
    if (enabled) *out_status = *enabled ? POWER_DOMAIN_STATUS_ENABLED : POWER_DOMAIN_STATUS_DISABLED;
    return Record("get_status", index, "", enabled ? ZX_OK : ZX_ERR_OUT_OF_RANGE);
  }
  zx_status_t PowerImplEnablePowerDomain(uint32_t index) {
    return Record("enable", index, "", state_.Switch(index, true));
  }
  zx_status_t PowerImplDisablePowerDomain(uint32_t index) {
    return Record("disable", index, "", state_.Switch(index, false));
  }
  zx_status_t PowerImplGetSupportedVoltageRange(uint32_t index, uint32_t* out_min,
                                                uint32_t* out_max) {
    zx_status_t status = ZX_ERR_OUT_OF_RANGE;
    if (examples::PmicState::HasDomain(index)) {
      *out_min = examples::PmicState::kMinMicrovolts;
      *out_max = examples::PmicState::kMaxMicrovolts;
      status = ZX_OK;
    }
    return Record("get_range", index, "", status);
  }
  zx_status_t PowerImplRequestVoltage(uint32_t index, uint32_t voltage,
                                      uint32_t* out_actual_voltage) {
    return Record("request_voltage", index, "voltage=" + std::to_string(voltage),
                  state_.RequestVoltage(index, voltage, out_actual_voltage));
  }
  zx_status_t PowerImplWritePmicCtrlReg(uint32_t index, uint32_t addr, uint32_t value) {
    return Record("write_reg", index,
                  "addr=" + examples::PmicHex(addr) + " value=" + examples::PmicHex(value),
                  state_.WriteRegister(index, addr, value));
  }
  zx_status_t PowerImplReadPmicCtrlReg(uint32_t index, uint32_t addr, uint32_t* out_value) {
    std::optional<uint32_t> value = state_.ReadRegister(index, addr);
    if (value) *out_value = *value;
    return Record("read_reg", index, "addr=" + examples::PmicHex(addr),
                  value ? ZX_OK : ZX_ERR_OUT_OF_RANGE);
  }

 private:
  zx_status_t Record(const char* method, uint32_t index, const std::string& detail,
                     zx_status_t status) const {
    return examples::RecordPmicCall("dual-pmic", own_dispatcher_, method, index, detail, status);
  }

  fdf_dispatcher_t* const own_dispatcher_;
  examples::PmicState state_;
};

class DualPmic : public fdf::DriverBase {
 public:
  DualPmic(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("dual-pmic", std::move(start_args), std::move(dispatcher)),
        pmic_(driver_dispatcher()->get()) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("dual-pmic", "start");
    // Published before the children exist: the driver-transport child connects in its Start.
    zx::result<> service = pmic_.AddDriverTransportService(*outgoing(), driver_dispatcher()->get());
    if (service.is_error()) return service.take_error();

    fidl::Arena arena;
    // The unmigrated child: the banjo protocol id to bind on, the {ops, ctx} symbol to call.
    fdfw::wire::NodeProperty banjo_properties[] = {
        pmic_.banjo_server().property(),
        fdf::MakeProperty(arena, "fdfkit.examples.DEVICE", std::string_view("pmic-banjo"))};
    fdfw::wire::NodeSymbol banjo_symbols[] = {pmic_.banjo_server().symbol(arena)};
    // The migrated child: the service's bind key, and the service itself.
    fdfw::wire::NodeProperty fidl_properties[] = {
        fdf::MakeProperty(arena, "fuchsia.hardware.powerimpl.Service",
                          std::string_view("fuchsia.hardware.powerimpl.Service.DriverTransport")),
        fdf::MakeProperty(arena, "fdfkit.examples.DEVICE", std::string_view("pmic-fidl"))};
    fdfw::wire::Offer fidl_offers[] = {fdf::MakeOffer<fuchsia_hardware_powerimpl::Service>(arena)};

    zx::result<> banjo = AddChildNode("pmic-banjo", banjo_properties, {}, banjo_symbols);
    if (banjo.is_error()) return banjo.take_error();
    zx::result<> fidl = AddChildNode("pmic-fidl", fidl_properties, fidl_offers, {});
    if (fidl.is_error()) return fidl.take_error();
    FDF_LOG(INFO, "serving PowerImpl over banjo (pmic-banjo) and the driver transport (pmic-fidl)");
    return zx::ok();
  }

  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("dual-pmic", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { fdfkit::examples::RecordEvent("dual-pmic", "stop"); }

 private:
  zx::result<> AddChildNode(std::string_view name, std::span<fdfw::wire::NodeProperty> properties,
                            std::span<fdfw::wire::Offer> offers,
                            std::span<fdfw::wire::NodeSymbol> symbols) {
    fidl::Arena arena;
    auto args = fdfw::wire::NodeAddArgs::Builder(arena)
                    .name(arena, name)
                    .properties(arena, properties.begin(), properties.end())
                    .offers(arena, offers.begin(), offers.end())
                    .symbols(arena, symbols.begin(), symbols.end())
                    .Build();
    zx::result controller = fidl::CreateEndpoints<fdfw::NodeController>();
    if (controller.is_error()) return controller.take_error();
    auto result = fidl::WireCall(node())->AddChild(args, std::move(controller->server), {});
    if (!result.ok() || result->is_error()) {
      FDF_LOG(ERROR, "cannot add %.*s", static_cast<int>(name.size()), name.data());
      return zx::error(result.ok() ? ZX_ERR_INTERNAL : result.status());
    }
    controllers_.push_back(std::move(controller->client));
    return zx::ok();
  }

  // Outlives every binding and banjo child: the host stops the children and shuts this driver's
  // dispatchers down before it destroys the driver.
  Pmic pmic_;
  std::vector<fidl::ClientEnd<fdfw::NodeController>> controllers_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(DualPmic);
