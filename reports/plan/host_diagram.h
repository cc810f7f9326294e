// An SVG drawing of one driver host: drivers as boxes (filled by status, with their port wave),
// protocol edges as arrows from the serving to the consuming driver, coloured by edge state.
// Servers sit above their consumers (layers by longest path); the drawing has no script.
#ifndef FDFKIT_REPORTS_PLAN_HOST_DIAGRAM_H_
#define FDFKIT_REPORTS_PLAN_HOST_DIAGRAM_H_

#include <string>

#include "reports/plan/report_model.h"

namespace fdfkit::report {

std::string HostDiagramSvg(const HostView& host);

}  // namespace fdfkit::report

#endif  // FDFKIT_REPORTS_PLAN_HOST_DIAGRAM_H_
