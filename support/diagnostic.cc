#include "support/diagnostic.h"

#include <cstdio>

namespace fdfkit::support {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kRetired: return "retired";
  }
  return "?";
}

std::string DiagnosticInfo::Code() const {
  char number_text[16];
  std::snprintf(number_text, sizeof number_text, "%03u", number);
  return std::string(prefix) + number_text;
}

std::string FormatMessage(std::string_view message, std::initializer_list<std::string> arguments) {
  std::string out;
  out.reserve(message.size() + 32);
  auto next = arguments.begin();
  for (size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '{' && i + 1 < message.size() && message[i + 1] == '}' &&
        next != arguments.end()) {
      out += *next++;
      ++i;
      continue;
    }
    out += message[i];
  }
  return out;
}

std::string Diagnostic::Text() const {
  return std::string(SeverityName(info->severity)) + ": [" + info->Code() + "] " + message;
}

}  // namespace fdfkit::support
