// migrate-plan: the per-driver-host migration tracker (see migrate/README.md).
//   scan DIR [-o inventory.json] [--overlay FILE]                         inventory from a tree
//   plan INVENTORY [--ports-per-wave N] [--team-cap TEAM=N]... [-o DIR] [--tree DIR]
//        writes DIR/plan.json and, for a scanned inventory, DIR/board-config/
//   report INVENTORY PLAN [-o DIR]      Markdown per board and one self-contained HTML page
//   verify INVENTORY PLAN [--ports-per-wave N] [--team-cap TEAM=N]...    lists violations
// Exit codes: 0 done (verify: no violation), 1 invalid input (verify: violations), 2 usage.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "support/atomic_write.h"
#include "support/read_file.h"
#include "migrate/plan/board_config.h"
#include "reports/plan/markdown_report.h"
#include "reports/plan/report_model.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/plan_json.h"
#include "migrate/plan/planner.h"
#include "migrate/plan/requirements.h"
#include "migrate/plan/scan/scanner.h"
#include "migrate/plan/verifier.h"

namespace {

using namespace fdfkit::plan;

constexpr int kInvalid = 1;
constexpr int kUsage = 2;

// The inventory, or the problems printed and std::nullopt.
InventoryLoad Load(const std::string& path) {
  InventoryLoad load = LoadInventory(path);
  for (const InventoryError& e : load.errors) {
    std::cerr << path << ": " << e.path << ": " << e.message << "\n";
  }
  return load;
}

// TEAM=N pairs into the options; false (with a message) on a malformed one.
bool ParseTeamCaps(const std::vector<std::string>& caps, PlanOptions* options) {
  for (const std::string& cap : caps) {
    size_t eq = cap.rfind('=');
    int value = -1;
    if (eq != std::string::npos && eq > 0) {
      try {
        size_t used = 0;
        value = std::stoi(cap.substr(eq + 1), &used);
        if (used != cap.size() - eq - 1) value = -1;
      } catch (...) {
        value = -1;
      }
    }
    if (value < 0) {
      std::cerr << "migrate-plan: --team-cap expects TEAM=N with N >= 0, got \"" << cap << "\"\n";
      return false;
    }
    options->team_cap[cap.substr(0, eq)] = value;
  }
  return true;
}

void PrintMetrics(const Metrics& m, const Metrics& bound) {
  std::cout << "  waves         " << m.waves << "  (lower bound " << bound.waves << ")\n"
            << "  duplication   " << m.duplication << "  (lower bound " << bound.duplication << ")\n"
            << "  dual_lifetime " << m.dual_lifetime << "  (lower bound " << bound.dual_lifetime
            << ")\n"
            << "  switches      " << m.switches << "  (fixed by the inventory)\n";
}

// Findings carry paths relative to the tree root; print them relative to where the user is.
std::string Located(const std::string& root, fdfkit::plan::scan::ScanFinding finding, const char* kind) {
  if (!finding.file.empty()) finding.file = (std::filesystem::path(root) / finding.file).string();
  return finding.Text(kind);
}

int Scan(const std::string& root, const std::string& overlay_path, const std::string& out_path) {
  std::string overlay_text;
  if (!overlay_path.empty()) {
    std::optional<std::string> text = fdfkit::support::ReadFile(overlay_path);
    if (!text) {
      std::cerr << overlay_path << ": error: cannot read\n";
      return kInvalid;
    }
    overlay_text = *text;
  }
  fdfkit::plan::scan::ScanRulesLoad rules = fdfkit::plan::scan::LoadScanRules(overlay_text, overlay_path);
  for (const InventoryError& e : rules.errors) std::cerr << e.path << ": error: " << e.message << "\n";
  if (!rules.rules) return kInvalid;
  fdfkit::plan::scan::ScanResult result = fdfkit::plan::scan::ScanTree(root, *rules.rules, rules.overlay);
  for (const auto& f : result.unresolved) std::cerr << Located(root, f, "unresolved") << "\n";
  for (const auto& f : result.errors) std::cerr << Located(root, f, "error") << "\n";
  if (!result.errors.empty()) {
    std::cerr << "migrate-plan: " << result.errors.size() << " error(s); nothing written\n";
    return kInvalid;
  }
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(out_path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec || !fdfkit::support::WriteFileAtomically(out_path, result.inventory.dump(2) + "\n")) {
    std::cerr << "migrate-plan: cannot write " << out_path << "\n";
    return kInvalid;
  }
  size_t hosts = 0;
  for (const auto& board : result.inventory["boards"]) hosts += board["hosts"].size();
  std::cout << "wrote " << out_path << ": " << result.inventory["drivers"].size() << " drivers, "
            << result.inventory["protocols"].size() << " banjo protocols, "
            << result.inventory["boards"].size() << " boards, " << hosts << " hosts, "
            << result.unresolved.size() << " unresolved (listed in $.scan.unresolved)\n";
  return 0;
}

// The board-config updates of a scanned inventory, and the tree they apply to.
struct BoardConfigPlan {
  BoardConfig config;
  std::string tree;
};

// DIR/board-config/: updates.json plus one diff per switch that changes a board file.
bool WriteBoardConfig(const BoardConfig& config, const std::string& tree, const std::string& out_dir) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(out_dir) / "board-config";
  std::vector<std::string> diff_files;
  int diffs = 0;
  for (const BoardConfigUpdate& u : config.updates) {
    if (u.kind != "switch" || u.diff.empty()) {
      diff_files.emplace_back();
      continue;
    }
    char wave[16];
    std::snprintf(wave, sizeof wave, "wave-%02d", u.wave);
    std::string name = u.subject;
    for (char& c : name) c = (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    std::string relative = std::string(wave) + "/switch-" + name + ".diff";
    std::error_code ec;
    fs::create_directories(dir / wave, ec);
    if (ec || !fdfkit::support::WriteFileAtomically((dir / relative).string(), u.diff)) {
      std::cerr << "migrate-plan: cannot write " << (dir / relative).string() << "\n";
      return false;
    }
    diff_files.push_back(relative);
    ++diffs;
  }
  std::string index = (dir / "updates.json").string();
  if (!fdfkit::support::WriteFileAtomically(index, BoardConfigJson(config, tree, diff_files).dump(2) + "\n")) {
    std::cerr << "migrate-plan: cannot write " << index << "\n";
    return false;
  }
  std::cout << "wrote " << index << " (" << diffs << " board-file diffs)\n";
  return true;
}

std::optional<Metrics> StatedLowerBounds(const std::string& plan_text) {
  nlohmann::json plan = nlohmann::json::parse(plan_text, nullptr, false);
  if (!plan.is_object() || !plan.contains("lower_bounds") || !plan["lower_bounds"].is_object()) return std::nullopt;
  const nlohmann::json& b = plan["lower_bounds"];
  Metrics m;
  m.waves = b.value("waves", 0);
  m.duplication = b.value("duplication", 0);
  m.dual_lifetime = b.value("dual_lifetime", 0);
  m.switches = b.value("switches", 0);
  return m;
}

int Report(const Inventory& inventory, const Requirements& required, const std::string& plan_path,
           const std::string& plan_text, const std::string& out_dir) {
  PlanRead read = ReadPlanJson(plan_text, inventory, required);
  // Capacities are not known here; every other rule must hold before the plan is drawn.
  std::vector<std::string> violations = VerifyPlan(inventory, required, read, PlanOptions{});
  for (const std::string& v : violations) std::cerr << plan_path << ": " << v << "\n";
  if (!violations.empty()) {
    std::cerr << "migrate-plan: the plan is not valid for this inventory; no report written\n";
    return kInvalid;
  }
  Metrics metrics = read.metrics.value_or(Measure(inventory, required, read.schedule));
  fdfkit::report::ReportModel model = fdfkit::report::BuildReportModel(
      inventory, required, read.schedule, metrics, StatedLowerBounds(plan_text));
  std::string source = "Inventory and plan: " + std::filesystem::path(plan_path).filename().string() +
                       " (" + std::to_string(inventory.drivers.size()) + " drivers, " +
                       std::to_string(inventory.protocols.size()) + " protocols, " +
                       std::to_string(inventory.boards.size()) + " boards)";
  for (const fdfkit::report::ReportFile& file : fdfkit::report::RenderPlanReport(model, source)) {
    std::filesystem::path path = std::filesystem::path(out_dir) / file.path;
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec || !fdfkit::support::WriteFileAtomically(path.string(), file.text)) {
      std::cerr << "migrate-plan: cannot write " << path.string() << "\n";
      return kInvalid;
    }
  }
  std::cout << "wrote " << (std::filesystem::path(out_dir) / "index.md").string() << " and "
            << (std::filesystem::path(out_dir) / "report.html").string() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"migrate-plan: plan and check the per-driver-host banjo migration"};
  app.require_subcommand(1);
  std::string inventory_path, plan_path, out_dir = ".", tree, overlay, scan_out = "inventory.json";
  int ports_per_wave = 0;
  std::vector<std::string> caps;

  CLI::App* scan = app.add_subcommand("scan", "build an inventory from a Fuchsia-style source tree");
  scan->add_option("tree", tree, "root of the source tree")->required();
  scan->add_option("-o,--out", scan_out, "inventory file to write");
  scan->add_option("--overlay", overlay, "fdfkit-scan-overlay/1 file: what the scan cannot see");

  CLI::App* plan = app.add_subcommand("plan", "plan waves of clones, ports, switches, deletions");
  plan->add_option("inventory", inventory_path, "inventory JSON")->required();
  plan->add_option("--ports-per-wave", ports_per_wave, "ports per wave (0: unlimited)")
      ->check(CLI::NonNegativeNumber);
  plan->add_option("--team-cap", caps, "TEAM=N: ports per wave for one team");
  plan->add_option("-o,--out", out_dir, "output directory (plan.json, board-config/)");
  std::string tree_override;
  plan->add_option("--tree", tree_override, "where the scanned tree is now (default: the scan's root)");

  CLI::App* report = app.add_subcommand("report", "Markdown and HTML report of a plan");
  report->add_option("inventory", inventory_path, "inventory JSON")->required();
  report->add_option("plan", plan_path, "plan JSON")->required();
  report->add_option("-o,--out", out_dir, "report directory");

  CLI::App* verify = app.add_subcommand("verify", "check a plan against an inventory");
  verify->add_option("inventory", inventory_path, "inventory JSON")->required();
  verify->add_option("plan", plan_path, "plan JSON")->required();
  verify->add_option("--ports-per-wave", ports_per_wave, "ports per wave (0: unlimited)")
      ->check(CLI::NonNegativeNumber);
  verify->add_option("--team-cap", caps, "TEAM=N: ports per wave for one team");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kUsage;
  }
  if (scan->parsed()) return Scan(tree, overlay, scan_out);
  PlanOptions options;
  options.ports_per_wave = ports_per_wave;
  if (!ParseTeamCaps(caps, &options)) return kUsage;
  InventoryLoad load = Load(inventory_path);
  if (!load.inventory) return kInvalid;
  const std::optional<Inventory>& inventory = load.inventory;
  Requirements required = Require(*inventory);

  if (plan->parsed()) {
    PlannedMigration planned = PlanMigration(*inventory, required, options);
    if (!planned.error.empty()) {
      std::cerr << "migrate-plan: " << planned.error << "\n";
      return kInvalid;
    }
    // Board-config updates are computed before anything is written: a failure leaves no output.
    std::optional<BoardConfigPlan> board_config;
    if (HasScanSection(load.document)) {
      std::string tree = tree_override.empty() ? load.document["scan"].value("root", ".") : tree_override;
      board_config = BoardConfigPlan{PlanBoardConfig(load.document, *inventory, required, planned.schedule, tree), tree};
      for (const std::string& e : board_config->config.errors) std::cerr << "migrate-plan: board config: " << e << "\n";
      if (!board_config->config.errors.empty()) return kInvalid;
    }
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    std::string path = (std::filesystem::path(out_dir) / "plan.json").string();
    std::string text = WritePlanJson(*inventory, required, planned.schedule, planned.metrics,
                                     planned.lower_bound);
    if (ec || !fdfkit::support::WriteFileAtomically(path, text)) {
      std::cerr << "migrate-plan: cannot write " << path << "\n";
      return kInvalid;
    }
    std::cout << "wrote " << path << "\n";
    PrintMetrics(planned.metrics, planned.lower_bound);
    if (board_config && !WriteBoardConfig(board_config->config, board_config->tree, out_dir)) return kInvalid;
    return 0;
  }

  std::optional<std::string> text = fdfkit::support::ReadFile(plan_path);
  if (!text) {
    std::cerr << "migrate-plan: cannot read " << plan_path << "\n";
    return kInvalid;
  }
  if (report->parsed()) return Report(*inventory, required, plan_path, *text, out_dir);
  PlanRead read = ReadPlanJson(*text, *inventory, required);
  std::vector<std::string> violations = VerifyPlan(*inventory, required, read, options);
  for (const std::string& v : violations) std::cout << plan_path << ": " << v << "\n";
  if (!violations.empty()) {
    std::cout << violations.size() << " violation" << (violations.size() == 1 ? "" : "s") << "\n";
    return kInvalid;
  }
  std::cout << plan_path << ": valid\n";
  return 0;
}
