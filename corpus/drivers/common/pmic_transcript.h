// The PMIC example's script (dual-pmic and its two children): the steps each child takes on one
// power domain of its parent, and the line it writes them down as. The banjo child takes them
// through ddk::PowerImplProtocolClient (RunPmicSteps), the driver-transport child through
// fdf::WireSyncClient; both fill a PmicTranscript, so the transport is the only difference and
// the framework's tests compare the lines as strings.
#ifndef FDFKIT_CORPUS_DRIVERS_COMMON_PMIC_TRANSCRIPT_H_
#define FDFKIT_CORPUS_DRIVERS_COMMON_PMIC_TRANSCRIPT_H_

#include <fuchsia/hardware/powerimpl/cpp/banjo.h>
#include <zircon/status.h>

#include <cstdio>
#include <string>

namespace fdfkit::examples {

inline constexpr uint32_t kPmicVoltageRequest = 905'000;  // µV: between two of the PMIC's steps
inline constexpr uint32_t kPmicRegister = 0x4;
inline constexpr uint32_t kPmicRegisterValue = 0xc0ffee;
inline constexpr uint32_t kPmicMissingDomain = 9;  // the PMIC has four

struct PmicTranscript {
  uint32_t domain = 0;
  zx_status_t get_status = ZX_ERR_INTERNAL;
  power_domain_status_t status = 0;
  zx_status_t request_while_disabled = ZX_ERR_INTERNAL;  // fails: the domain is off
  zx_status_t enable = ZX_ERR_INTERNAL;
  zx_status_t range = ZX_ERR_INTERNAL;
  uint32_t min = 0, max = 0;
  zx_status_t request = ZX_ERR_INTERNAL;
  uint32_t actual = 0;
  zx_status_t write = ZX_ERR_INTERNAL;
  zx_status_t read = ZX_ERR_INTERNAL;
  uint32_t value = 0;
  zx_status_t read_missing_domain = ZX_ERR_INTERNAL;  // fails: no such domain

  std::string ToString() const {
    auto s = [](zx_status_t status) { return std::string(zx_status_get_string(status)); };
    char hex[16];
    std::snprintf(hex, sizeof hex, "%#x", value);
    const char* state = status == POWER_DOMAIN_STATUS_ENABLED    ? "ENABLED"
                        : status == POWER_DOMAIN_STATUS_DISABLED ? "DISABLED"
                                                                 : "?";
    return "domain=" + std::to_string(domain) + " get_status=" + s(get_status) + "/" + state +
           " request_while_disabled=" + s(request_while_disabled) + " enable=" + s(enable) +
           " range=" + s(range) + "/" + std::to_string(min) + "-" + std::to_string(max) +
           " request=" + s(request) + "/" + std::to_string(actual) + " write=" + s(write) +
           " read=" + s(read) + "/" + hex + " read_missing_domain=" + s(read_missing_domain);
  }
};

// The script over banjo: a client of the parent's ops table, or of a shim that looks like one.
inline PmicTranscript RunPmicSteps(const ddk::PowerImplProtocolClient& pmic, uint32_t domain) {
  PmicTranscript t;
  t.domain = domain;
  t.get_status = pmic.GetPowerDomainStatus(domain, &t.status);
  uint32_t ignored = 0;
  t.request_while_disabled = pmic.RequestVoltage(domain, kPmicVoltageRequest, &ignored);
  t.enable = pmic.EnablePowerDomain(domain);
  t.range = pmic.GetSupportedVoltageRange(domain, &t.min, &t.max);
  t.request = pmic.RequestVoltage(domain, kPmicVoltageRequest, &t.actual);
  t.write = pmic.WritePmicCtrlReg(domain, kPmicRegister, kPmicRegisterValue);
  t.read = pmic.ReadPmicCtrlReg(domain, kPmicRegister, &t.value);
  t.read_missing_domain = pmic.ReadPmicCtrlReg(kPmicMissingDomain, kPmicRegister, &ignored);
  return t;
}

}  // namespace fdfkit::examples

#endif  // FDFKIT_CORPUS_DRIVERS_COMMON_PMIC_TRANSCRIPT_H_
