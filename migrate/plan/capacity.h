// Capacities per wave (framework-reference §5.2, constraint 7; issue 23), read once for the
// heuristic, the exact planner, the lower bounds and the verifier. Counted in ports
// (--ports-per-wave, --team-cap) and in effort units (--effort-per-wave, --team-effort): a port
// costs its driver's `effort` against the overall budget and its team's; a clone costs its
// protocol's `clone_effort` against the overall budget only, since cloning a library is no team's
// port. Without an overall effort budget clones cost nothing and come just in time.
#ifndef FDFKIT_MIGRATE_PLAN_CAPACITY_H_
#define FDFKIT_MIGRATE_PLAN_CAPACITY_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "migrate/plan/diagnostics.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/plan_options.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::plan {

inline constexpr int64_t kUnlimited = std::numeric_limits<int64_t>::max();

class Capacities {
 public:
  Capacities(const Inventory& inventory, const PlanOptions& options);

  // Teams are numbered in the order of their names.
  int teams() const { return static_cast<int>(team_names_.size()); }
  int team_of(int driver) const { return team_of_[driver]; }
  const std::string& team_name(int team) const { return team_names_[team]; }

  // Each kUnlimited when not given.
  int64_t ports_per_wave() const { return ports_per_wave_; }
  int64_t team_ports(int team) const { return team_ports_[team]; }
  int64_t effort_per_wave() const { return effort_per_wave_; }
  int64_t team_effort(int team) const { return team_effort_[team]; }

  int64_t effort(int driver) const { return effort_[driver]; }
  // What cloning costs in a wave: 0 when nothing charges it (no overall budget, or no effort).
  int64_t clone_cost(int protocol) const { return clone_cost_[protocol]; }
  bool charged(int protocol) const { return clone_cost_[protocol] > 0; }

 private:
  std::vector<std::string> team_names_;
  std::vector<int> team_of_;
  int64_t ports_per_wave_, effort_per_wave_;
  std::vector<int64_t> team_ports_, team_effort_, effort_, clone_cost_;
};

// One wave's load against the capacities.
struct WaveLoad {
  explicit WaveLoad(const Capacities& capacities)
      : team_ports(capacities.teams(), 0), team_effort(capacities.teams(), 0) {}
  int64_t ports = 0, effort = 0;
  std::vector<int64_t> team_ports, team_effort;

  // Whether a port of `driver` fits, with `extra` effort of clones it brings along.
  bool FitsPort(const Capacities& c, int driver, int64_t extra = 0) const;
  bool FitsEffort(const Capacities& c, int64_t effort) const {
    return effort <= c.effort_per_wave() - this->effort;
  }
  void AddPort(const Capacities& c, int driver, int sign = 1);
};

// Why no plan exists under these capacities: a team with ports and a capacity of 0 ports
// (FDFPLAN004), a driver whose effort exceeds the overall or its team's budget (162, 163), a clone
// whose effort exceeds the overall budget (164). The first found, in inventory order.
std::optional<support::Diagnostic> CheckCapacities(const Inventory& inventory,
                                                   const Requirements& required,
                                                   const Capacities& capacities);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_CAPACITY_H_
