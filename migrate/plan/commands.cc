#include "migrate/plan/commands.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <vector>

#include "migrate/plan/board_config.h"
#include "migrate/plan/diagnostics.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/plan_json.h"
#include "migrate/plan/requirements.h"
#include "migrate/plan/scan/scanner.h"
#include "migrate/plan/verifier.h"
#include "reports/plan/markdown_report.h"
#include "reports/plan/report_model.h"
#include "support/atomic_write.h"
#include "support/read_file.h"

namespace fdfkit::plan {
namespace {

namespace fs = std::filesystem;

// A diagnostic of the tool itself, about no input's contents: "migrate-plan: error: [...] ...".
template <typename... Args>
void ReportToolError(std::ostream& err, const support::DiagnosticDef<Args...>& def,
                     const std::type_identity_t<Args>&... args) {
  err << "migrate-plan: " << support::Make(def, args...).Text() << "\n";
}

// Writes `text` to `path` atomically, creating its directory; false (reported) on failure.
bool WriteOutput(const fs::path& path, const std::string& text, std::ostream& err) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec || !support::WriteFileAtomically(path.string(), text)) {
    ReportToolError(err, diag::kCannotWriteFile, path.string());
    return false;
  }
  return true;
}

// The inventory at `path`; its problems are printed as `path: $.json.path: error: [...] ...`.
InventoryLoad Load(const std::string& path, std::ostream& err) {
  InventoryLoad load = LoadInventory(path);
  for (const JsonDiagnostic& e : load.errors) err << path << ": " << e.Text() << "\n";
  return load;
}

void PrintMetrics(const PlannedMigration& planned, std::ostream& out) {
  const Metrics& m = planned.metrics;
  const Metrics& bound = planned.lower_bound;
  const Certificate& c = planned.certificate;
  out << "  waves         " << m.waves << "  (lower bound " << bound.waves << ")\n"
      << "  duplication   " << m.duplication << "  (lower bound " << bound.duplication << ")\n"
      << "  dual_lifetime " << m.dual_lifetime << "  (lower bound " << bound.dual_lifetime << ")\n"
      << "  switches      " << m.switches << "  (fixed by the inventory)\n"
      << "  certificate   " << PlanStatusName(c.status);
  for (const ObjectiveBound& o : c.objectives) {
    if (o.value != o.bound) out << ", " << o.objective << " gap " << static_cast<int>(o.Gap() * 100 + 0.5) << "%";
  }
  if (!c.solver.empty()) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", c.seconds);
    out << " (" << c.solver << " " << c.solver_version << ", " << seconds << " s)";
  }
  out << ": " << c.note << "\n";
}

// wave-NN/switch-<host>.diff: the host id made safe for a file name.
std::string DiffFileName(const BoardConfigUpdate& update) {
  char wave[16];
  std::snprintf(wave, sizeof wave, "wave-%02d", update.wave);
  std::string name = update.subject;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  }
  return std::string(wave) + "/switch-" + name + ".diff";
}

// DIR/board-config/: one diff per switch that changes a board file, then updates.json naming
// them.
bool WriteBoardConfig(const BoardConfig& config, const std::string& tree, const std::string& out_dir,
                      std::ostream& out, std::ostream& err) {
  fs::path dir = fs::path(out_dir) / "board-config";
  std::vector<std::string> diff_files;
  int diffs = 0;
  for (const BoardConfigUpdate& u : config.updates) {
    if (u.kind != "switch" || u.diff.empty()) {
      diff_files.emplace_back();
      continue;
    }
    std::string relative = DiffFileName(u);
    if (!WriteOutput(dir / relative, u.diff, err)) return false;
    diff_files.push_back(relative);
    ++diffs;
  }
  fs::path index = dir / "updates.json";
  if (!WriteOutput(index, BoardConfigJson(config, tree, diff_files).dump(2) + "\n", err)) return false;
  out << "wrote " << index.string() << " (" << diffs << " board-file diffs)\n";
  return true;
}

// The lower bounds a plan file states, for the report (absent in hand-written plans).
std::optional<Metrics> StatedLowerBounds(const nlohmann::json& plan) {
  if (!plan.is_object() || !plan.contains("lower_bounds") || !plan["lower_bounds"].is_object()) {
    return std::nullopt;
  }
  const nlohmann::json& b = plan["lower_bounds"];
  Metrics m;
  m.waves = b.value("waves", 0);
  m.duplication = b.value("duplication", 0);
  m.dual_lifetime = b.value("dual_lifetime", 0);
  m.switches = b.value("switches", 0);
  return m;
}

}  // namespace

