// The migration report as Markdown: index.md (progress, timeline, teams, links) and one file per
// board with a section per host (drivers, edges, switch wave, blockers).
#ifndef FDFKIT_REPORTS_PLAN_MARKDOWN_REPORT_H_
#define FDFKIT_REPORTS_PLAN_MARKDOWN_REPORT_H_

#include <string>
#include <vector>

#include "reports/plan/report_model.h"

namespace fdfkit::report {

struct ReportFile {
  std::string path;  // relative to the report directory
  std::string text;
};

// index.md, boards/<board>.md and report.html.
std::vector<ReportFile> RenderPlanReport(const ReportModel& model, const std::string& source);

std::string IndexMarkdown(const ReportModel& model, const std::string& source);
std::string BoardMarkdown(const BoardView& board);

}  // namespace fdfkit::report

#endif  // FDFKIT_REPORTS_PLAN_MARKDOWN_REPORT_H_
