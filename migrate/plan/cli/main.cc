// migrate-plan: the per-driver-host migration tracker (see migrate/README.md).
//   plan INVENTORY [--ports-per-wave N] [--team-cap TEAM=N]... [-o DIR]   writes DIR/plan.json
//   verify INVENTORY PLAN [--ports-per-wave N] [--team-cap TEAM=N]...    lists violations
// Exit codes: 0 done (verify: no violation), 1 invalid input (verify: violations), 2 usage.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "idl/atomic_write.h"
#include "plan/inventory.h"
#include "plan/plan_json.h"
#include "plan/planner.h"
#include "plan/requirements.h"
#include "plan/verifier.h"

namespace {

using namespace fdfkit::plan;

constexpr int kInvalid = 1;
constexpr int kUsage = 2;

std::optional<Inventory> Load(const std::string& path) {
  InventoryLoad load = LoadInventory(path);
  for (const InventoryError& e : load.errors) {
    std::cerr << path << ": " << e.path << ": " << e.message << "\n";
  }
  return std::move(load.inventory);
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"migrate-plan: plan and check the per-driver-host banjo migration"};
  app.require_subcommand(1);
  std::string inventory_path, plan_path, out_dir = ".";
  int ports_per_wave = 0;
  std::vector<std::string> caps;

  CLI::App* plan = app.add_subcommand("plan", "plan waves of clones, ports, switches, deletions");
  plan->add_option("inventory", inventory_path, "inventory JSON")->required();
  plan->add_option("--ports-per-wave", ports_per_wave, "ports per wave (0: unlimited)")
      ->check(CLI::NonNegativeNumber);
  plan->add_option("--team-cap", caps, "TEAM=N: ports per wave for one team");
  plan->add_option("-o,--out", out_dir, "output directory (plan.json)");

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
  PlanOptions options;
  options.ports_per_wave = ports_per_wave;
  if (!ParseTeamCaps(caps, &options)) return kUsage;
  std::optional<Inventory> inventory = Load(inventory_path);
  if (!inventory) return kInvalid;
  Requirements required = Require(*inventory);

  if (plan->parsed()) {
    PlannedMigration planned = PlanMigration(*inventory, required, options);
    if (!planned.error.empty()) {
      std::cerr << "migrate-plan: " << planned.error << "\n";
      return kInvalid;
    }
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    std::string path = (std::filesystem::path(out_dir) / "plan.json").string();
    std::string text = WritePlanJson(*inventory, required, planned.schedule, planned.metrics,
                                     planned.lower_bound);
    if (ec || !fdf_idl::WriteFileAtomically(path, text)) {
      std::cerr << "migrate-plan: cannot write " << path << "\n";
      return kInvalid;
    }
    std::cout << "wrote " << path << "\n";
    PrintMetrics(planned.metrics, planned.lower_bound);
    return 0;
  }

  std::ifstream in(plan_path, std::ios::binary);
  if (!in) {
    std::cerr << "migrate-plan: cannot read " << plan_path << "\n";
    return kInvalid;
  }
  std::stringstream text;
  text << in.rdbuf();
  PlanRead read = ReadPlanJson(text.str(), *inventory, required);
  std::vector<std::string> violations = VerifyPlan(*inventory, required, read, options);
  for (const std::string& v : violations) std::cout << plan_path << ": " << v << "\n";
  if (!violations.empty()) {
    std::cout << violations.size() << " violation" << (violations.size() == 1 ? "" : "s") << "\n";
    return kInvalid;
  }
  std::cout << plan_path << ": valid\n";
  return 0;
}