int RunScan(const ScanCommand& command, std::ostream& out, std::ostream& err) {
  std::string overlay_text;
  if (!command.overlay.empty()) {
    std::optional<std::string> text = support::ReadFile(command.overlay);
    if (!text) {
      ReportToolError(err, diag::kCannotReadFile, command.overlay);
      return kExitInvalid;
    }
    overlay_text = *text;
  }
  scan::ScanRulesLoad rules = scan::LoadScanRules(overlay_text, command.overlay);
  for (const JsonDiagnostic& e : rules.errors) err << e.Text() << "\n";
  if (!rules.rules) return kExitInvalid;
  scan::ScanResult result = scan::ScanTree(command.tree, *rules.rules, rules.overlay);
  // Findings name files relative to the tree; print them relative to where the user is.
  for (const FileDiagnostic& f : result.unresolved) err << f.Text(command.tree) << "\n";
  for (const FileDiagnostic& f : result.errors) err << f.Text(command.tree) << "\n";
  if (!result.errors.empty()) {
    err << "migrate-plan: " << result.errors.size() << " error(s); nothing written\n";
    return kExitInvalid;
  }
  if (!WriteOutput(command.out, result.inventory.dump(2) + "\n", err)) return kExitInvalid;
  size_t hosts = 0;
  for (const auto& board : result.inventory["boards"]) hosts += board["hosts"].size();
  out << "wrote " << command.out << ": " << result.inventory["drivers"].size() << " drivers, "
      << result.inventory["protocols"].size() << " banjo protocols, "
      << result.inventory["boards"].size() << " boards, " << hosts << " hosts, "
      << result.inventory["edges"].size() << " banjo edges, "
      << result.inventory.value("service_edges", nlohmann::json::array()).size()
      << " service edges, " << result.unresolved.size()
      << " unresolved (listed in $.scan.unresolved)\n";
  return kExitDone;
}

int RunPlan(const PlanCommand& command, std::ostream& out, std::ostream& err) {
  InventoryLoad load = Load(command.inventory, err);
  if (!load.inventory) return kExitInvalid;
  const Inventory& inventory = *load.inventory;
  Requirements required = Require(inventory);
  PlannedMigration planned = PlanMigration(inventory, required, command.options);
  if (planned.error) {
    err << "migrate-plan: " << planned.error->Text() << "\n";
    return kExitInvalid;
  }
  // Board-config updates are computed before anything is written: a failure leaves no output.
  std::optional<BoardConfig> board_config;
  std::string tree;
  if (HasScanSection(load.document)) {
    tree = command.tree.empty() ? load.document["scan"].value("root", ".") : command.tree;
    board_config = PlanBoardConfig(load.document, inventory, required, planned.schedule, tree);
    for (const FileDiagnostic& e : board_config->errors) err << "migrate-plan: board config: " << e.Text() << "\n";
    if (!board_config->errors.empty()) return kExitInvalid;
  }
  fs::path path = fs::path(command.out_dir) / "plan.json";
  std::string text = WritePlanJson(inventory, required, planned.schedule, planned.metrics, planned.lower_bound,
                                   &planned.certificate);
  if (!WriteOutput(path, text, err)) return kExitInvalid;
  out << "wrote " << path.string() << "\n";
  PrintMetrics(planned, out);
  if (board_config && !WriteBoardConfig(*board_config, tree, command.out_dir, out, err)) return kExitInvalid;
  return kExitDone;
}

int RunVerify(const VerifyCommand& command, std::ostream& out, std::ostream& err) {
  InventoryLoad load = Load(command.inventory, err);
  if (!load.inventory) return kExitInvalid;
  Requirements required = Require(*load.inventory);
  std::optional<std::string> text = support::ReadFile(command.plan);
  if (!text) {
    ReportToolError(err, diag::kCannotReadFile, command.plan);
    return kExitInvalid;
  }
  PlanRead read = ReadPlanJson(*text, *load.inventory, required);
  std::vector<JsonDiagnostic> violations = VerifyPlan(*load.inventory, required, read, command.options);
  for (const JsonDiagnostic& v : violations) out << command.plan << ": " << v.Text() << "\n";
  if (!violations.empty()) {
    out << violations.size() << " violation" << (violations.size() == 1 ? "" : "s") << "\n";
    return kExitInvalid;
  }
  out << command.plan << ": valid\n";
  return kExitDone;
}

int RunReport(const ReportCommand& command, std::ostream& out, std::ostream& err) {
  InventoryLoad load = Load(command.inventory, err);
  if (!load.inventory) return kExitInvalid;
  const Inventory& inventory = *load.inventory;
  Requirements required = Require(inventory);
  std::optional<std::string> text = support::ReadFile(command.plan);
  if (!text) {
    ReportToolError(err, diag::kCannotReadFile, command.plan);
    return kExitInvalid;
  }
  PlanRead read = ReadPlanJson(*text, inventory, required);
  // Capacities are not known here; every other rule must hold before the plan is drawn.
  std::vector<JsonDiagnostic> violations = VerifyPlan(inventory, required, read, PlanOptions{});
  if (!violations.empty()) {
    ReportToolError(err, diag::kPlanNotValidForReport);
    for (const JsonDiagnostic& v : violations) err << command.plan << ": " << v.Text() << "\n";
    return kExitInvalid;
  }
  Metrics metrics = read.metrics.value_or(Measure(inventory, required, read.schedule));
  nlohmann::json plan = nlohmann::json::parse(*text, nullptr, false);
  report::ReportModel model = report::BuildReportModel(inventory, required, read.schedule, metrics,
                                                       StatedLowerBounds(plan), ReadCertificate(plan));
  std::string source = "Inventory and plan: " + fs::path(command.plan).filename().string() + " (" +
                       std::to_string(inventory.drivers.size()) + " drivers, " +
                       std::to_string(inventory.protocols.size()) + " protocols, " +
                       std::to_string(inventory.boards.size()) + " boards)";
  for (const report::ReportFile& file : report::RenderPlanReport(model, source)) {
    if (!WriteOutput(fs::path(command.out_dir) / file.path, file.text, err)) return kExitInvalid;
  }
  out << "wrote " << (fs::path(command.out_dir) / "index.md").string() << " and "
      << (fs::path(command.out_dir) / "report.html").string() << "\n";
  return kExitDone;
}

}  // namespace fdfkit::plan
