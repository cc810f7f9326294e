// The benchmark's outputs: the JSON document (every metric of every variant × depth, the machine,
// the op counts and the targets), a self-contained HTML page with inline SVG charts (each also
// standalone), and the table printed to stdout.
#ifndef FDFKIT_BENCH_E2E_REPORTS_H_
#define FDFKIT_BENCH_E2E_REPORTS_H_

#include <string>

#include "bench/e2e/harness.h"

namespace fdfkit::bench::e2e {

std::string JsonReport(const BenchResult& result);
// One chart of the page as a standalone SVG document.
enum class Chart { kIops, kP99 };
std::string ChartSvg(const BenchResult& result, Chart chart);
std::string HtmlReport(const BenchResult& result);
std::string TextReport(const BenchResult& result);

}  // namespace fdfkit::bench::e2e

#endif  // FDFKIT_BENCH_E2E_REPORTS_H_
