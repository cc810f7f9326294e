// The wave planner (framework-reference §5.3, adapted to the fixed semantics of issue 6).
//
// A plan is port waves (and, under an effort budget, clone waves); everything else is derived
// (derived_schedule.h): switch groups switch whole, so duplication is always 0. Capacities per
// wave are counted in ports and in effort units (capacity.h). Planning computes the combinatorial
// lower bounds (lower_bounds.h) and runs the heuristic (heuristic_planner.h): list scheduling by
// cluster priority, wave counts tried from the bound up, then local search.
#ifndef FDFKIT_MIGRATE_PLAN_PLANNER_H_
#define FDFKIT_MIGRATE_PLAN_PLANNER_H_

#include <optional>

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
  Metrics lower_bound;
};

PlannedMigration PlanMigration(const Inventory& inventory, const Requirements& required,
                               const PlanOptions& options);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_PLANNER_H_
