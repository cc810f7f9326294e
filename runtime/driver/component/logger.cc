#include <lib/driver/logging/cpp/logger.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace fdf {
namespace {

Logger* global_logger = nullptr;

const char* SeverityName(LogSeverity severity) {
  if (severity >= FUCHSIA_LOG_FATAL) return "FATAL";
  if (severity >= FUCHSIA_LOG_ERROR) return "ERROR";
  if (severity >= FUCHSIA_LOG_WARNING) return "WARNING";
  if (severity >= FUCHSIA_LOG_INFO) return "INFO";
  if (severity >= FUCHSIA_LOG_DEBUG) return "DEBUG";
  return "TRACE";
}

}  // namespace

Logger* Logger::GlobalInstance() {
  static Logger fallback("driver");
  return global_logger ? global_logger : &fallback;
}

void Logger::SetGlobalInstance(Logger* logger) { global_logger = logger; }

void Logger::logf(LogSeverity severity, const char* tag, const char* file, int line,
                  const char* msg, ...) {
  va_list args;
  va_start(args, msg);
  logvf(severity, tag, file, line, msg, args);
  va_end(args);
}

void Logger::logvf(LogSeverity severity, const char* tag, const char* file, int line,
                   const char* msg, va_list args) {
  if (severity < min_severity_) return;
  char text[1024];
  std::vsnprintf(text, sizeof text, msg, args);
  const char* base = file ? std::strrchr(file, '/') : nullptr;
  // One write per line, so lines from several drivers in a host do not interleave.
  char line_text[1400];
  int n = std::snprintf(line_text, sizeof line_text, "[%s] [%s%s%s] %s:%d: %s\n",
                        SeverityName(severity), tag_.c_str(), tag ? "." : "", tag ? tag : "",
                        base ? base + 1 : (file ? file : "?"), line, text);
  std::fwrite(line_text, 1, static_cast<size_t>(n < 0 ? 0 : std::min<int>(n, sizeof line_text - 1)),
              stderr);
  std::fflush(stderr);
  if (severity >= FUCHSIA_LOG_FATAL) std::abort();
}

}  // namespace fdf
