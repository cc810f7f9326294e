// Lower bounds every plan meets under the capacities, proven without a solver (the exact planner
// may raise them; plan.json says which proved what):
//   waves — one wave when anything is to be done; ports over the per-wave count, per team over its
//     cap; and for effort, bin packing: Martello and Toth's L2 bound (items larger than half a
//     wave's budget need a wave each, and what is left over must fit in the rest) over the ports
//     and charged clones against --effort-per-wave, and over each team's ports against its budget;
//   dual_lifetime — one wave per driver already dual, plus, over disjoint switch groups, the waves
//     the group's ports must spread over: if at most m of them fit in one wave (by count, by
//     effort, per team), the i-th port from the group's last one waits at least floor(i / m).
// Duplication's bound is 0 and the switches are fixed by the inventory.
#ifndef FDFKIT_MIGRATE_PLAN_LOWER_BOUNDS_H_
#define FDFKIT_MIGRATE_PLAN_LOWER_BOUNDS_H_

#include <cstdint>
#include <vector>

#include "migrate/plan/capacity.h"
#include "migrate/plan/derived_schedule.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::plan {

// The L2 bound on the bins of `capacity` that items of `sizes` (each at most `capacity`) need.
int64_t BinPackingBound(std::vector<int64_t> sizes, int64_t capacity);

int WavesLowerBound(const Inventory& inventory, const Requirements& required,
                    const Capacities& capacities);

int LifetimeLowerBound(const Inventory& inventory, const Requirements& required,
                       const SwitchGroups& groups, const Capacities& capacities);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_LOWER_BOUNDS_H_
