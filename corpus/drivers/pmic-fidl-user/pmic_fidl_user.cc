// A migrated PMIC client: it reaches its parent's PowerImpl over the driver transport, through
// the service offered to its node and fdf::WireSyncClient, with the same steps the banjo child
// takes. Then through the generated dual client, which finds no banjo here and takes the
// driver transport, behind a banjo-shaped client.
#include <fidl/fuchsia.hardware.powerimpl/cpp/banjo_shims.h>
#include <fidl/fuchsia.hardware.powerimpl/cpp/driver/wire.h>
#include <lib/driver/component/cpp/driver_export.h>

#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/common/pmic_transcript.h"

namespace {

namespace shims = fdfkit::shims::fuchsia_hardware_powerimpl;
namespace powerimpl = fuchsia_hardware_powerimpl;

// The status a driver-transport result stands for: the transport's own when the call failed,
// else the method's error, else ZX_OK.
template <typename Result>
zx_status_t StatusOf(Result&& result) {
  if (!result.ok()) return result.status();
  return result->is_error() ? result->error_value() : ZX_OK;
}

class PmicFidlUser : public fdf::DriverBase {
 public:
  // The power domains this driver uses: one per way in.
  static constexpr uint32_t kFidlDomain = 2;
  static constexpr uint32_t kDualDomain = 3;

  PmicFidlUser(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("pmic-fidl-user", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("pmic-fidl-user", "start");
    zx::result end = incoming()->Connect<powerimpl::Service::Device>();
    if (end.is_error()) {
      fdfkit::examples::RecordEvent("pmic-fidl-user", std::string("fidl ") + end.status_string());
      return end.take_error();
    }
    fdf::WireSyncClient<powerimpl::PowerImpl> pmic(std::move(*end));
    fdfkit::examples::RecordEvent("pmic-fidl-user",
                                  "fidl " + RunSteps(pmic, kFidlDomain).ToString());

    zx::result dual = shims::PowerImplDualClient::Connect(incoming());
    if (dual.is_error()) {
      fdfkit::examples::RecordEvent("pmic-fidl-user", std::string("dual ") + dual.status_string());
      return dual.take_error();
    }
    fdfkit::examples::RecordEvent(
        "pmic-fidl-user", std::string("dual uses_banjo=") +
                              (dual->uses_banjo() ? "true " : "false ") +
                              fdfkit::examples::RunPmicSteps(*dual, kDualDomain).ToString());
    return zx::ok();
  }

  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("pmic-fidl-user", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { fdfkit::examples::RecordEvent("pmic-fidl-user", "stop"); }

 private:
  // fdfkit::examples::RunPmicSteps, call for call, over the driver transport.
  static fdfkit::examples::PmicTranscript RunSteps(fdf::WireSyncClient<powerimpl::PowerImpl>& pmic,
                                                   uint32_t domain) {
    using fdfkit::examples::kPmicRegister;
    fdfkit::examples::PmicTranscript t;
    t.domain = domain;
    fdf::Arena arena('PMIC');
    auto status = pmic.buffer(arena)->GetPowerDomainStatus(domain);
    t.get_status = StatusOf(status);
    if (t.get_status == ZX_OK)
      t.status = static_cast<power_domain_status_t>(status->value()->status);
    t.request_while_disabled =
        StatusOf(pmic.buffer(arena)->RequestVoltage(domain, fdfkit::examples::kPmicVoltageRequest));
    t.enable = StatusOf(pmic.buffer(arena)->EnablePowerDomain(domain));
    auto range = pmic.buffer(arena)->GetSupportedVoltageRange(domain);
    t.range = StatusOf(range);
    if (t.range == ZX_OK) {
      t.min = range->value()->min;
      t.max = range->value()->max;
    }
    auto request =
        pmic.buffer(arena)->RequestVoltage(domain, fdfkit::examples::kPmicVoltageRequest);
    t.request = StatusOf(request);
    if (t.request == ZX_OK) t.actual = request->value()->actual_voltage;
    t.write = StatusOf(pmic.buffer(arena)->WritePmicCtrlReg(domain, kPmicRegister,
                                                            fdfkit::examples::kPmicRegisterValue));
    auto read = pmic.buffer(arena)->ReadPmicCtrlReg(domain, kPmicRegister);
    t.read = StatusOf(read);
    if (t.read == ZX_OK) t.value = read->value()->value;
    t.read_missing_domain = StatusOf(
        pmic.buffer(arena)->ReadPmicCtrlReg(fdfkit::examples::kPmicMissingDomain, kPmicRegister));
    return t;
  }
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(PmicFidlUser);
