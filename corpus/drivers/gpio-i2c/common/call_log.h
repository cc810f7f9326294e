// How the stack's servers write down each banjo call they serve (gpio-impl, gpio's pins, i2c-impl):
// "<driver> <method> <detail> <status> dispatcher=caller|own", one event-log line per call
// (corpus/drivers/common/event_log.h). A banjo call is a direct call and runs on its caller's
// dispatcher; once a migration serves the same methods over the driver transport, those calls run
// on the server driver's own. So the line tells a test which transport carried each call.
#ifndef FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_CALL_LOG_H_
#define FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_CALL_LOG_H_

#include <lib/fdf/dispatcher.h>
#include <zircon/status.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "corpus/drivers/common/event_log.h"

namespace fdfkit::examples::gpio_i2c {

// Returns `status`, so a method can end with `return RecordCall(...)`.
inline zx_status_t RecordCall(const char* driver, fdf_dispatcher_t* own_dispatcher,
                              const std::string& method, const std::string& detail,
                              zx_status_t status) {
  bool own = fdf_dispatcher_get_current_dispatcher() == own_dispatcher;
  RecordEvent(driver, method + (detail.empty() ? "" : " " + detail) + " " +
                          zx_status_get_string(status) + " dispatcher=" + (own ? "own" : "caller"));
  return status;
}

// Bytes as the log writes them: two hex digits each, no separator ("1940").
inline std::string HexBytes(const uint8_t* data, size_t size) {
  std::string text;
  for (size_t i = 0; i < size; ++i) {
    char byte[3];
    std::snprintf(byte, sizeof byte, "%02x", data[i]);
    text += byte;
  }
  return text;
}

inline std::string HexAddress(uint16_t address) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02x", address);
  return text;
}

}  // namespace fdfkit::examples::gpio_i2c

#endif  // FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_CALL_LOG_H_
