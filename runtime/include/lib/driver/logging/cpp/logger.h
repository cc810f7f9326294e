// Driver logging: FDF_LOG(INFO, "format %d", x) writes "[severity] [driver] file:line: message" to
// the driver host's standard error, which the manager (fdfkit-boot) prints. Severities as
// Fuchsia's: TRACE, DEBUG, INFO, WARNING, ERROR, FATAL (FATAL aborts the host).
#ifndef LIB_DRIVER_LOGGING_CPP_LOGGER_H_
#define LIB_DRIVER_LOGGING_CPP_LOGGER_H_

#include <cstdarg>
#include <cstdint>
#include <string>
#include <string_view>

#define FUCHSIA_LOG_TRACE 0x10
#define FUCHSIA_LOG_DEBUG 0x20
#define FUCHSIA_LOG_INFO 0x30
#define FUCHSIA_LOG_WARNING 0x40
#define FUCHSIA_LOG_ERROR 0x50
#define FUCHSIA_LOG_FATAL 0x60

namespace fdf {

using LogSeverity = uint8_t;

class Logger {
 public:
  explicit Logger(std::string tag, LogSeverity min_severity = FUCHSIA_LOG_INFO)
      : tag_(std::move(tag)), min_severity_(min_severity) {}

  void logf(LogSeverity severity, const char* tag, const char* file, int line, const char* msg,
            ...) __attribute__((format(printf, 6, 7)));
  void logvf(LogSeverity severity, const char* tag, const char* file, int line, const char* msg,
             va_list args);
  LogSeverity GetSeverity() const { return min_severity_; }
  void SetSeverity(LogSeverity severity) { min_severity_ = severity; }
  const std::string& tag() const { return tag_; }

  // The logger FDF_LOG uses: the last started driver's in this shared object (DriverBase sets it).
  static Logger* GlobalInstance();
  static void SetGlobalInstance(Logger* logger);

 private:
  std::string tag_;
  LogSeverity min_severity_;
};

}  // namespace fdf

#define FDF_LOGL(severity, logger, msg...) \
  (logger).logf((FUCHSIA_LOG_##severity), nullptr, __FILE__, __LINE__, msg)
#define FDF_LOG(severity, msg...) FDF_LOGL(severity, *::fdf::Logger::GlobalInstance(), msg)

#endif  // LIB_DRIVER_LOGGING_CPP_LOGGER_H_
