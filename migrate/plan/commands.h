// The migrate-plan subcommands (see migrate/README.md) as library functions. Each takes its
// parsed command line, prints results to `out` and diagnostics to `err`, and returns the exit
// code; cli/main.cc only parses options and calls one of them. Files are written atomically and
// only once every input is known to be valid, so a failed command leaves nothing behind (plan:
// the board-config updates are computed before plan.json is written).
#ifndef FDFKIT_MIGRATE_PLAN_COMMANDS_H_
#define FDFKIT_MIGRATE_PLAN_COMMANDS_H_

#include <ostream>
#include <string>

#include "migrate/plan/planner.h"

namespace fdfkit::plan {

inline constexpr int kExitDone = 0;     // verify: the plan is valid
inline constexpr int kExitInvalid = 1;  // invalid input; verify and report: a plan with violations
inline constexpr int kExitUsage = 2;    // a malformed command line (reported by the CLI parser)

// scan TREE [-o inventory.json] [--overlay FILE]
struct ScanCommand {
  std::string tree;                    // root of the source tree
  std::string overlay = "";            // fdfkit-scan-overlay/1 file; "": none
  std::string out = "inventory.json";  // the inventory to write
};

// plan INVENTORY [--ports-per-wave N] [--team-cap TEAM=N]... [-o DIR] [--tree DIR]
struct PlanCommand {
  std::string inventory;
  PlanOptions options = {};
  std::string out_dir = ".";  // DIR/plan.json, and DIR/board-config/ for a scanned inventory
  std::string tree = "";      // where the scanned tree is now; "": the scan's root
};

// verify INVENTORY PLAN [--ports-per-wave N] [--team-cap TEAM=N]...
struct VerifyCommand {
  std::string inventory;
  std::string plan = "";
  PlanOptions options = {};
};

// report INVENTORY PLAN [-o DIR]
struct ReportCommand {
  std::string inventory;
  std::string plan = "";
  std::string out_dir = ".";  // DIR/index.md, DIR/boards/<board>.md, DIR/report.html
};

int RunScan(const ScanCommand& command, std::ostream& out, std::ostream& err);
int RunPlan(const PlanCommand& command, std::ostream& out, std::ostream& err);
// Violations go to `out`: they are verify's result, not a failure to run.
int RunVerify(const VerifyCommand& command, std::ostream& out, std::ostream& err);
int RunReport(const ReportCommand& command, std::ostream& out, std::ostream& err);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_COMMANDS_H_
