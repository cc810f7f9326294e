// What `migrate-plan plan` and `verify` are told besides the inventory: the capacities every wave
// must respect, counted in ports and in effort units.
#ifndef FDFKIT_MIGRATE_PLAN_PLAN_OPTIONS_H_
#define FDFKIT_MIGRATE_PLAN_PLAN_OPTIONS_H_

#include <cstdint>
#include <map>
#include <string>

namespace fdfkit::plan {

struct PlanOptions {
  int ports_per_wave = 0;                    // 0: unlimited
  std::map<std::string, int> team_cap = {};  // ports per wave for a team (absent: no cap)
  // Effort units per wave: a port costs its driver's `effort`, a clone its protocol's
  // `clone_effort` (0: unlimited). Team budgets count the effort of the team's ports.
  int64_t effort_per_wave = 0;
  std::map<std::string, int64_t> team_effort = {};  // absent: no budget
};

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_PLAN_OPTIONS_H_
