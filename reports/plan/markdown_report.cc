#include "reports/plan/markdown_report.h"

#include <sstream>

#include "reports/plan/html_report.h"

namespace fdfkit::report {
namespace {

// "█████░░░░░ 5/10": a bar that reads in any Markdown viewer.
std::string Bar(int done, int total) {
  int filled = total == 0 ? 10 : done * 10 / total;
  std::string bar;
  for (int i = 0; i < 10; ++i) bar += i < filled ? "█" : "░";
  return bar + " " + std::to_string(done) + "/" + std::to_string(total);
}

// Markdown table cells must not contain a bare pipe.
std::string Cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string FileName(const std::string& board) {
  std::string out;
  for (char c : board) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
  return out;
}

}  // namespace

std::string IndexMarkdown(const ReportModel& m, const std::string& source) {
  std::ostringstream o;
  o << "# Banjo → driver transport: migration plan\n\n" << source << "\n\nThe same report as one page: [report.html](report.html).\n\n"
    << "## Where the migration stands\n\n| metric | plan | proven lower bound | gap |\n|---|---:|---:|---:|\n";
  for (const MetricRow& row : MetricRows(m)) {
    o << "| " << row.name << " | " << row.value << " | " << row.bound << " | " << row.gap << " |\n";
  }
  o << "\n"
    << (m.certificate ? CertificateSummary(*m.certificate)
                      : std::string("No certificate: the plan does not say how it was found or proven."))
    << "\n\n"
    << "| progress | |\n|---|---|\n"
    << "| drivers with a driver-transport variant | " << Bar(m.drivers_done, m.drivers) << " |\n"
    << "| drivers without banjo | " << Bar(m.drivers_ported, m.drivers) << " |\n"
    << "| protocols cloned | " << Bar(m.protocols_cloned, m.protocols) << " |\n"
    << "| hosts switched | " << Bar(m.hosts_switched, m.hosts) << " |\n\n"
    << "## Wave timeline\n\n| wave | clone | port | switch | delete_variant | delete_protocol |\n|---:|---|---|---|---|---|\n";
  for (const WaveView& w : m.waves) {
    o << "| " << w.wave;
    for (const char* kind : kActionKinds) {
      o << " | ";
      auto it = w.actions.find(kind);
      if (it == w.actions.end()) continue;
      for (size_t i = 0; i < it->second.size(); ++i) o << (i ? ", " : "") << Cell(it->second[i]);
    }
    o << " |\n";
  }
  o << "\n## Workload per team\n\n| team | drivers | effort | ported or dual |";
  for (const WaveView& w : m.waves) o << " w" << w.wave << " |";
  o << "\n|---|---:|---:|---|";
  for (size_t i = 0; i < m.waves.size(); ++i) o << "---:|";
  o << "\n";
  for (const TeamView& t : m.teams) {
    o << "| " << Cell(t.team) << " | " << t.drivers << " | " << t.effort << " | " << Bar(t.ported, t.drivers) << " |";
    for (const WaveView& w : m.waves) {
      auto it = t.ports_by_wave.find(w.wave);
      o << " " << (it == t.ports_by_wave.end() ? "" : std::to_string(it->second)) << " |";
    }
    o << "\n";
  }
  o << "\n## Boards\n\n";
  for (const BoardView& board : m.boards) {
    o << "- [" << board.id << "](boards/" << FileName(board.id) << ".md): " << board.hosts.size() << " hosts, "
      << Bar(board.switched, static_cast<int>(board.hosts.size())) << " with nothing left to switch\n";
  }
  return o.str();
}

std::string BoardMarkdown(const BoardView& board) {
  std::ostringstream o;
  o << "# " << board.id << "\n\n[index](../index.md) · " << board.hosts.size() << " driver hosts\n";
  for (const HostView& h : board.hosts) {
    o << "\n## " << h.id << "\n\n"
      << (h.switch_wave > 0 ? "Switches in wave " + std::to_string(h.switch_wave) + "." : std::string("Nothing to switch."))
      << " Progress: " << Bar(h.done, static_cast<int>(h.drivers.size())) << " drivers ported or dual.\n\n"
      << "| driver | team | status | port | banjo variant deleted |\n|---|---|---|---:|---:|\n";
    for (const DriverView& d : h.drivers) {
      o << "| " << Cell(d.id) << (d.dual_binary ? " (dual binary)" : "") << " | " << Cell(d.team) << " | " << d.status
        << " | " << (d.port_wave ? "wave " + std::to_string(d.port_wave) : std::string("—")) << " | "
        << (d.delete_wave ? "wave " + std::to_string(d.delete_wave) : std::string("—")) << " |\n";
    }
    if (!h.edges.empty()) {
      o << "\nEdges:\n\n";
      for (const EdgeView& e : h.edges) {
        o << "- " << h.drivers[static_cast<size_t>(e.from)].id << " → " << h.drivers[static_cast<size_t>(e.to)].id << ": `"
          << e.protocol << "` (" << EdgeStateName(e.state) << ")\n";
      }
    }
    if (!h.service_edges.empty()) {
      o << "\nService edges (FIDL; nothing to migrate):\n\n";
      for (const ServiceEdgeView& e : h.service_edges) {
        o << "- " << e.from << " → " << e.to << ": `" << e.service << "` (" << e.transport;
        if (!e.other_host.empty()) o << ", " << (e.from_local < 0 ? "from" : "to") << " host " << e.other_host;
        o << ")\n";
      }
    }
    if (!h.blockers.empty()) {
      o << "\nBefore the switch:\n\n";
      for (const std::string& b : h.blockers) o << "- " << b << "\n";
    }
  }
  return o.str();
}

std::vector<ReportFile> RenderPlanReport(const ReportModel& model, const std::string& source) {
  std::vector<ReportFile> files;
  files.push_back({"index.md", IndexMarkdown(model, source)});
  for (const BoardView& board : model.boards) files.push_back({"boards/" + FileName(board.id) + ".md", BoardMarkdown(board)});
  files.push_back({"report.html", HtmlReport(model, source)});
  return files;
}

}  // namespace fdfkit::report
