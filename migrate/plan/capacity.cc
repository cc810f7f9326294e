#include "migrate/plan/capacity.h"

#include <algorithm>

namespace fdfkit::plan {

Capacities::Capacities(const Inventory& inventory, const PlanOptions& options)
    : ports_per_wave_(options.ports_per_wave > 0 ? options.ports_per_wave : kUnlimited),
      effort_per_wave_(options.effort_per_wave > 0 ? options.effort_per_wave : kUnlimited) {
  for (const Driver& d : inventory.drivers) team_names_.push_back(d.team);
  std::sort(team_names_.begin(), team_names_.end());
  team_names_.erase(std::unique(team_names_.begin(), team_names_.end()), team_names_.end());
  for (const Driver& d : inventory.drivers) {
    team_of_.push_back(static_cast<int>(
        std::lower_bound(team_names_.begin(), team_names_.end(), d.team) - team_names_.begin()));
    effort_.push_back(d.effort);
  }
  for (const std::string& team : team_names_) {
    auto cap = options.team_cap.find(team);
    team_ports_.push_back(cap == options.team_cap.end() ? kUnlimited : cap->second);
    auto budget = options.team_effort.find(team);
    team_effort_.push_back(budget == options.team_effort.end() ? kUnlimited : budget->second);
  }
  for (const Protocol& p : inventory.protocols) {
    clone_cost_.push_back(effort_per_wave_ == kUnlimited ? 0 : p.clone_effort);
  }
}

bool WaveLoad::FitsPort(const Capacities& c, int driver, int64_t extra) const {
  int team = c.team_of(driver);
  int64_t effort = c.effort(driver);
  // Compared as remaining room, so an unlimited capacity never overflows.
  return ports < c.ports_per_wave() && team_ports[team] < c.team_ports(team) &&
         effort + extra <= c.effort_per_wave() - this->effort &&
         effort <= c.team_effort(team) - team_effort[team];
}

void WaveLoad::AddPort(const Capacities& c, int driver, int sign) {
  int team = c.team_of(driver);
  ports += sign;
  effort += sign * c.effort(driver);
  team_ports[team] += sign;
  team_effort[team] += sign * c.effort(driver);
}

std::optional<support::Diagnostic> CheckCapacities(const Inventory& inventory,
                                                   const Requirements& required,
                                                   const Capacities& c) {
  for (size_t d = 0; d < inventory.drivers.size(); ++d) {
    if (required.port[d] && c.team_ports(c.team_of(static_cast<int>(d))) == 0) {
      return support::Make(diag::kTeamWithoutCapacity, inventory.drivers[d].team);
    }
  }
  for (size_t d = 0; d < inventory.drivers.size(); ++d) {
    if (!required.port[d]) continue;
    const Driver& driver = inventory.drivers[d];
    int team = c.team_of(static_cast<int>(d));
    if (driver.effort > c.effort_per_wave()) {
      return support::Make(diag::kDriverEffortOverBudget, driver.id, driver.effort,
                           c.effort_per_wave());
    }
    if (driver.effort > c.team_effort(team)) {
      return support::Make(diag::kDriverEffortOverTeamBudget, driver.id, driver.team, driver.effort,
                           c.team_effort(team));
    }
  }
  for (size_t p = 0; p < inventory.protocols.size(); ++p) {
    if (required.clone[p] && c.clone_cost(static_cast<int>(p)) > c.effort_per_wave()) {
      return support::Make(diag::kCloneEffortOverBudget, inventory.protocols[p].id,
                           c.clone_cost(static_cast<int>(p)), c.effort_per_wave());
    }
  }
  return std::nullopt;
}

}  // namespace fdfkit::plan
