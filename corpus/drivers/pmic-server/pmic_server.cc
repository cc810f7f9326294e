// A PMIC driver written the way unmigrated DFv2 drivers serve banjo: the driver class is the
// ddk::PowerImplProtocol mixin's D, and compat::BanjoServer hands its ops table to the child it
// adds (a fuchsia.BIND_PROTOCOL property and a node symbol). It is the server input migrate-driver
// rewrites at build time (corpus/drivers/CMakeLists.txt); each variant boots with pmic-steps on a
// board of its own and must answer the same steps (tests/runtime/driver/manager/
// migrated_board_test.cc).
#include <fuchsia/hardware/powerimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_server.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>
#include <zircon/status.h>

#include <optional>
#include <string>

#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/common/pmic_state.h"

namespace {

namespace fdfw = fuchsia_driver_framework;
using fdfkit::examples::PmicState;

class PmicServer : public fdf::DriverBase, public ddk::PowerImplProtocol<PmicServer> {
 public:
  PmicServer(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("pmic-server", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("pmic-server", "start");
    fidl::Arena arena;
    fdfw::wire::NodeProperty properties[] = {
        banjo_server_.property(),
        fdf::MakeProperty(arena, "fdfkit.examples.DEVICE", std::string_view("pmic-banjo"))};
    fdfw::wire::NodeSymbol symbols[] = {banjo_server_.symbol(arena)};
    auto args = fdfw::wire::NodeAddArgs::Builder(arena)
                    .name(arena, "pmic-banjo")
                    .properties(arena, std::begin(properties), std::end(properties))
                    .symbols(arena, std::begin(symbols), std::end(symbols))
                    .Build();
    zx::result controller = fidl::CreateEndpoints<fdfw::NodeController>();
    if (controller.is_error()) return controller.take_error();
    auto added = fidl::WireCall(node())->AddChild(args, std::move(controller->server), {});
    if (!added.ok()) return zx::error(added.status());
    if (added->is_error()) return zx::error(ZX_ERR_INTERNAL);
    controller_ = std::move(controller->client);
    return zx::ok();
  }
  void Stop() override { fdfkit::examples::RecordEvent("pmic-server", "stop"); }

  // ZX_ERR_OUT_OF_RANGE: no such domain (every method).
  zx_status_t PowerImplGetPowerDomainStatus(uint32_t index, power_domain_status_t* out_status) {
    std::optional<bool> enabled = state_.Enabled(index);
    if (!enabled) return Record("get_status", index, "", ZX_ERR_OUT_OF_RANGE);
    *out_status = *enabled ? POWER_DOMAIN_STATUS_ENABLED : POWER_DOMAIN_STATUS_DISABLED;
    return Record("get_status", index, "", ZX_OK);
  }
  zx_status_t PowerImplEnablePowerDomain(uint32_t index) {
    return Record("enable", index, "", state_.Switch(index, true));
  }
  zx_status_t PowerImplDisablePowerDomain(uint32_t index) {
    return Record("disable", index, "", state_.Switch(index, false));
  }
  zx_status_t PowerImplGetSupportedVoltageRange(uint32_t index, uint32_t* out_min,
                                                uint32_t* out_max) {
    if (!PmicState::HasDomain(index)) return Record("get_range", index, "", ZX_ERR_OUT_OF_RANGE);
    *out_min = PmicState::kMinMicrovolts;
    *out_max = PmicState::kMaxMicrovolts;
    return Record("get_range", index, "", ZX_OK);
  }
  zx_status_t PowerImplRequestVoltage(uint32_t index, uint32_t voltage,
                                      uint32_t* out_actual_voltage) {
    uint32_t actual = 0;
    zx_status_t status = state_.RequestVoltage(index, voltage, &actual);
    if (status == ZX_OK) *out_actual_voltage = actual;
    return Record("request_voltage", index, "voltage=" + std::to_string(voltage), status);
  }
  zx_status_t PowerImplWritePmicCtrlReg(uint32_t index, uint32_t addr, uint32_t value) {
    return Record("write_reg", index,
                  "addr=" + fdfkit::examples::PmicHex(addr) +
                      " value=" + fdfkit::examples::PmicHex(value),
                  state_.WriteRegister(index, addr, value));
  }
  zx_status_t PowerImplReadPmicCtrlReg(uint32_t index, uint32_t addr, uint32_t* out_value) {
    std::optional<uint32_t> value = state_.ReadRegister(index, addr);
    if (!value) return Record("read_reg", index, "addr=" + fdfkit::examples::PmicHex(addr),
                              ZX_ERR_OUT_OF_RANGE);
    *out_value = *value;
    return Record("read_reg", index, "addr=" + fdfkit::examples::PmicHex(addr), ZX_OK);
  }

 private:
  zx_status_t Record(const char* method, uint32_t index, const std::string& detail,
                     zx_status_t status) const {
    return fdfkit::examples::RecordPmicCall("pmic-server", driver_dispatcher()->get(), method,
                                            index, detail, status);
  }

  PmicState state_;
  compat::BanjoServer banjo_server_{ZX_PROTOCOL_POWER_IMPL, this, &power_impl_protocol_ops_};
  fidl::ClientEnd<fdfw::NodeController> controller_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(PmicServer);
