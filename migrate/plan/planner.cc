#include "migrate/plan/planner.h"

#include "migrate/plan/capacity.h"
#include "migrate/plan/derived_schedule.h"
#include "migrate/plan/heuristic_planner.h"
#include "migrate/plan/lower_bounds.h"

namespace fdfkit::plan {

PlannedMigration PlanMigration(const Inventory& inventory, const Requirements& required,
                               const PlanOptions& options) {
  PlannedMigration out;
  Capacities capacities(inventory, options);
  if (std::optional<support::Diagnostic> error = CheckCapacities(inventory, required, capacities)) {
    out.error = std::move(error);
    return out;
  }
  SwitchGroups groups = GroupSwitches(inventory, required);
  int waves_bound = WavesLowerBound(inventory, required, capacities);
  WaveAssignment heuristic = PlanHeuristically(inventory, required, groups, capacities, waves_bound);
  out.schedule = Derive(inventory, required, groups, heuristic.port, heuristic.clone);
  Compress(out.schedule);
  out.metrics = Measure(inventory, required, out.schedule);
  out.lower_bound.waves = waves_bound;
  out.lower_bound.duplication = 0;
  out.lower_bound.dual_lifetime = LifetimeLowerBound(inventory, required, groups, capacities);
  out.lower_bound.switches = static_cast<int>(required.switches.size());
  return out;
}

}  // namespace fdfkit::plan
