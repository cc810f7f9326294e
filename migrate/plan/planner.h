// The wave planner (framework-reference §5.3, adapted to the fixed semantics of issue 6), with a
// certificate of how good its plan is (issue 23).
//
// A plan is port waves (and, under an effort budget, clone waves); everything else is derived
// (derived_schedule.h): switch groups switch whole, so duplication is always 0. Capacities per
// wave are counted in ports and in effort units (capacity.h). Planning runs:
//   1. the combinatorial lower bounds (lower_bounds.h) and the heuristic (heuristic_planner.h):
//      list scheduling by cluster priority, wave counts tried from the bound up, local search;
//   2. unless the heuristic's plan already meets the bounds, the exact planner (exact_planner.h):
//      a mixed-integer program solved by CBC in lexicographic stages (waves, duplication,
//      lifetime) from the heuristic's plan, within --time-limit, on inventories whose program
//      stays under a size limit. Its plan replaces the heuristic's only when lexicographically
//      better, and its bounds raise the combinatorial ones;
//   3. the certificate (certificate.h): per objective the value, the proven bound, the gap, and
//      the status optimal / feasible / heuristic with a note saying why.
// Without a solver (absent from the build, --solver none, too large, no time) the heuristic's plan
// is given with its combinatorial bounds — never nothing.
#ifndef FDFKIT_MIGRATE_PLAN_PLANNER_H_
#define FDFKIT_MIGRATE_PLAN_PLANNER_H_

#include <optional>

#include "migrate/plan/certificate.h"
#include "migrate/plan/diagnostics.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/plan_options.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::plan {

struct PlannedMigration {
  // Set when no plan exists (a team with work but no capacity, a port or clone over a budget).
  std::optional<support::Diagnostic> error;
  Schedule schedule;
  Metrics metrics;
  Metrics lower_bound;  // proven; duplication's and lifetime's given the earlier objectives
  Certificate certificate;
};

PlannedMigration PlanMigration(const Inventory& inventory, const Requirements& required,
                               const PlanOptions& options);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_PLANNER_H_
