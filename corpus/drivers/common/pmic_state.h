// The example PMIC's hardware, shared by the drivers that serve fuchsia.hardware.powerimpl
// (dual-pmic, mid-migration; pmic-server, unmigrated banjo): four power domains, each switched on
// or off, at a voltage, with 16 control registers. Banjo callers run on their own dispatchers,
// concurrently with a driver-transport server on the PMIC's: every domain is touched under one
// lock. Each operation answers what banjo answers: a status, and a value when it succeeds.
#ifndef FDFKIT_CORPUS_DRIVERS_COMMON_PMIC_STATE_H_
#define FDFKIT_CORPUS_DRIVERS_COMMON_PMIC_STATE_H_

#include <lib/fdf/dispatcher.h>
#include <zircon/status.h>

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>

#include "corpus/drivers/common/event_log.h"

namespace fdfkit::examples {

class PmicState {
 public:
  static constexpr uint32_t kDomains = 4;
  static constexpr uint32_t kRegisters = 16;
  static constexpr uint32_t kMinMicrovolts = 600'000;
  static constexpr uint32_t kMaxMicrovolts = 1'300'000;
  static constexpr uint32_t kStepMicrovolts = 12'500;

  static bool HasDomain(uint32_t index) { return index < kDomains; }

  // nullopt: no such domain (ZX_ERR_OUT_OF_RANGE).
  std::optional<bool> Enabled(uint32_t index) {
    std::lock_guard lock(lock_);
    if (!HasDomain(index)) return std::nullopt;
    return domains_[index].enabled;
  }
  zx_status_t Switch(uint32_t index, bool on) {
    std::lock_guard lock(lock_);
    if (!HasDomain(index)) return ZX_ERR_OUT_OF_RANGE;
    domains_[index].enabled = on;
    return ZX_OK;
  }
  // ZX_ERR_BAD_STATE: the domain is off; ZX_ERR_OUT_OF_RANGE: no such domain, or a voltage
  // outside the range. Sets the step at or below the request and answers it.
  zx_status_t RequestVoltage(uint32_t index, uint32_t microvolts, uint32_t* actual) {
    std::lock_guard lock(lock_);
    if (!HasDomain(index)) return ZX_ERR_OUT_OF_RANGE;
    if (!domains_[index].enabled) return ZX_ERR_BAD_STATE;
    if (microvolts < kMinMicrovolts || microvolts > kMaxMicrovolts) return ZX_ERR_OUT_OF_RANGE;
    uint32_t steps = (microvolts - kMinMicrovolts) / kStepMicrovolts;
    domains_[index].microvolts = kMinMicrovolts + steps * kStepMicrovolts;
    *actual = domains_[index].microvolts;
    return ZX_OK;
  }
  // ZX_ERR_OUT_OF_RANGE: no such domain or register.
  zx_status_t WriteRegister(uint32_t index, uint32_t addr, uint32_t value) {
    std::lock_guard lock(lock_);
    if (!HasDomain(index) || addr >= kRegisters) return ZX_ERR_OUT_OF_RANGE;
    domains_[index].registers[addr] = value;
    return ZX_OK;
  }
  std::optional<uint32_t> ReadRegister(uint32_t index, uint32_t addr) {
    std::lock_guard lock(lock_);
    if (!HasDomain(index) || addr >= kRegisters) return std::nullopt;
    return domains_[index].registers[addr];
  }

 private:
  struct Domain {
    bool enabled = false;
    uint32_t microvolts = kMinMicrovolts;
    uint32_t registers[kRegisters] = {};
  };

  std::mutex lock_;
  Domain domains_[kDomains];
};

// "<driver> <method> domain=<index> [<detail> ]<status> dispatcher=caller|own": a banjo call runs
// on its caller's dispatcher, a driver-transport call on the PMIC driver's own. Returns status.
inline zx_status_t RecordPmicCall(const char* driver, fdf_dispatcher_t* own_dispatcher,
                                  const char* method, uint32_t index, const std::string& detail,
                                  zx_status_t status) {
  bool own = fdf_dispatcher_get_current_dispatcher() == own_dispatcher;
  RecordEvent(driver, std::string(method) + " domain=" + std::to_string(index) + " " +
                          (detail.empty() ? "" : detail + " ") + zx_status_get_string(status) +
                          " dispatcher=" + (own ? "own" : "caller"));
  return status;
}

inline std::string PmicHex(uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "%#x", value);
  return text;
}

}  // namespace fdfkit::examples

#endif  // FDFKIT_CORPUS_DRIVERS_COMMON_PMIC_STATE_H_
