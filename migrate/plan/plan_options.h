// What `migrate-plan plan` and `verify` are told besides the inventory: the capacities every wave
// must respect (counted in ports and in effort units) and, for planning only, how hard to look for
// a provably best plan.
#ifndef FDFKIT_MIGRATE_PLAN_PLAN_OPTIONS_H_
#define FDFKIT_MIGRATE_PLAN_PLAN_OPTIONS_H_

#include <cstdint>
#include <map>
#include <string>

namespace fdfkit::plan {

// The solver the exact planner may use: COIN-OR CBC (when fdfkit was built with it) or none.
enum class SolverChoice { kCbc, kNone };

struct PlanOptions {
  int ports_per_wave = 0;                    // 0: unlimited
  std::map<std::string, int> team_cap = {};  // ports per wave for a team (absent: no cap)
  // Effort units per wave: a port costs its driver's `effort`, a clone its protocol's
  // `clone_effort` (0: unlimited). Team budgets count the effort of the team's ports.
  int64_t effort_per_wave = 0;
  std::map<std::string, int64_t> team_effort = {};  // absent: no budget
  // Planning only: the exact planner's solver, its time budget (all stages together) and the
  // largest program it builds, in binary variables (bigger inventories keep the heuristic plan).
  SolverChoice solver = SolverChoice::kCbc;
  double time_limit_seconds = 10;
  int64_t max_binaries = 250000;
};

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_PLAN_OPTIONS_H_
