// Everything in a plan but the ports (and, under an effort budget, the clones) follows from them:
// hosts that share a driver switch together, in the wave their last driver is ported; a driver's
// banjo variant goes when every host holding it has switched; a protocol goes when the last variant
// referencing it went; a clone that costs nothing comes just in time. The heuristic and the exact
// planner decide port waves and both derive the rest here, so their plans compare like for like.
#ifndef FDFKIT_MIGRATE_PLAN_DERIVED_SCHEDULE_H_
#define FDFKIT_MIGRATE_PLAN_DERIVED_SCHEDULE_H_

#include <initializer_list>
#include <vector>

#include "migrate/plan/inventory.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::plan {

// The hosts of one board that must switch in one wave to avoid duplication: joined by a driver
// that has a banjo variant and no dual binary. Switching a whole group in the wave its last driver
// is ported is possible for every choice of port waves, so duplication 0 never costs a wave. That
// holds while nothing limits when a board switches: board-switch gates or test-lane limits per wave
// (framework-reference §5.2, constraint 7) would trade duplication against waves, and the exact
// planner, which fixes duplication at 0 by this argument, would have to model switches too.
struct SwitchGroups {
  std::vector<int> group_of_switch;         // per required switch
  std::vector<std::vector<int>> ports;      // per group: drivers still to port in its hosts
  std::vector<std::vector<int>> retiring;   // per group: drivers whose banjo variant it retires
  std::vector<std::vector<int>> groups_of;  // per driver: the groups retiring it
};

SwitchGroups GroupSwitches(const Inventory& inventory, const Requirements& required);

// The schedule that `port` (per driver, 0 when not ported) and `clone` (per protocol: a fixed
// wave, or 0 for just in time) imply; empty waves are kept (see Compress).
Schedule Derive(const Inventory& inventory, const Requirements& required,
                const SwitchGroups& groups, const std::vector<int>& port,
                const std::vector<int>& clone);

// Drops empty waves, keeping the order of the rest.
void Compress(Schedule& schedule);

// Derive, then Compress: the plan `port` and `clone` make, as written out.
Schedule CompressedSchedule(const Inventory& inventory, const Requirements& required,
                            const SwitchGroups& groups, const std::vector<int>& port,
                            const std::vector<int>& clone);

// Renumbers the waves used across `lists` (0: not scheduled) 1, 2, ... in order; returns how many.
int DropEmptyWaves(std::initializer_list<std::vector<int>*> lists);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_DERIVED_SCHEDULE_H_
