#include "migrate/plan/wave_program.h"

#include <algorithm>
#include <map>

namespace fdfkit::plan {

PlanningContext::PlanningContext(const Inventory& inventory, const Requirements& required,
                                 const SwitchGroups& groups, const Capacities& c)
    : inventory(inventory), required(required), groups(groups), c(c) {
  waits_for.resize(inventory.drivers.size());
  clones_of.resize(inventory.drivers.size());
  for (size_t d = 0; d < inventory.drivers.size(); ++d) {
    if (required.port[d]) ports.push_back(static_cast<int>(d));
    for (int g : groups.groups_of[d]) {
      waits_for[d].insert(waits_for[d].end(), groups.ports[g].begin(), groups.ports[g].end());
    }
    std::sort(waits_for[d].begin(), waits_for[d].end());
    waits_for[d].erase(std::unique(waits_for[d].begin(), waits_for[d].end()), waits_for[d].end());
    if (!required.port[d]) continue;
    for (int p : inventory.drivers[d].references) {
      if (required.clone[p] && c.charged(p)) clones_of[d].push_back(p);
    }
  }
  for (size_t p = 0; p < inventory.protocols.size(); ++p) {
    if (required.clone[p] && c.charged(static_cast<int>(p))) clones.push_back(static_cast<int>(p));
  }
}

WaveProgram::WaveProgram(const PlanningContext& x, std::vector<int> waves,
                         const std::vector<Item>& free, const WaveAssignment& at,
                         bool others_absent, bool minimise_lifetime)
    : x_(x), waves_(std::move(waves)), free_(free), at_(at), absent_(others_absent) {
  int k = static_cast<int>(waves_.size());
  for (size_t i = 0; i < free_.size(); ++i) {
    (free_[i].clone ? clone_item_ : port_item_)[free_[i].index] = static_cast<int>(i);
    std::vector<int> steps;
    for (int j = 0; j + 1 < k; ++j) steps.push_back(program_.AddColumn(0, 1, 0, true));
    done_.push_back(std::move(steps));
  }
  AddMonotonicity();
  AddPrecedence();
  AddCapacities();
  if (minimise_lifetime) AddLifetime();
}

std::vector<double> WaveProgram::Encode() const {
  std::vector<double> v(program_.columns().size(), 0);
  for (size_t i = 0; i < free_.size(); ++i) {
    for (size_t j = 0; j < done_[i].size(); ++j) {
      v[done_[i][j]] = waves_[j] >= WaveOf(free_[i]) ? 1 : 0;
    }
  }
  for (const Derived& d : derived_) {
    double rho = 1;
    for (int column : d.minimum_of) rho = std::min(rho, v[column]);
    v[d.column] = rho;
  }
  for (const Retire& r : retire_) {
    double value = waves_.back();
    for (size_t j = 0; j < r.rho.size(); ++j) value -= (waves_[j + 1] - waves_[j]) * v[r.rho[j]];
    v[r.column] = std::max(r.at_least, value);
  }
  return v;
}

WaveAssignment WaveProgram::Decode(const std::vector<double>& v) const {
  WaveAssignment a = at_;
  for (size_t i = 0; i < free_.size(); ++i) {
    size_t j = 0;
    while (j < done_[i].size() && v[done_[i][j]] < 0.5) ++j;
    (free_[i].clone ? a.clone : a.port)[free_[i].index] = waves_[j];
  }
  return a;
}

int WaveProgram::WaveOf(const Item& item) const {
  return item.clone ? at_.clone[item.index] : at_.port[item.index];
}

void WaveProgram::AddMonotonicity() {
  for (const auto& steps : done_) {
    for (size_t j = 1; j < steps.size(); ++j) {
      program_.AddRow({{steps[j - 1], 1}, {steps[j], -1}}, -kInfinity, 0);
    }
  }
}

// A clone by the wave of each port needing it: between free items a row per wave; against a
// fixed one a bound (a free port not before its clone, a free clone not after its port).
void WaveProgram::AddPrecedence() {
  for (const auto& [d, i] : port_item_) {
    for (int p : x_.clones_of[d]) {
      auto clone = clone_item_.find(p);
      if (clone != clone_item_.end()) {
        for (size_t j = 0; j < done_[i].size(); ++j) {
          program_.AddRow({{done_[i][j], 1}, {done_[clone->second][j], -1}}, -kInfinity, 0);
        }
      } else if (!absent_) {
        for (size_t j = 0; j < done_[i].size(); ++j) {
          if (waves_[j] < at_.clone[p]) program_.SetBounds(done_[i][j], 0, 0);
        }
      }
    }
  }
  if (absent_) return;
  for (const auto& [p, i] : clone_item_) {
    for (int d : x_.ports) {
      if (port_item_.count(d) ||
          std::find(x_.clones_of[d].begin(), x_.clones_of[d].end(), p) == x_.clones_of[d].end())
        continue;
      for (size_t j = 0; j < done_[i].size(); ++j) {
        if (waves_[j] >= at_.port[d]) program_.SetBounds(done_[i][j], 1, 1);
      }
    }
  }
}

// Wave j's load of item i, times `weight`: u[i][j] - u[i][j-1].
void WaveProgram::AddLoad(std::vector<std::pair<int, double>>& terms, double& constant, int i,
                          int j, double weight) const {
  auto step = [&](int jj, double w) {
    if (jj < 0) return;
    if (jj >= k() - 1) {
      constant += w;
    } else {
      terms.push_back({done_[i][jj], w});
    }
  };
  step(j, weight);
  step(j - 1, -weight);
}

void WaveProgram::AddCapacity(const std::vector<std::pair<int, double>>& weighted,
                              int64_t capacity) {
  double total = 0;
  for (const auto& [item, weight] : weighted) total += weight;
  if (capacity == kUnlimited || total <= static_cast<double>(capacity)) return;
  for (int j = 0; j < k(); ++j) {
    std::vector<std::pair<int, double>> terms;
    double constant = 0;
    for (const auto& [item, weight] : weighted) {
      if (weight != 0) AddLoad(terms, constant, item, j, weight);
    }
    if (!terms.empty()) {
      program_.AddRow(terms, -kInfinity, static_cast<double>(capacity) - constant);
    }
  }
}

void WaveProgram::AddCapacities() {
  std::vector<std::pair<int, double>> count, effort;
  std::vector<std::vector<std::pair<int, double>>> team_count(x_.c.teams()),
      team_effort(x_.c.teams());
  for (size_t i = 0; i < free_.size(); ++i) {
    int item = static_cast<int>(i);
    if (free_[i].clone) {
      effort.push_back({item, static_cast<double>(x_.c.clone_cost(free_[i].index))});
      continue;
    }
    int d = free_[i].index, team = x_.c.team_of(d);
    double e = static_cast<double>(x_.c.effort(d));
    count.push_back({item, 1});
    effort.push_back({item, e});
    team_count[team].push_back({item, 1});
    team_effort[team].push_back({item, e});
  }
  AddCapacity(count, x_.c.ports_per_wave());
  AddCapacity(effort, x_.c.effort_per_wave());
  for (int team = 0; team < x_.c.teams(); ++team) {
    AddCapacity(team_count[team], x_.c.team_ports(team));
    AddCapacity(team_effort[team], x_.c.team_effort(team));
  }
}

// Columns at most each of `of`'s (per wave step); Encode sets them to their minimum.
std::vector<int> WaveProgram::AddMinimum(const std::vector<const std::vector<int>*>& of) {
  std::vector<int> columns;
  for (int j = 0; j + 1 < k(); ++j) {
    int column = program_.AddColumn(0, 1, 0, false);
    Derived d{column, {}};
    for (const std::vector<int>* steps : of) {
      program_.AddRow({{column, 1}, {(*steps)[j], -1}}, -kInfinity, 0);
      d.minimum_of.push_back((*steps)[j]);
    }
    derived_.push_back(std::move(d));
    columns.push_back(column);
  }
  return columns;
}

// Σ_d R_d - Σ_i p_i over the drivers waiting for a free port. A free port's wave is
// waves.back() - Σ_j (waves[j+1] - waves[j]) u[i][j]; R_d is at least the waves of the fixed
// ports it waits for and at least the same expression over ρ_d = the minimum of its free ports'
// u. Drivers that wait for the same ports share one R.
void WaveProgram::AddLifetime() {
  std::map<std::vector<int>, int> drivers_of;  // free ports waited for (items) -> drivers
  std::map<std::vector<int>, int> at_least;    // ... -> the latest fixed port among the rest
  double constant = 0;                         // the lifetime no column moves (see below)
  for (size_t d = 0; d < x_.inventory.drivers.size(); ++d) {
    if (!x_.required.delete_variant[d]) continue;
    std::vector<int> free_ports;
    int fixed = 1;
    bool outside = false;
    for (int e : x_.waits_for[d]) {
      auto it = port_item_.find(e);
      if (it != port_item_.end()) {
        free_ports.push_back(it->second);
      } else if (absent_) {
        outside = true;
      } else {
        fixed = std::max(fixed, at_.port[e]);
      }
    }
    if (!absent_) {
      // Every driver is in a program that sees every port: its lifetime's fixed parts (a retire
      // wave no free port moves; an own port not in the program) go to the offset, so the
      // objective plus the offset is the plan's whole lifetime, the measure bounds speak of.
      if (free_ports.empty()) constant += fixed;
      if (x_.required.port[d] && !port_item_.count(static_cast<int>(d))) constant -= at_.port[d];
    }
    if (free_ports.empty() || outside) continue;
    // Drivers with the same free ports but different fixed parts need their own R.
    free_ports.push_back(-fixed);
    ++drivers_of[free_ports];
    at_least[free_ports] = fixed;
  }
  std::vector<double> objective(program_.columns().size(), 0);
  double offset = 0;
  for (const auto& [key, count] : drivers_of) {
    std::vector<const std::vector<int>*> of;
    for (size_t n = 0; n + 1 < key.size(); ++n) of.push_back(&done_[key[n]]);
    std::vector<int> rho = of.size() == 1 ? *of[0] : AddMinimum(of);
    int r = program_.AddColumn(at_least[key], kInfinity, count, false);
    std::vector<std::pair<int, double>> terms = {{r, 1}};
    for (int j = 0; j + 1 < k(); ++j) {
      terms.push_back({rho[j], static_cast<double>(waves_[j + 1] - waves_[j])});
    }
    program_.AddRow(terms, waves_.back(), kInfinity);
    retire_.push_back({r, rho, static_cast<double>(at_least[key])});
  }
  objective.resize(program_.columns().size(), 0);
  for (size_t i = 0; i < free_.size(); ++i) {
    if (free_[i].clone) continue;
    offset -= waves_.back();  // - p_i = -waves.back() + Σ_j Δ_j u[i][j]
    for (size_t j = 0; j < done_[i].size(); ++j) {
      program_.SetObjective(done_[i][j], waves_[j + 1] - waves_[j]);
    }
  }
  offset_ = offset + constant;
}

}  // namespace fdfkit::plan
