// What a plan must contain for an inventory, under the fixed semantics of issue 6: which
// protocols are cloned and deleted, which drivers are ported and lose their banjo variant, which
// (board, host) pairs switch, and the orderings between them. The planner, the verifier and the
// metrics all derive from this one reading of the inventory.
#ifndef FDFKIT_MIGRATE_PLAN_REQUIREMENTS_H_
#define FDFKIT_MIGRATE_PLAN_REQUIREMENTS_H_

#include <tuple>
#include <vector>

#include "migrate/plan/inventory.h"

namespace fdfkit::plan {

struct HostSwitch {
  int board;
  int host;  // index into Board::hosts
};

struct Requirements {
  std::vector<bool> clone;            // per protocol: status banjo
  std::vector<bool> delete_protocol;  // per protocol: status banjo or cloned
  std::vector<bool> port;             // per driver: status banjo
  std::vector<bool> delete_variant;   // per driver: status banjo or dual
  std::vector<HostSwitch> switches;   // every host holding a driver that is not ported
  std::vector<std::vector<int>> switches_of_driver;  // per driver: indices into `switches`
  // Per board, per host: index into `switches`, or -1 (already switched).
  std::vector<std::vector<int>> switch_of_host;
};

Requirements Require(const Inventory& inventory);

// The wave of every required action (0: not scheduled).
struct Schedule {
  std::vector<int> clone, port, delete_variant, delete_protocol;
  std::vector<int> switches;  // parallel to Requirements::switches
};

struct Metrics {
  int waves = 0;
  int duplication = 0;    // (board, driver, wave) with the driver's hosts on the board split
  int dual_lifetime = 0;  // Σ (wave of delete_variant − wave of port); dual drivers port at 0
  int switches = 0;
};

Metrics Measure(const Inventory& inventory, const Requirements& required,
                const Schedule& schedule);

// The planners' order: fewer waves, then less duplication, then a shorter dual-support lifetime.
inline bool Better(const Metrics& a, const Metrics& b) {
  return std::tie(a.waves, a.duplication, a.dual_lifetime) < std::tie(b.waves, b.duplication, b.dual_lifetime);
}

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_REQUIREMENTS_H_
