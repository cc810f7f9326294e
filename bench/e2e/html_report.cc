// The HTML page: self-contained (inline CSS and SVG, no script, nothing fetched), two charts
// (IOPS and p99 latency against queue depth, one line per variant, log scales) and tables of every
// metric and of the targets.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/e2e/reports.h"
#include "bench/e2e/targets.h"

namespace fdfkit::bench::e2e {
namespace {

std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Num(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

const char* ColorOf(Variant v) {
  switch (v) {
    case Variant::kBanjo:
      return "#1b7837";
    case Variant::kDriverInline:
      return "#2166ac";
    case Variant::kDriverQueued:
      return "#e08214";
    case Variant::kChannel:
      return "#b2182b";
  }
  return "#000";
}

struct Series {
  std::string name;
  const char* color;
  std::vector<std::pair<double, double>> points;  // (depth, value)
};

// A line chart: x is the queue depth on a log2 axis, y on a log10 axis spanning whole decades.
std::string LineChart(const std::string& title, const std::string& y_label,
                      const std::vector<Series>& series) {
  constexpr double kW = 560, kH = 340, kLeft = 80, kRight = 150, kTop = 36, kBottom = 50;
  double x_min = 1e300, x_max = 0, y_min = 1e300, y_max = 0;
  for (const Series& s : series) {
    for (auto [x, y] : s.points) {
      if (y <= 0) continue;
      x_min = std::min(x_min, x);
      x_max = std::max(x_max, x);
      y_min = std::min(y_min, y);
      y_max = std::max(y_max, y);
    }
  }
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(kW, 0) +
                    "\" height=\"" + Num(kH, 0) + "\" role=\"img\" aria-label=\"" +
                    Escape(title) + "\">\n";
  svg += "<text x=\"" + Num(kW / 2, 0) + "\" y=\"20\" text-anchor=\"middle\" class=\"title\">" +
         Escape(title) + "</text>\n";
  if (y_max <= 0) return svg + "<text x=\"80\" y=\"100\">no data</text></svg>\n";
  double lx_min = std::log2(x_min), lx_max = std::max(std::log2(x_max), lx_min + 1);
  double ly_min = std::floor(std::log10(y_min)), ly_max = std::ceil(std::log10(y_max));
  if (ly_max <= ly_min) ly_max = ly_min + 1;
  double plot_w = kW - kLeft - kRight, plot_h = kH - kTop - kBottom;
  auto px = [&](double x) { return kLeft + (std::log2(x) - lx_min) / (lx_max - lx_min) * plot_w; };
  auto py = [&](double y) {
    return kTop + plot_h - (std::log10(y) - ly_min) / (ly_max - ly_min) * plot_h;
  };
  // Grid: every decade labelled, 2× and 5× lines faint.
  for (double d = ly_min; d <= ly_max; ++d) {
    for (double m : {1.0, 2.0, 5.0}) {
      double y = m * std::pow(10, d);
      if (std::log10(y) > ly_max + 1e-9) break;
      std::string yy = Num(py(y), 1);
      svg += "<line x1=\"" + Num(kLeft, 0) + "\" x2=\"" + Num(kLeft + plot_w, 0) + "\" y1=\"" +
             yy + "\" y2=\"" + yy + "\" class=\"" + (m == 1 ? "grid" : "grid minor") + "\"/>\n";
      if (m == 1) {
        char label[32];
        if (y >= 1e6) {
          std::snprintf(label, sizeof label, "%gM", y / 1e6);
        } else if (y >= 1e3) {
          std::snprintf(label, sizeof label, "%gk", y / 1e3);
        } else {
          std::snprintf(label, sizeof label, "%g", y);
        }
        svg += "<text x=\"" + Num(kLeft - 6, 0) + "\" y=\"" + Num(py(y) + 4, 1) +
               "\" text-anchor=\"end\">" + label + "</text>\n";
      }
    }
  }
  std::vector<double> xs;
  for (const Series& s : series) {
    for (auto [x, y] : s.points) xs.push_back(x);
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  for (double x : xs) {
    svg += "<line x1=\"" + Num(px(x), 1) + "\" x2=\"" + Num(px(x), 1) + "\" y1=\"" +
           Num(kTop, 0) + "\" y2=\"" + Num(kTop + plot_h, 0) + "\" class=\"grid minor\"/>\n";
    svg += "<text x=\"" + Num(px(x), 1) + "\" y=\"" + Num(kTop + plot_h + 16, 0) +
           "\" text-anchor=\"middle\">" + Num(x, 0) + "</text>\n";
  }
  svg += "<rect x=\"" + Num(kLeft, 0) + "\" y=\"" + Num(kTop, 0) + "\" width=\"" +
         Num(plot_w, 0) + "\" height=\"" + Num(plot_h, 0) + "\" class=\"frame\"/>\n";
  svg += "<text x=\"" + Num(kLeft + plot_w / 2, 0) + "\" y=\"" + Num(kH - 12, 0) +
         "\" text-anchor=\"middle\">queue depth (log scale)</text>\n";
  svg += "<text transform=\"translate(18," + Num(kTop + plot_h / 2, 0) +
         ") rotate(-90)\" text-anchor=\"middle\">" + Escape(y_label) + " (log scale)</text>\n";
  for (size_t i = 0; i < series.size(); ++i) {
    const Series& s = series[i];
    std::string path;
    for (auto [x, y] : s.points) {
      if (y <= 0) continue;
      path += (path.empty() ? "" : " ") + Num(px(x), 1) + "," + Num(py(y), 1);
    }
    svg += "<polyline points=\"" + path + "\" fill=\"none\" stroke=\"" + s.color +
           "\" stroke-width=\"2\"/>\n";
    for (auto [x, y] : s.points) {
      if (y <= 0) continue;
      svg += "<circle cx=\"" + Num(px(x), 1) + "\" cy=\"" + Num(py(y), 1) + "\" r=\"3\" fill=\"" +
             s.color + "\"><title>" + Escape(s.name) + " QD" + Num(x, 0) + ": " +
             Num(y, y < 10 ? 2 : 0) + "</title></circle>\n";
    }
    double ly = kTop + 10 + double(i) * 20;
    double lx = kLeft + plot_w + 14;
    svg += "<line x1=\"" + Num(lx, 0) + "\" x2=\"" + Num(lx + 20, 0) + "\" y1=\"" + Num(ly, 0) +
           "\" y2=\"" + Num(ly, 0) + "\" stroke=\"" + s.color + "\" stroke-width=\"2\"/>\n";
    svg += "<text x=\"" + Num(lx + 26, 0) + "\" y=\"" + Num(ly + 4, 0) + "\">" + Escape(s.name) +
           "</text>\n";
  }
  return svg + "</svg>\n";
}

std::vector<Series> SeriesOf(const BenchResult& result, double RunResult::*metric) {
  std::vector<Series> all;
  for (const VariantResult& v : result.variants) {
    Series s{std::string(VariantName(v.variant)), ColorOf(v.variant), {}};
    for (const RunResult& r : v.runs) s.points.emplace_back(double(r.depth), r.*metric);
    all.push_back(std::move(s));
  }
  return all;
}

std::string MetricsTable(const BenchResult& result) {
  std::string t =
      "<table>\n<tr><th>variant</th><th>QD</th><th>IOPS</th><th>MiB/s</th><th>mean µs</th>"
      "<th>p50 µs</th><th>p99 µs</th><th>p99.9 µs</th><th>max µs</th><th>CPU µs/op</th>"
      "<th>CPU/wall</th><th>run-queue wait µs/op</th><th>vol. cs/op</th><th>invol. cs/op</th>"
      "<th>processes</th>"
      "<th>threads</th></tr>\n";
  for (const VariantResult& v : result.variants) {
    for (const RunResult& r : v.runs) {
      t += "<tr><td><span class=\"swatch\" style=\"background:" + std::string(ColorOf(v.variant)) +
           "\"></span>" + Escape(VariantName(v.variant)) + "</td><td>" +
           std::to_string(r.depth) + "</td><td>" + Num(r.iops, 0) + "</td><td>" +
           Num(r.mib_per_s, 1) + "</td><td>" + Num(r.mean_us, 1) + "</td><td>" +
           Num(r.p50_us, 1) + "</td><td>" + Num(r.p99_us, 1) + "</td><td>" + Num(r.p999_us, 1) +
           "</td><td>" + Num(r.max_us, 0) + "</td><td>" + Num(r.cpu_us_per_op, 2) + "</td><td>" +
           Num(r.cpu_utilization, 2) + "</td><td>" + Num(r.runqueue_wait_us_per_op, 2) +
           "</td><td>" + Num(r.voluntary_switches_per_op, 2) +
           "</td><td>" + Num(r.involuntary_switches_per_op, 2) + "</td><td>" +
           std::to_string(r.processes) + "</td><td>" + std::to_string(r.threads) +
           "</td></tr>\n";
    }
  }
  return t + "</table>\n";
}

std::string TargetsTable(const BenchResult& result) {
  std::string t =
      "<table>\n<tr><th>target</th><th>QD</th><th>ratio (dt-inline / other)</th>"
      "<th>needs</th><th></th></tr>\n";
  for (const Target& target : ComputeTargets(result)) {
    std::string ratio = target.ratio ? Num(*target.ratio, 3) : "not measured";
    t += "<tr><td>" + Escape(target.name) + "</td><td>" + std::to_string(target.depth) +
         "</td><td>" + ratio + "</td><td>" + Escape(target.relation) + " " +
         Num(target.threshold, target.threshold < 1 ? 1 : 0) + "</td><td class=\"" +
         (!target.ratio  ? "\">n/a"
          : target.pass() ? "pass\">pass"
                          : "miss\">miss") +
         "</td></tr>\n";
  }
  return t + "</table>\n";
}

}  // namespace

std::string ChartSvg(const BenchResult& result, Chart chart) {
  std::string svg = chart == Chart::kIops
                        ? LineChart("IOPS against queue depth", "IOPS",
                                    SeriesOf(result, &RunResult::iops))
                        : LineChart("p99 latency against queue depth", "p99 latency (µs)",
                                    SeriesOf(result, &RunResult::p99_us));
  // Standalone (a README shows it as an image): the page's chart styles inside the SVG.
  size_t open_end = svg.find('>');
  return svg.substr(0, open_end + 1) +
         "<style>text{font:12px system-ui,sans-serif}.title{font-weight:600;font-size:14px}"
         ".grid{stroke:#ccc}.minor{stroke:#eee}.frame{fill:none;stroke:#888}</style>"
         "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>" +
         svg.substr(open_end + 1);
}

std::string HtmlReport(const BenchResult& result) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<title>fdfkit: six-driver block stack, end to end</title>\n<style>\n"
      "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}\n"
      "table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #ccc;"
      "padding:3px 8px;text-align:right}\n"
      "td:first-child,th:first-child{text-align:left;white-space:nowrap}\n"
      "svg{margin:8px 16px 8px 0;background:#fff}svg text{font:12px system-ui,sans-serif}\n"
      "svg .title{font-weight:600;font-size:14px}.grid{stroke:#ccc}.minor{stroke:#eee}\n"
      ".frame{fill:none;stroke:#888}.pass{color:#1b7837;font-weight:600}"
      ".miss{color:#b2182b;font-weight:600}\n"
      ".swatch{display:inline-block;width:10px;height:10px;margin-right:6px}\n"
      "</style></head><body>\n<h1>Six-driver block stack, end to end</h1>\n";
  h += "<p>client → partition → block device → sdmmc core → sdmmc controller (RAM card); " +
       std::to_string(result.options.ops) + " measured ops after " +
       std::to_string(result.options.warmup) +
       " warm-up ops per variant and depth: random 4 KiB reads and writes (50/50), seed " +
       std::to_string(result.options.seed) + ". Machine: " +
       std::to_string(result.machine.nproc) + " CPUs, " + Escape(result.machine.cpu) + ", " +
       Escape(result.machine.kernel) + ". CPU time is every thread of every process involved "
       "(schedstat). Correctness: " +
       (result.ok() ? "every variant passed its checks." : "<b>a variant FAILED its checks</b>.") +
       "</p>\n<div>\n";
  h += LineChart("IOPS against queue depth", "IOPS", SeriesOf(result, &RunResult::iops));
  h += LineChart("p99 latency against queue depth", "p99 latency (µs)",
                 SeriesOf(result, &RunResult::p99_us));
  h += "</div>\n<h2>Every metric</h2>\n" + MetricsTable(result);
  h += "<h2>Targets</h2>\n" + TargetsTable(result);
  h += "<h2>Variants</h2>\n<dl>\n";
  for (const VariantResult& v : result.variants) {
    h += "<dt><b>" + Escape(VariantName(v.variant)) + "</b></dt><dd>" + Escape(v.description) +
         "<br>checks:<ul>";
    for (const std::string& entry : v.check_log) h += "<li>" + Escape(entry) + "</li>";
    h += "</ul></dd>\n";
  }
  return h + "</dl>\n</body></html>\n";
}

}  // namespace fdfkit::bench::e2e
