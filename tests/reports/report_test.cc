// The report renderer: template substitution, the report model (edge states, blockers, progress),
// host diagrams and the Markdown/HTML pages built from them.
#include <gtest/gtest.h>

#include <regex>

#include "reports/plan/host_diagram.h"
#include "reports/plan/html_report.h"
#include "reports/plan/markdown_report.h"
#include "reports/plan/report_model.h"
#include "reports/template.h"

namespace fdfkit::report {
namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(Template, SubstitutesAndRefusesUnknownPlaceholders) {
  EXPECT_EQ(RenderTemplate("a {{x}} b {{y}}{{x}}", {{"x", "1"}, {"y", "<2>"}}), "a 1 b <2>1");
  EXPECT_THROW(RenderTemplate("{{missing}}", {}), TemplateError);
  EXPECT_THROW(RenderTemplate("{{open", {{"open", ""}}), TemplateError);
  EXPECT_EQ(EscapeHtml("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}

// Board b: host b/h1 = {impl (banjo), core (dual)}, host b/h2 = {leaf (ported), chan (ported)},
// host b/h3 = {impl}: impl sits in two hosts of one board.
plan::Inventory Tiny() {
  plan::InventoryLoad load = plan::ParseInventory(R"({
    "schema": "fdfkit-inventory/1",
    "protocols": [{"id": "p.impl", "transport": "driver"}, {"id": "p.chan", "transport": "channel", "status": "cloned"}],
    "drivers": [
      {"id": "impl", "team": "t1", "effort": 2, "status": "banjo", "serves": ["p.impl"]},
      {"id": "core", "team": "t1", "status": "dual", "consumes": ["p.impl"]},
      {"id": "leaf", "team": "t2", "status": "ported", "serves": ["p.chan"]},
      {"id": "chan<x>", "team": "t2", "status": "ported", "consumes": ["p.chan"]}],
    "boards": [{"id": "b", "hosts": [
      {"id": "b/h1", "drivers": ["impl", "core"]},
      {"id": "b/h2", "drivers": ["leaf", "chan<x>"]},
      {"id": "b/h3", "drivers": ["impl"]}]}],
    "edges": [{"from": "impl", "to": "core", "protocol": "p.impl"},
              {"from": "leaf", "to": "chan<x>", "protocol": "p.chan", "board": "b"}]})");
  EXPECT_TRUE(load.errors.empty()) << load.errors[0].Text();
  return *load.inventory;
}

ReportModel TinyModel(const plan::Inventory& inv) {
  plan::Requirements required = plan::Require(inv);
  plan::Schedule s;
  s.clone = {1, 0};
  s.port = {2, 0, 0, 0};
  s.switches = {3, 3};  // b/h1 and b/h3 (b/h2 has nothing left to switch)
  s.delete_variant = {3, 3, 0, 0};
  s.delete_protocol = {4, 4};
  return BuildReportModel(inv, required, s, plan::Measure(inv, required, s), std::nullopt);
}

TEST(ReportModel, EdgeStatesBlockersAndProgress) {
  plan::Inventory inv = Tiny();
  ReportModel m = TinyModel(inv);
  ASSERT_EQ(m.boards.size(), 1u);
  const BoardView& b = m.boards[0];
  ASSERT_EQ(b.hosts.size(), 3u);
  EXPECT_EQ(b.switched, 1);
  EXPECT_EQ(m.hosts_switched, 1);
  EXPECT_EQ(m.hosts, 3);
  EXPECT_EQ(m.drivers_done, 3);
  EXPECT_EQ(m.drivers_ported, 2);
  EXPECT_EQ(m.protocols_cloned, 1);
  const HostView& h1 = b.hosts[0];
  EXPECT_EQ(h1.switch_wave, 3);
  EXPECT_EQ(h1.done, 1);
  ASSERT_EQ(h1.edges.size(), 1u);
  EXPECT_EQ(h1.edges[0].state, EdgeState::kBanjo);  // impl speaks only banjo today
  EXPECT_EQ(h1.blockers, (std::vector<std::string>{"clone p.impl (wave 1)", "port impl (wave 2, team t1)",
                                                   "switches with b/h3 (shares impl)"}));
  const HostView& h2 = b.hosts[1];
  EXPECT_EQ(h2.switch_wave, 0);
  ASSERT_EQ(h2.edges.size(), 1u);
  EXPECT_EQ(h2.edges[0].state, EdgeState::kChannel);
  EXPECT_TRUE(h2.blockers.empty());
  ASSERT_EQ(m.waves.size(), 4u);
  EXPECT_EQ(m.waves[2].actions.at("switch"), (std::vector<std::string>{"b/h1", "b/h3"}));
  EXPECT_EQ(m.waves[1].ports_by_team.at("t1"), 1);
  ASSERT_EQ(m.teams.size(), 2u);
  EXPECT_EQ(m.teams[0].effort, 3);
  EXPECT_EQ(m.teams[0].ports_by_wave.at(2), 1);
}

TEST(HostDiagram, BoxPerDriverArrowPerEdgeEscaped) {
  plan::Inventory inv = Tiny();
  ReportModel m = TinyModel(inv);
  std::string h1 = HostDiagramSvg(m.boards[0].hosts[0]);
  EXPECT_EQ(Count(h1, "<rect"), 2u);
  EXPECT_EQ(Count(h1, "<line"), 1u);
  EXPECT_NE(h1.find("class=\"edge edge-banjo\""), std::string::npos);
  EXPECT_NE(h1.find("banjo · port w2"), std::string::npos);
  // The server sits above its consumer.
  std::regex rect_y("data-driver=\"(\\w+)\"><rect x=\"\\d+\" y=\"(\\d+)\"");
  std::map<std::string, int> y;
  for (std::sregex_iterator it(h1.begin(), h1.end(), rect_y), end; it != end; ++it) y[(*it)[1]] = std::stoi((*it)[2]);
  EXPECT_LT(y.at("impl"), y.at("core"));
  std::string h2 = HostDiagramSvg(m.boards[0].hosts[1]);
  EXPECT_NE(h2.find("data-driver=\"chan&lt;x&gt;\""), std::string::npos);
  EXPECT_EQ(h2.find("chan<x>"), std::string::npos);
  EXPECT_NE(h2.find("edge-channel"), std::string::npos);
}

TEST(PlanReport, MarkdownAndHtmlCoverEveryHost) {
  plan::Inventory inv = Tiny();
  std::vector<ReportFile> files = RenderPlanReport(TinyModel(inv), "tiny");
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].path, "index.md");
  EXPECT_EQ(files[1].path, "boards/b.md");
  EXPECT_EQ(files[2].path, "report.html");
  const std::string& board = files[1].text;
  EXPECT_NE(board.find("## b/h1\n\nSwitches in wave 3. Progress: █████░░░░░ 1/2 drivers ported or dual.\n"), std::string::npos);
  EXPECT_NE(board.find("| impl | t1 | banjo | wave 2 | wave 3 |\n"), std::string::npos);
  EXPECT_NE(board.find("- impl → core: `p.impl` (banjo)\n"), std::string::npos);
  EXPECT_NE(board.find("## b/h2\n\nNothing to switch."), std::string::npos);
  EXPECT_NE(files[0].text.find("| 3 |  |  | b/h1, b/h3 | impl, core |  |\n"), std::string::npos);
  EXPECT_NE(files[0].text.find("| hosts switched | ███░░░░░░░ 1/3 |"), std::string::npos);
  const std::string& html = files[2].text;
  for (const char* host : {"b/h1", "b/h2", "b/h3"}) {
    EXPECT_NE(html.find(std::string("data-host=\"") + host + "\""), std::string::npos) << host;
  }
  EXPECT_EQ(Count(html, "class=\"host-diagram\""), 3u);
  EXPECT_EQ(html.find("{{"), std::string::npos);
  EXPECT_EQ(html.find("http://www.w3.org/2000/svg\" width") == std::string::npos, false);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);  // self-contained
}

