#include "migrate/plan/diagnostics.h"

#include <filesystem>

namespace fdfkit::plan {

std::string JsonDiagnostic::Text() const {
  std::string text = support::Diagnostic::Text();
  return path.empty() ? text : path + ": " + text;
}

std::string FileDiagnostic::Text(std::string_view root) const {
  std::string where = "migrate-plan:";
  if (!file.empty()) {
    where = root.empty() ? file : (std::filesystem::path(root) / file).string();
    if (line > 0) where += ":" + std::to_string(line);
    if (line > 0 && column > 0) where += ":" + std::to_string(column);
    where += ":";
  }
  std::string text = std::string(support::SeverityName(info->severity)) + ": [" + info->Code() + "] ";
  if (info->severity == support::Severity::kWarning) text += "unresolved: ";
  return where + " " + text + message;
}

}  // namespace fdfkit::plan
