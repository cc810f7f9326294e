// The wave planner (framework-reference §5.3, adapted to the fixed semantics of issue 6).
//
// Ports are unit jobs under a global and per-team capacity per wave, and every other action may
// share a wave with what it waits for. So the fewest waves is exactly
// max(ceil(ports / N), max over teams ceil(ports of team / cap)), and a list schedule that keeps
// the remaining ports feasible wave by wave reaches it. Within that:
//   - duplication: on each board, hosts that share a driver without a dual binary form a switch
//     group and switch together, in the wave their last driver is ported: never duplicated;
//   - dual-support lifetime: drivers are ported cluster by cluster (drivers joined by sharing a
//     host anywhere), smallest first, and a local search then moves single ports next to their
//     partners while capacity and the wave count allow.
#ifndef FDFKIT_MIGRATE_PLAN_PLANNER_H_
#define FDFKIT_MIGRATE_PLAN_PLANNER_H_

#include <map>
#include <optional>
#include <string>

#include "migrate/plan/diagnostics.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::plan {

struct PlanOptions {
  int ports_per_wave = 0;               // 0: unlimited
  std::map<std::string, int> team_cap = {};  // ports per wave for a team (absent: no cap)
};

struct PlannedMigration {
  // Set when no plan exists (a team with work but no capacity).
  std::optional<support::Diagnostic> error;
  Schedule schedule;
  Metrics metrics;
  Metrics lower_bound;
};

PlannedMigration PlanMigration(const Inventory& inventory, const Requirements& required,
                               const PlanOptions& options);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_PLANNER_H_
