// --report FILE.md|.json: what one run did, per file — how many edits it made (or would make),
// and each place it left for a human with the reason — and the errors that stopped it. The JSON
// (schema fdfkit-migrate-driver-report/1) is for tools; the Markdown for the migration's PR.
#ifndef FDFKIT_MIGRATE_DRIVER_RUN_REPORT_H_
#define FDFKIT_MIGRATE_DRIVER_RUN_REPORT_H_

#include <map>
#include <string>
#include <vector>

#include "migrate/driver/rewrite_context.h"
#include "support/located_diagnostics.h"

namespace fdfkit::driver_migration {

struct RunReport {
  Mode mode = Mode::kReplace;
  bool written = false;  // --fix wrote the edits (else they were only shown or exported)
  int exit_status = 0;
  std::vector<std::string> files;               // the files asked for, in order
  std::map<std::string, size_t> edits_by_file;  // absolute path → edits
  std::vector<support::LocatedDiagnostic> diagnostics;

  std::string Json() const;
  std::string Markdown() const;
};

// Whether `path` names a report format (.json or .md).
bool IsReportPath(const std::string& path);
// The report in the format `path` names (JSON for .json, else Markdown).
std::string ReportText(const RunReport& report, const std::string& path);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_RUN_REPORT_H_
