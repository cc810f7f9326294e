// Exact planning where it is affordable (issue 23): the plan as a mixed-integer program
// (wave_program.h), solved by CBC in lexicographic stages from the heuristic's plan, objective
// waves, then duplication, then dual-support lifetime. Every plan a stage finds goes back through
// Derive and Measure like the heuristic's, and replaces the plan only when lexicographically
// better.
//
// Duplication is not solved for: whole switch groups switch in the wave their last port is done,
// which every port schedule allows, so duplication 0 is optimal at every wave count and costs
// nothing; the programs fix it (groups switch whole).
//
// Parts. Ports joined by the drivers that wait for them (a driver's banjo variant goes when all
// its switch groups are done) form parts whose lifetimes add up and depend on their own ports
// only. Each part is solved alone, with the whole wave capacity to itself: the sum of their optima
// is a lower bound on any plan's lifetime, and their optimal shapes, packed into the waves (parts
// dual drivers wait for first, then largest first), often make a plan that meets it.
//
// Waves. The parts composed, from the proven bound up. Then, when the whole program is small
// (kWholeBinaries), it is solved for each wave count from the bound up to the heuristic's minus
// one: an infeasible count raises the bound, the first feasible one is optimal. These programs
// start from nothing: the heuristic's plan has more waves than they allow. Larger, the last wave
// is emptied into the waves with the most room, a neighbourhood at a time (no proof).
//
// Lifetime, at the wave count reached. Small: the whole program from the best plan as the
// solver's starting incumbent; its bound joins the parts'. Larger: neighbourhoods of consecutive
// waves (their items free, the rest fixed), swept with overlap until a sweep, shifted twice,
// improves nothing. Half the time at most goes to the waves.
#ifndef FDFKIT_MIGRATE_PLAN_EXACT_PLANNER_H_
#define FDFKIT_MIGRATE_PLAN_EXACT_PLANNER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "migrate/plan/capacity.h"
#include "migrate/plan/certificate.h"
#include "migrate/plan/derived_schedule.h"
#include "migrate/plan/heuristic_planner.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::plan {

// The binary variables of the program over `waves` waves (what the size limit is checked on).
int64_t ExactProgramBinaries(const Inventory& inventory, const Requirements& required,
                             const Capacities& capacities, int waves);

struct ExactPlan {
  // The solver's best plan, when it found one better than the start (lexicographically).
  std::optional<WaveAssignment> assignment;
  int waves_bound = 0;                  // proven: the lower bound, raised by infeasible attempts
  std::vector<SolverAttempt> attempts;  // the waves stage, in order
  bool timed_out = false;             // the time limit stopped it before it proved its plan optimal
  int lifetime_waves = 0;             // the wave count it ran at
  std::optional<int> lifetime_bound;  // proven for plans with that many waves (and no duplication)
  double seconds = 0;                 // in the solver, all stages
};

// `start` is the heuristic's plan (`start_lifetime` its dual-support lifetime after Derive);
// `waves_bound` and `lifetime_bound` are the combinatorial bounds. Requires a solver (MipSolver).
ExactPlan PlanExactly(const Inventory& inventory, const Requirements& required,
                      const SwitchGroups& groups, const Capacities& capacities,
                      const WaveAssignment& start, int waves_bound, int lifetime_bound,
                      double seconds);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_EXACT_PLANNER_H_
