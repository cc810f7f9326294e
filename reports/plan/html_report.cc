#include "reports/plan/html_report.h"

#include <algorithm>
#include <sstream>

#include "reports/plan/host_diagram.h"
#include "reports/template.h"

namespace fdfkit::report {

// Embedded from reports/templates by CMake.
extern const char kReportHtmlTemplate[];
extern const char kReportCss[];
extern const char kReportJs[];

namespace {

std::string ProgressRow(const std::string& what, int done, int total) {
  int percent = total == 0 ? 100 : done * 100 / total;
  std::ostringstream o;
  o << "<div>" << EscapeHtml(what) << "</div><div class=\"bar\" role=\"progressbar\" aria-valuenow=\"" << percent
    << "\" aria-valuemin=\"0\" aria-valuemax=\"100\"><span style=\"width:" << percent << "%\"></span></div><div>"
    << done << " / " << total << " (" << percent << "%)</div>";
  return o.str();
}

std::string Summary(const ReportModel& m) {
  std::ostringstream o;
  o << "<table class=\"metrics\"><tr><th>metric</th><th class=\"num\">plan</th><th class=\"num\">proven lower "
       "bound</th><th class=\"num\">gap</th></tr>";
  for (const MetricRow& row : MetricRows(m)) {
    o << "<tr><td>" << EscapeHtml(row.name) << "</td><td class=\"num\">" << row.value << "</td><td class=\"num\">"
      << EscapeHtml(row.bound) << "</td><td class=\"num\">" << EscapeHtml(row.gap) << "</td></tr>";
  }
  o << "</table>";
  if (m.certificate) {
    o << "<p class=\"certificate status-" << plan::PlanStatusName(m.certificate->status) << "\">"
      << EscapeHtml(CertificateSummary(*m.certificate)) << "</p>";
  } else {
    o << "<p class=\"certificate\">No certificate: the plan does not say how it was found or proven.</p>";
  }
  o << "<div class=\"progress\">"
    << ProgressRow("drivers with a driver-transport variant", m.drivers_done, m.drivers)
    << ProgressRow("drivers without banjo", m.drivers_ported, m.drivers)
    << ProgressRow("protocols cloned", m.protocols_cloned, m.protocols)
    << ProgressRow("hosts switched", m.hosts_switched, m.hosts) << "</div>";
  return o.str();
}

std::string Timeline(const ReportModel& m) {
  std::ostringstream o;
  // Stacked bars: one column per wave, one band per action kind.
  size_t most = 1;
  for (const WaveView& w : m.waves) {
    size_t total = 0;
    for (auto& [kind, list] : w.actions) total += list.size();
    most = std::max(most, total);
  }
  const int column = 56, chart_height = 160, top = 10;
  int width = 40 + column * static_cast<int>(std::max<size_t>(m.waves.size(), 1));
  o << "<svg class=\"timeline-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\""
    << chart_height + 40 << "\" role=\"img\"><title>actions per wave</title>";
  for (size_t i = 0; i < m.waves.size(); ++i) {
    const WaveView& w = m.waves[i];
    int x = 40 + static_cast<int>(i) * column, y = top + chart_height;
    for (const char* kind : kActionKinds) {
      auto it = w.actions.find(kind);
      if (it == w.actions.end()) continue;
      int h = static_cast<int>(it->second.size() * static_cast<size_t>(chart_height) / most);
      y -= h;
      o << "<rect class=\"" << kind << "\" x=\"" << x << "\" y=\"" << y << "\" width=\"" << column - 12
        << "\" height=\"" << h << "\"><title>wave " << w.wave << ": " << it->second.size() << " " << kind
        << "</title></rect>";
    }
    o << "<text x=\"" << x + (column - 12) / 2 << "\" y=\"" << top + chart_height + 16
      << "\" text-anchor=\"middle\">w" << w.wave << "</text>";
  }
  o << "</svg><div class=\"legend\">";
  for (const char* kind : kActionKinds) o << "<span class=\"kind-" << kind << "\">■ " << kind << "</span> ";
  o << "</div><table><tr><th>wave</th>";
  for (const char* kind : kActionKinds) o << "<th>" << kind << "</th>";
  o << "</tr>";
  for (const WaveView& w : m.waves) {
    o << "<tr data-wave=\"" << w.wave << "\"><td class=\"num\">" << w.wave << "</td>";
    for (const char* kind : kActionKinds) {
      auto it = w.actions.find(kind);
      o << "<td>";
      if (it != w.actions.end()) {
        o << "<details><summary>" << it->second.size() << "</summary>";
        for (const std::string& s : it->second) o << EscapeHtml(s) << "<br>";
        o << "</details>";
      }
      o << "</td>";
    }
    o << "</tr>";
  }
  o << "</table>";
  return o.str();
}

std::string Teams(const ReportModel& m) {
  std::ostringstream o;
  o << "<table><tr><th>team</th><th class=\"num\">drivers</th><th class=\"num\">effort</th><th>progress</th>";
  for (const WaveView& w : m.waves) o << "<th class=\"num\">w" << w.wave << "</th>";
  o << "</tr>";
  for (const TeamView& t : m.teams) {
    int percent = t.drivers == 0 ? 100 : t.ported * 100 / t.drivers;
    o << "<tr data-team=\"" << EscapeHtml(t.team) << "\"><td>" << EscapeHtml(t.team) << "</td><td class=\"num\">"
      << t.drivers << "</td><td class=\"num\">" << t.effort << "</td><td><div class=\"bar\"><span style=\"width:"
      << percent << "%\"></span></div>" << t.ported << " / " << t.drivers << " ported or dual</td>";
    for (const WaveView& w : m.waves) {
      auto it = t.ports_by_wave.find(w.wave);
      o << "<td class=\"num\">" << (it == t.ports_by_wave.end() ? "" : std::to_string(it->second)) << "</td>";
    }
    o << "</tr>";
  }
  o << "</table>";
  return o.str();
}

// Anchors come from positions, not ids: ids that differ only in punctuation must not collide.
std::string Host(const HostView& h, const std::string& anchor) {
  std::string search = h.board + " " + h.id;
  for (const DriverView& d : h.drivers) search += " " + d.id;
  std::transform(search.begin(), search.end(), search.begin(), [](unsigned char c) { return std::tolower(c); });
  std::ostringstream o;
  int percent = h.drivers.empty() ? 100 : h.done * 100 / static_cast<int>(h.drivers.size());
  o << "<section class=\"host\" id=\"" << anchor << "\" data-host=\"" << EscapeHtml(h.id)
    << "\" data-search=\"" << EscapeHtml(search) << "\"><h4>" << EscapeHtml(h.id) << "</h4><div class=\"meta\">"
    << (h.switch_wave > 0 ? "switches in wave " + std::to_string(h.switch_wave) : std::string("nothing to switch"))
    << " · " << h.done << " / " << h.drivers.size() << " drivers ported or dual</div><div class=\"bar\"><span style=\"width:"
    << percent << "%\"></span></div>" << HostDiagramSvg(h);
  if (!h.service_edges.empty()) {
    o << "<div class=\"meta\">service edges (FIDL, nothing to migrate):</div><ul class=\"service-edges\">";
    for (const ServiceEdgeView& e : h.service_edges) {
      o << "<li class=\"service-" << EscapeHtml(e.transport) << "\">" << EscapeHtml(e.from) << " → " << EscapeHtml(e.to)
        << ": <code>" << EscapeHtml(e.service) << "</code> (" << EscapeHtml(e.transport);
      if (!e.other_host.empty()) {
        o << ", " << (e.from_local < 0 ? "from" : "to") << " host " << EscapeHtml(e.other_host);
      }
      o << ")</li>";
    }
    o << "</ul>";
  }
  if (!h.blockers.empty()) {
    o << "<div class=\"meta\">before the switch:</div><ul class=\"blockers\">";
    for (const std::string& b : h.blockers) o << "<li>" << EscapeHtml(b) << "</li>";
    o << "</ul>";
  }
  o << "</section>";
  return o.str();
}

std::string Boards(const ReportModel& m) {
  std::ostringstream o;
  for (size_t bi = 0; bi < m.boards.size(); ++bi) {
    const BoardView& b = m.boards[bi];
    o << "<section class=\"board\" id=\"board-" << bi << "\" data-board=\"" << EscapeHtml(b.id) << "\"><h3>"
      << EscapeHtml(b.id) << "</h3><p class=\"meta\">" << b.hosts.size() << " hosts, " << b.switched
      << " with nothing left to switch</p><div class=\"hosts\">";
    for (size_t hi = 0; hi < b.hosts.size(); ++hi) {
      o << Host(b.hosts[hi], "host-" + std::to_string(bi) + "-" + std::to_string(hi));
    }
    o << "</div></section>";
  }
  return o.str();
}

}  // namespace

std::string HtmlReport(const ReportModel& model, const std::string& source) {
  std::string nav = "<a href=\"#summary\">summary</a><a href=\"#timeline\">timeline</a><a href=\"#teams\">teams</a>";
  for (size_t i = 0; i < model.boards.size(); ++i) {
    nav += "<a href=\"#board-" + std::to_string(i) + "\">" + EscapeHtml(model.boards[i].id) + "</a>";
  }
  return RenderTemplate(kReportHtmlTemplate, {{"title", "Banjo → driver transport: migration plan"},
                                              {"source", EscapeHtml(source)},
                                              {"nav", nav},
                                              {"css", kReportCss},
                                              {"script", kReportJs},
                                              {"summary", Summary(model)},
                                              {"timeline", Timeline(model)},
                                              {"teams", Teams(model)},
                                              {"boards", Boards(model)}});
}

}  // namespace fdfkit::report
