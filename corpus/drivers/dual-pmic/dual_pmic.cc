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

#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "corpus/drivers/common/event_log.h"

namespace {

namespace shims = fdfkit::shims::fuchsia_hardware_powerimpl;
namespace fdfw = fuchsia_driver_framework;

// The PMIC: four power domains, each switched on or off, at a voltage, with 16 control
// registers. Every method records its call and where it ran: a banjo call runs on the caller's
// dispatcher ("dispatcher=caller"), a driver-transport call on the PMIC driver's own
// ("dispatcher=own").
//
// This is a class of its own, not the driver class: the shim mixin hands out
// static_cast<Pmic*>(this) while it is being constructed, which UBSan's vptr check rejects for a
// polymorphic class (every fdf::DriverBase is one) and which is a plain address computation here.
class Pmic : public shims::PowerImplDualServer<Pmic> {
 public:
  static constexpr uint32_t kDomains = 4;
  static constexpr uint32_t kRegisters = 16;
  static constexpr uint32_t kMinMicrovolts = 600'000;
  static constexpr uint32_t kMaxMicrovolts = 1'300'000;
  static constexpr uint32_t kStepMicrovolts = 12'500;

  explicit Pmic(fdf_dispatcher_t* own_dispatcher) : own_dispatcher_(own_dispatcher) {}

  // ZX_ERR_OUT_OF_RANGE: no such domain (every method).
  zx_status_t PowerImplGetPowerDomainStatus(uint32_t index, power_domain_status_t* out_status) {
    std::lock_guard lock(lock_);
    zx_status_t status = ZX_ERR_OUT_OF_RANGE;
    if (index < kDomains) {
      *out_status =
          domains_[index].enabled ? POWER_DOMAIN_STATUS_ENABLED : POWER_DOMAIN_STATUS_DISABLED;
      status = ZX_OK;
    }
    return Record("get_status", index, "", status);
  }
  zx_status_t PowerImplEnablePowerDomain(uint32_t index) { return Switch(index, true); }
  zx_status_t PowerImplDisablePowerDomain(uint32_t index) { return Switch(index, false); }
  zx_status_t PowerImplGetSupportedVoltageRange(uint32_t index, uint32_t* out_min,
                                                uint32_t* out_max) {
    zx_status_t status = ZX_ERR_OUT_OF_RANGE;
    if (index < kDomains) {
      *out_min = kMinMicrovolts;
      *out_max = kMaxMicrovolts;
      status = ZX_OK;
    }
    return Record("get_range", index, "", status);
  }
  // ZX_ERR_BAD_STATE: the domain is off; ZX_ERR_OUT_OF_RANGE: a voltage outside the range. The
  // PMIC sets the step at or below the request and says which.
  zx_status_t PowerImplRequestVoltage(uint32_t index, uint32_t voltage,
                                      uint32_t* out_actual_voltage) {
    std::lock_guard lock(lock_);
    zx_status_t status = ZX_ERR_OUT_OF_RANGE;
    if (index < kDomains && !domains_[index].enabled) {
      status = ZX_ERR_BAD_STATE;
    } else if (index < kDomains && voltage >= kMinMicrovolts && voltage <= kMaxMicrovolts) {
      uint32_t steps = (voltage - kMinMicrovolts) / kStepMicrovolts;
      domains_[index].microvolts = kMinMicrovolts + steps * kStepMicrovolts;
      *out_actual_voltage = domains_[index].microvolts;
      status = ZX_OK;
    }
    return Record("request_voltage", index, "voltage=" + std::to_string(voltage), status);
  }
  // ZX_ERR_OUT_OF_RANGE also for a register address past the last.
  zx_status_t PowerImplWritePmicCtrlReg(uint32_t index, uint32_t addr, uint32_t value) {
    std::lock_guard lock(lock_);
    zx_status_t status = ZX_ERR_OUT_OF_RANGE;
    if (index < kDomains && addr < kRegisters) {
      domains_[index].registers[addr] = value;
      status = ZX_OK;
    }
    return Record("write_reg", index, "addr=" + Hex(addr) + " value=" + Hex(value), status);
  }
  zx_status_t PowerImplReadPmicCtrlReg(uint32_t index, uint32_t addr, uint32_t* out_value) {
    std::lock_guard lock(lock_);
    zx_status_t status = ZX_ERR_OUT_OF_RANGE;
    if (index < kDomains && addr < kRegisters) {
      *out_value = domains_[index].registers[addr];
      status = ZX_OK;
    }
    return Record("read_reg", index, "addr=" + Hex(addr), status);
  }

 private:
  struct Domain {
    bool enabled = false;
    uint32_t microvolts = kMinMicrovolts;
    uint32_t registers[kRegisters] = {};
  };

  zx_status_t Switch(uint32_t index, bool on) {
    std::lock_guard lock(lock_);
    zx_status_t status = ZX_ERR_OUT_OF_RANGE;
    if (index < kDomains) {
      domains_[index].enabled = on;
      status = ZX_OK;
    }
    return Record(on ? "enable" : "disable", index, "", status);
  }

  // "dual-pmic <method> domain=<index> [<detail> ]<status> dispatcher=caller|own"
  zx_status_t Record(const char* method, uint32_t index, const std::string& detail,
                     zx_status_t status) const {
    bool own = fdf_dispatcher_get_current_dispatcher() == own_dispatcher_;
    fdfkit::examples::RecordEvent(
        "dual-pmic", std::string(method) + " domain=" + std::to_string(index) + " " +
                         (detail.empty() ? "" : detail + " ") + zx_status_get_string(status) +
                         " dispatcher=" + (own ? "own" : "caller"));
    return status;
  }
  static std::string Hex(uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "%#x", value);
    return text;
  }

  fdf_dispatcher_t* const own_dispatcher_;
  // Banjo callers run on their own dispatchers, concurrently with the driver-transport server on
  // ours: domains_ is only touched with lock_ held.
  std::mutex lock_;
  Domain domains_[kDomains];
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
