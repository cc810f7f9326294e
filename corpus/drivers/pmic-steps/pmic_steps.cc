// A banjo PMIC client written the way unmigrated DFv2 drivers are: compat::ConnectBanjo, then
// calls through ddk::PowerImplProtocolClient with statuses and out-parameters. It is the input
// migrate-driver rewrites at build time in both modes (corpus/drivers/CMakeLists.txt); the three
// variants boot on boards of their own and must write the same transcript (the framework's
// tests/runtime/driver/manager/migrated_board_test.cc).
#include <fuchsia/hardware/powerimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/component/cpp/driver_export.h>

#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/common/pmic_transcript.h"

namespace {

class PmicSteps : public fdf::DriverBase {
 public:
  static constexpr uint32_t kDomain = 1;

  PmicSteps(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("pmic-steps", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    zx::result pmic = compat::ConnectBanjo<ddk::PowerImplProtocolClient>(incoming());
    if (pmic.is_error()) {
      fdfkit::examples::RecordEvent("pmic-steps", std::string("connect ") + pmic.status_string());
      return pmic.take_error();
    }
    using namespace fdfkit::examples;
    PmicTranscript t;
    t.domain = kDomain;
    t.get_status = pmic->GetPowerDomainStatus(kDomain, &t.status);
    uint32_t ignored = 0;
    t.request_while_disabled = pmic->RequestVoltage(kDomain, kPmicVoltageRequest, &ignored);
    t.enable = pmic->EnablePowerDomain(kDomain);
    t.range = pmic->GetSupportedVoltageRange(kDomain, &t.min, &t.max);
    t.request = pmic->RequestVoltage(kDomain, kPmicVoltageRequest, &t.actual);
    if (pmic->WritePmicCtrlReg(kDomain, kPmicRegister, kPmicRegisterValue) == ZX_OK) {
      t.write = ZX_OK;
    }
    t.read = pmic->ReadPmicCtrlReg(kDomain, kPmicRegister, &t.value);
    t.read_missing_domain = pmic->ReadPmicCtrlReg(kPmicMissingDomain, kPmicRegister, &ignored);
    pmic->DisablePowerDomain(kDomain);
    fdfkit::examples::RecordEvent("pmic-steps", "steps " + t.ToString());
    return zx::ok();
  }
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(PmicSteps);
