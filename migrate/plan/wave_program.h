// The plan as a time-indexed mixed-integer program (exact_planner.h says how it is used). Items are
// the ports and the clones that cost effort. Over a sorted set of waves w_1 < ... < w_k, binaries
// u[i][j] = "item i is done by wave w_j" (monotone in j, done by w_k), so item i's wave is
// w_k - Σ_j (w_{j+1} - w_j) u[i][j] and its load in wave w_j is u[i][j] - u[i][j-1]. Rows: every
// capacity per wave (ports, team ports, effort of ports and clones, team effort); a clone by the
// wave of each port needing it.
//
// Dual-support lifetime, exactly Measure's for whole switch groups: a driver's banjo variant goes
// in the wave the last port of its switch groups is done, R_d, so the lifetime is
// Σ_d R_d - Σ_ports p_i. R_d is continuous, at least the waves of the ports it waits for that are
// not in the program, and at least w_k - Σ_j (w_{j+1} - w_j) ρ_d[j] with ρ_d[j] <= u[i][j] for its
// ports i in the program: ρ_d is the minimum, R_d the maximum. For integral u the optimum is
// integral, so a bound of 4.2 proves 5.
//
// One program may cover every item and wave (the whole plan), only the items of some waves with
// the rest fixed (a neighbourhood), or one part of the ports with the rest left out (its bound).
#ifndef FDFKIT_MIGRATE_PLAN_WAVE_PROGRAM_H_
#define FDFKIT_MIGRATE_PLAN_WAVE_PROGRAM_H_

#include <map>
#include <vector>

#include "migrate/plan/capacity.h"
#include "migrate/plan/derived_schedule.h"
#include "migrate/plan/heuristic_planner.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/mip_solver.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::plan {

// What every program of one inventory shares.
struct PlanningContext {
  PlanningContext(const Inventory& inventory, const Requirements& required,
                  const SwitchGroups& groups, const Capacities& capacities);
  int64_t items() const { return static_cast<int64_t>(ports.size() + clones.size()); }

  const Inventory& inventory;
  const Requirements& required;
  const SwitchGroups& groups;
  const Capacities& c;
  std::vector<int> ports, clones;           // the items: driver and protocol indices
  std::vector<std::vector<int>> waits_for;  // per driver: the ports of its switch groups, sorted
  std::vector<std::vector<int>> clones_of;  // per port: the clones costing effort it needs
};

struct Item {
  bool clone;  // a clone (protocol index) or a port (driver index)
  int index;
};

class WaveProgram {
 public:
  // `free` items move among `waves` (sorted); every other item stays at its wave in `at` or, with
  // `others_absent`, is left out. Without `minimise_lifetime` the program has no objective.
  WaveProgram(const PlanningContext& x, std::vector<int> waves, const std::vector<Item>& free,
              const WaveAssignment& at, bool others_absent, bool minimise_lifetime);

  const MixedIntegerProgram& program() const { return program_; }
  // Σ R_d - Σ p_i is at least `lower`, proven elsewhere (the solver then stops when it meets it).
  void BoundLifetime(double lower) { program_.BoundObjective(lower - offset_); }
  // The objective plus offset() is Σ R_d - Σ p_i over the drivers waiting for a free port and
  // the free ports; in a program that sees every port (not `others_absent`), over every driver:
  // the plan's dual-support lifetime.
  double offset() const { return offset_; }
  // `at` as the program's columns (a starting solution), and a solution back as a plan.
  std::vector<double> Encode() const;
  WaveAssignment Decode(const std::vector<double>& solution) const;

 private:
  int k() const { return static_cast<int>(waves_.size()); }
  int WaveOf(const Item& item) const;
  void AddMonotonicity();
  void AddPrecedence();
  void AddLoad(std::vector<std::pair<int, double>>& terms, double& constant, int item, int j,
               double weight) const;
  void AddCapacity(const std::vector<std::pair<int, double>>& weighted, int64_t capacity);
  void AddCapacities();
  std::vector<int> AddMinimum(const std::vector<const std::vector<int>*>& of);
  void AddLifetime();

  struct Derived {  // a column that is the minimum of others
    int column;
    std::vector<int> minimum_of;
  };
  struct Retire {  // R_d: at least `at_least` and w_k - Σ Δ_j ρ[j]
    int column;
    std::vector<int> rho;
    double at_least;
  };
  const PlanningContext& x_;
  std::vector<int> waves_;
  std::vector<Item> free_;
  const WaveAssignment& at_;
  bool absent_;
  MixedIntegerProgram program_;
  std::vector<std::vector<int>> done_;  // per free item, per wave but the last: u's column
  std::map<int, int> port_item_, clone_item_;
  std::vector<Derived> derived_;
  std::vector<Retire> retire_;
  double offset_ = 0;
};

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_WAVE_PROGRAM_H_
