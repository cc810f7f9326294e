// report.html of a run: one self-contained page (no script) from reports/templates/waves.html —
// the hosts × waves state table, then per wave its actions, the board-config diffs applied, the
// driver-source diffs, and per board links to its board file, event log and boot log with every
// check's outcome. The failing wave is highlighted.
#ifndef FDFKIT_MIGRATE_WAVES_WAVES_REPORT_H_
#define FDFKIT_MIGRATE_WAVES_WAVES_REPORT_H_

#include <string>

#include "migrate/waves/inputs.h"
#include "migrate/waves/results.h"

namespace fdfkit::waves {

std::string RenderWavesReport(const WaveInputs& inputs, const RunResult& result);

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_WAVES_REPORT_H_
