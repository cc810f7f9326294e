#include "migrate/waves/waves_report.h"

#include "reports/template.h"

namespace fdfkit::waves {

// Embedded from reports/templates/waves.html by CMake (migrate/waves/CMakeLists.txt).
extern const char kWavesHtmlTemplate[];

namespace {

using report::EscapeHtml;

std::string Link(const std::string& href, const std::string& text) {
  if (href.empty()) return EscapeHtml(text);
  return "<a href=\"" + EscapeHtml(href) + "\">" + EscapeHtml(text) + "</a>";
}

std::string StateCell(const HostStatus& h, bool ran) {
  return "<td class=\"" + std::string(ran ? h.state : "notrun") + "\">" + EscapeHtml(h.label) +
         (ran ? "" : " (not run)") + "</td>";
}

std::string StateTable(const RunResult& result) {
  std::string html = "<table>\n<tr><th>board</th><th>host</th><th>start</th>";
  for (const WaveResult& w : result.waves) {
    html += "<th><a href=\"#wave-" + std::to_string(w.wave) + "\">wave " + std::to_string(w.wave) +
            "</a></th>";
  }
  html += "</tr>\n";
  for (size_t h = 0; h < result.start.size(); ++h) {
    html += "<tr><td>" + EscapeHtml(result.start[h].board) + "</td><td>" +
            EscapeHtml(result.start[h].host) + "</td>" + StateCell(result.start[h], true);
    for (const WaveResult& w : result.waves) {
      if (h < w.hosts.size()) html += StateCell(w.hosts[h], w.ran);
    }
    html += "</tr>\n";
  }
  return html + "</table>";
}

std::string Wave(const WaveResult& w) {
  std::string status = !w.ran ? "not run" : w.green ? "green" : "FAILED";
  std::string cls = !w.ran ? "notrun" : w.green ? "green" : "failed";
  std::string html = "<section class=\"wave " + cls + "\" id=\"wave-" + std::to_string(w.wave) +
                     "\">\n<h2>Wave " + std::to_string(w.wave) + ": " + status + "</h2>\n";
  if (!w.failure.empty()) html += "<p class=\"fail\">" + EscapeHtml(w.failure) + "</p>\n";
  html += "<p>Actions:</p><ul>";
  for (const std::string& a : w.actions) html += "<li><code>" + EscapeHtml(a) + "</code></li>";
  html += "</ul>\n";
  if (!w.diffs.empty()) {
    html += "<p>Board-config diffs:</p><ul>";
    for (const AppliedDiff& d : w.diffs) {
      html += "<li>" + Link(d.copy, d.source) + " (" + EscapeHtml(d.board + " " + d.host) + "): " +
              (d.applied ? "<span class=\"pass\">applied</span>"
                         : "<span class=\"fail\">does not apply</span> " + EscapeHtml(d.reason)) +
              " · " + Link(d.log, "patch output") + "</li>";
    }
    html += "</ul>\n";
  }
  if (!w.source_diffs.empty()) {
    html += "<p>Driver sources rewritten:</p><ul>";
    for (const SourceDiff& s : w.source_diffs) {
      html += "<li>" + Link(s.file, s.driver + " (" + s.mode + ")") + "</li>";
    }
    html += "</ul>\n";
  }
  for (const BoardResult& b : w.boards) {
    html += "<h3>" + EscapeHtml(b.board) + ": " +
            (b.passed() ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">fail</span>") +
            "</h3>\n<p>" + Link(b.board_json, "board file") + " · " + Link(b.events, "event log") +
            " · " + Link(b.boot_log, "boot log") + "</p>\n";
    if (!b.variants.empty()) {
      html += "<p>Variants: ";
      for (size_t i = 0; i < b.variants.size(); ++i) {
        html += (i ? ", " : "") + std::string("<code>") + EscapeHtml(b.variants[i]) + "</code>";
      }
      html += "</p>\n";
    }
    html += "<table><tr><th>check</th><th>result</th><th>details</th></tr>\n";
    for (const CheckResult& c : b.checks) {
      html += "<tr><td>" + EscapeHtml(c.name) + "</td><td class=\"" + (c.passed ? "pass" : "fail") +
              "\">" + (c.passed ? "pass" : "fail") + "</td><td>" + EscapeHtml(c.reason) + "</td></tr>\n";
    }
    html += "</table>\n";
  }
  return html + "</section>\n";
}

}  // namespace

std::string RenderWavesReport(const WaveInputs& inputs, const RunResult& result) {
  std::string summary;
  int ran = 0;
  for (const WaveResult& w : result.waves) ran += w.ran ? 1 : 0;
  if (result.start_failed) {
    summary = "<span class=\"fail\">The start failed</span>: " + EscapeHtml(result.failure) +
              ". No wave ran; there is no <code>tree/</code>.";
  } else if (!result.output_error.empty()) {
    summary = "<span class=\"fail\">An output could not be written</span>: " +
              EscapeHtml(result.output_error) + ". The tree is left at wave " +
              std::to_string(result.last_green) + " (<code>tree/</code>).";
  } else if (result.failed_wave > 0) {
    summary = "<span class=\"fail\">Wave " + std::to_string(result.failed_wave) +
              " failed</span>: " + EscapeHtml(result.failure) + ". The tree is left at wave " +
              std::to_string(result.last_green) + " (<code>tree/</code>).";
  } else {
    summary = "<span class=\"pass\">All " + std::to_string(ran) +
              " waves green</span>; <code>tree/</code> is the tree after wave " +
              std::to_string(result.last_green) + ".";
  }
  std::string waves;
  for (const WaveResult& w : result.waves) waves += Wave(w);
  return report::RenderTemplate(
      kWavesHtmlTemplate,
      {{"title", "Banjo → driver transport: waves booted"},
       {"source", EscapeHtml("plan " + inputs.options.plan + " · tree " + inputs.options.tree +
                             " · drivers " + inputs.options.drivers)},
       {"summary", summary},
       {"state_table", StateTable(result)},
       {"waves", waves}});
}

}  // namespace fdfkit::waves