// The metric table: value, proven bound and gap per objective; the certificate's sentences below
// it, in Markdown and HTML. Without one the table still shows the plan's stated bounds.
TEST(PlanReport, CertificateBesideTheMetrics) {
  plan::Inventory inv = Tiny();
  ReportModel m = TinyModel(inv);  // 4 waves
  m.lower_bound = plan::Metrics{3, 0, 1, 2};
  EXPECT_EQ(MetricRows(m)[0].bound, "3");
  EXPECT_EQ(MetricRows(m)[0].gap, "25.0 %");
  plan::Certificate c;
  c.status = plan::PlanStatus::kFeasible;
  c.found_by = "solver";
  c.solver = "cbc";
  c.solver_version = "2.10.8";
  c.seconds = 10.02;
  c.time_limit = 10;
  c.note = "the time limit (10 s) ran out before cbc proved its plan optimal";
  c.objectives = {{"waves", m.metrics.waves, m.metrics.waves, "combinatorial", {}, {{3, "infeasible", 0.5}}},
                  {"duplication", 0, 0, "whole switch groups", {{"waves", m.metrics.waves}}, {}},
                  {"dual_lifetime", m.metrics.dual_lifetime, 1, "solver",
                   {{"waves", m.metrics.waves}, {"duplication", 0}}, {}}};
  m.certificate = c;
  std::vector<MetricRow> rows = MetricRows(m);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].bound, std::to_string(m.metrics.waves));  // the certificate's bound wins
  EXPECT_EQ(rows[0].gap, "0 %");
  EXPECT_EQ(rows[2].bound, "1");
  EXPECT_EQ(rows[3].gap, "fixed");
  std::string md = IndexMarkdown(m, "tiny");
  EXPECT_NE(md.find("| metric | plan | proven lower bound | gap |\n"), std::string::npos);
  EXPECT_NE(md.find("| waves | 4 | 4 | 0 % |\n"), std::string::npos) << md;
  EXPECT_NE(md.find("| dual-support lifetime (driver-waves) | " + std::to_string(m.metrics.dual_lifetime) + " | 1 | " +
                    rows[2].gap + " |\n"),
            std::string::npos);
  EXPECT_NE(md.find("Certificate: feasible — the time limit (10 s) ran out before cbc proved its plan optimal. "
                    "The plan is the solver's; cbc 2.10.8 ran 10.02 s of a 10 s limit. 3 waves: infeasible "
                    "(0.50 s)."),
            std::string::npos)
      << md;
  std::string html = HtmlReport(m, "tiny");
  EXPECT_NE(html.find("<p class=\"certificate status-feasible\">Certificate: feasible —"), std::string::npos);
  EXPECT_NE(html.find("<th class=\"num\">gap</th>"), std::string::npos);

  m.certificate.reset();
  m.lower_bound.reset();
  md = IndexMarkdown(m, "tiny");
  EXPECT_NE(md.find("| waves | 4 | — | — |\n"), std::string::npos) << md;
  EXPECT_NE(md.find("No certificate: the plan does not say how it was found or proven."), std::string::npos);
}

}  // namespace
}  // namespace fdfkit::report
