// The migration report as one self-contained HTML page (inline CSS, script and SVG; no network):
// progress, wave timeline, team workload, and every board's hosts with diagrams and blockers.
#ifndef FDFKIT_REPORTS_PLAN_HTML_REPORT_H_
#define FDFKIT_REPORTS_PLAN_HTML_REPORT_H_

#include <string>

#include "reports/plan/report_model.h"

namespace fdfkit::report {

std::string HtmlReport(const ReportModel& model, const std::string& source);

}  // namespace fdfkit::report

#endif  // FDFKIT_REPORTS_PLAN_HTML_REPORT_H_
