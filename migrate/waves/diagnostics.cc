#include "migrate/waves/diagnostics.h"

namespace fdfkit::waves {

std::string InputDiagnostic::Text() const {
  std::string where = file.empty() ? "migrate-waves" : file;
  if (!path.empty()) where += ": " + path;
  return where + ": " + support::Diagnostic::Text();
}

}  // namespace fdfkit::waves
