// migrate-plan: the per-driver-host migration tracker (see migrate/README.md).
//   scan DIR [-o inventory.json] [--overlay FILE]                         inventory from a tree
//   plan INVENTORY [--ports-per-wave N] [--team-cap TEAM=N]... [--effort-per-wave E]
//        [--team-effort TEAM=E]... [--time-limit SECONDS] [--solver cbc|none] [-o DIR] [--tree DIR]
//        writes DIR/plan.json (with its certificate) and, for a scanned inventory, DIR/board-config/
//   report INVENTORY PLAN [-o DIR]      Markdown per board and one self-contained HTML page
//   verify INVENTORY PLAN [--ports-per-wave N] [--team-cap TEAM=N]... [--effort-per-wave E]
//          [--team-effort TEAM=E]...                                      lists violations
// Exit codes: 0 done (verify: no violation), 1 invalid input (verify: violations), 2 usage.
// This file only parses the command line; each subcommand is a function of
// migrate/plan/commands.h.
#include <CLI/CLI.hpp>

#include <cmath>
#include <iostream>
#include <map>
#include <string>

#include "migrate/plan/commands.h"
#include "migrate/plan/diagnostics.h"
#include "support/command_line.h"

namespace {

using namespace fdfkit::plan;

// TEAM=N: one '=', a team name before it and a whole number >= 0 after it. The whole value is
// checked, so "t=1=5" is an error rather than t=1 with the rest dropped. `bad` is the diagnostic
// naming the option (--team-cap: FDFPLAN003, --team-effort: 165); `digits` bounds the number.
CLI::Validator TeamValue(const fdfkit::support::DiagnosticDef<std::string_view>& bad, size_t digits,
                         const char* shape) {
  return CLI::Validator(
      [&bad, digits](std::string& value) -> std::string {
        size_t equals = value.find('=');
        std::string_view n = equals == std::string::npos ? "" : std::string_view(value).substr(equals + 1);
        bool ok = equals != std::string::npos && equals > 0 && !n.empty() && n.size() <= digits &&
                  n.find_first_not_of("0123456789") == std::string_view::npos;
        return ok ? "" : fdfkit::support::Make(bad, value).Text();
      },
      shape);
}

template <typename Number>
void AddTeamOption(CLI::App* command, const char* name, std::map<std::string, Number>* values,
                   const fdfkit::support::DiagnosticDef<std::string_view>& bad, size_t digits,
                   const char* shape, const char* help) {
  command
      ->add_option_function<std::vector<std::string>>(
          name,
          [values](const std::vector<std::string>& given) {
            for (const std::string& value : given) {  // a later TEAM=N for one team wins
              size_t equals = value.find('=');
              (*values)[value.substr(0, equals)] = static_cast<Number>(std::stoll(value.substr(equals + 1)));
            }
          },
          help)
      ->type_name(shape)
      ->check(TeamValue(bad, digits, shape));
}

// The capacities, shared by plan and verify.
void AddCapacities(CLI::App* command, PlanOptions* options) {
  command->add_option("--ports-per-wave", options->ports_per_wave, "ports per wave (0: unlimited)")
      ->check(CLI::NonNegativeNumber);
  AddTeamOption(command, "--team-cap", &options->team_cap, diag::kBadTeamCap, 9, "TEAM=N",
                "TEAM=N: ports per wave for one team (N >= 0)");
  command
      ->add_option("--effort-per-wave", options->effort_per_wave,
                   "effort units per wave: a port costs its driver's effort, a clone its protocol's "
                   "clone_effort (0: unlimited)")
      ->check(CLI::Range(int64_t{0}, int64_t{1000000000000}));
  AddTeamOption(command, "--team-effort", &options->team_effort, diag::kBadTeamEffort, 12, "TEAM=E",
                "TEAM=E: effort units per wave for one team's ports (E >= 0)");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"migrate-plan: plan and check the per-driver-host banjo migration"};
  app.require_subcommand(1);

  ScanCommand scan;
  CLI::App* scan_app = app.add_subcommand("scan", "build an inventory from a Fuchsia-style source tree");
  scan_app->add_option("tree", scan.tree, "root of the source tree")->required();
  scan_app->add_option("-o,--out", scan.out, "inventory file to write");
  scan_app->add_option("--overlay", scan.overlay, "fdfkit-scan-overlay/1 file: what the scan cannot see");

  PlanCommand plan;
  CLI::App* plan_app = app.add_subcommand("plan", "plan waves of clones, ports, switches, deletions");
  plan_app->add_option("inventory", plan.inventory, "inventory JSON")->required();
  AddCapacities(plan_app, &plan.options);
  plan_app
      ->add_option("--time-limit", plan.options.time_limit_seconds,
                   "seconds the exact planner may spend, all stages together (0: heuristic only)")
      ->check(CLI::Range(0.0, 86400.0))
      ->check(CLI::Validator(
          [](std::string& text) {  // Range lets "nan" through
            return std::isfinite(std::strtod(text.c_str(), nullptr)) ? std::string() : "not a number of seconds";
          },
          "FINITE"));
  plan_app
      ->add_option_function<std::string>(
          "--solver",
          [&plan](const std::string& name) {
            plan.options.solver = name == "none" ? SolverChoice::kNone : SolverChoice::kCbc;
          },
          "the exact planner's solver: cbc (the default), or none (the heuristic's plan only)")
      ->check(CLI::IsMember({"cbc", "none"}));
  plan_app->add_option("-o,--out", plan.out_dir, "output directory (plan.json, board-config/)");
  plan_app->add_option("--tree", plan.tree, "where the scanned tree is now (default: the scan's root)");

  ReportCommand report;
  CLI::App* report_app = app.add_subcommand("report", "Markdown and HTML report of a plan");
  report_app->add_option("inventory", report.inventory, "inventory JSON")->required();
  report_app->add_option("plan", report.plan, "plan JSON")->required();
  report_app->add_option("-o,--out", report.out_dir, "report directory");

  VerifyCommand verify;
  CLI::App* verify_app = app.add_subcommand("verify", "check a plan against an inventory");
  verify_app->add_option("inventory", verify.inventory, "inventory JSON")->required();
  verify_app->add_option("plan", verify.plan, "plan JSON")->required();
  AddCapacities(verify_app, &verify.options);

  if (std::optional<int> exit_code = fdfkit::support::ParseCommandLine(app, argc, argv)) {
    return *exit_code;
  }
  if (scan_app->parsed()) return RunScan(scan, std::cout, std::cerr);
  if (plan_app->parsed()) return RunPlan(plan, std::cout, std::cerr);
  if (report_app->parsed()) return RunReport(report, std::cout, std::cerr);
  return RunVerify(verify, std::cout, std::cerr);
}
