// The heuristic planner (framework-reference §5.3, adapted): fast at any size, and the exact
// planner's starting solution.
//
// Ports are ordered cluster by cluster (drivers joined by sharing a host anywhere; half-done
// clusters first, then the smallest). A list schedule over T waves fills each wave in that order,
// first taking what a capped team cannot leave for later (more ports or effort left than its
// capacity times the waves after this one). With unit ports and no effort budget this reaches the
// exact fewest waves, max(ceil(ports / N), max over teams ceil(team ports / cap)), at the first T
// tried. With effort the fewest waves is a bin-packing problem: T is tried from the lower bound
// upward (a few steps, then bisection up to a greedy schedule with no deadline, which always
// exists), and when effort is tight the largest ports go first. A clone that costs effort rides
// with the first port needing it, or goes earlier into room a wave has left. A local search then
// moves single ports next to their switch-group partners while capacity allows and the
// dual-support lifetime drops.
#ifndef FDFKIT_MIGRATE_PLAN_HEURISTIC_PLANNER_H_
#define FDFKIT_MIGRATE_PLAN_HEURISTIC_PLANNER_H_

#include <vector>

#include "migrate/plan/capacity.h"
#include "migrate/plan/derived_schedule.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::plan {

// The waves a planner chose; everything else is derived (derived_schedule.h).
struct WaveAssignment {
  std::vector<int> port;  // per driver: its port wave, 0 when it is not ported
  std::vector<int>
      clone;      // per protocol: a wave for clones that cost effort, else 0 (just in time)
  int waves = 0;  // the waves it was planned in (0: nothing to port)
};

// `waves_lower_bound` is the first wave count tried. Capacities must have passed CheckCapacities.
WaveAssignment PlanHeuristically(const Inventory& inventory, const Requirements& required,
                                 const SwitchGroups& groups, const Capacities& capacities,
                                 int waves_lower_bound);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_HEURISTIC_PLANNER_H_
