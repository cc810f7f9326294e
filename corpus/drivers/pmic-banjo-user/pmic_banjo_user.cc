// A PMIC client not yet migrated: it reaches its parent's PowerImpl over banjo, through
// compat::ConnectBanjo and ddk::PowerImplProtocolClient, as it was written. Then through the
// generated dual client, which takes banjo too because the parent offers it here.
#include <fidl/fuchsia.hardware.powerimpl/cpp/banjo_shims.h>
#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/component/cpp/driver_export.h>

#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/common/pmic_transcript.h"

namespace {

namespace shims = fdfkit::shims::fuchsia_hardware_powerimpl;

class PmicBanjoUser : public fdf::DriverBase {
 public:
  // The power domains this driver uses: one per way in.
  static constexpr uint32_t kBanjoDomain = 0;
  static constexpr uint32_t kDualDomain = 1;

  PmicBanjoUser(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("pmic-banjo-user", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("pmic-banjo-user", "start");
    zx::result pmic = compat::ConnectBanjo<ddk::PowerImplProtocolClient>(incoming());
    if (pmic.is_error()) {
      fdfkit::examples::RecordEvent("pmic-banjo-user",
                                    std::string("banjo ") + pmic.status_string());
      return pmic.take_error();
    }
    fdfkit::examples::RecordEvent(
        "pmic-banjo-user",
        "banjo " + fdfkit::examples::RunPmicSteps(*pmic, kBanjoDomain).ToString());

    zx::result dual = shims::PowerImplDualClient::Connect(incoming());
    if (dual.is_error()) {
      fdfkit::examples::RecordEvent("pmic-banjo-user", std::string("dual ") + dual.status_string());
      return dual.take_error();
    }
    fdfkit::examples::RecordEvent(
        "pmic-banjo-user", std::string("dual uses_banjo=") +
                               (dual->uses_banjo() ? "true " : "false ") +
                               fdfkit::examples::RunPmicSteps(*dual, kDualDomain).ToString());
    return zx::ok();
  }

  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("pmic-banjo-user", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { fdfkit::examples::RecordEvent("pmic-banjo-user", "stop"); }
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(PmicBanjoUser);
