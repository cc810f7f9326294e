#include "migrate/plan/planner.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <tuple>

#include "migrate/plan/capacity.h"
#include "migrate/plan/derived_schedule.h"
#include "migrate/plan/exact_planner.h"
#include "migrate/plan/heuristic_planner.h"
#include "migrate/plan/lower_bounds.h"
#include "migrate/plan/mip_solver.h"

namespace fdfkit::plan {
namespace {

std::string Seconds(double seconds) {
  std::ostringstream o;
  o.precision(seconds < 10 ? 2 : 3);
  o << seconds << " s";
  return o.str();
}

// Why the exact planner does not run, or "" when it may.
std::string WhyNoSolver(const PlanOptions& options, int64_t binaries, int waves) {
  if (options.solver == SolverChoice::kNone) return "no solver was asked for (--solver none)";
  if (!MipSolver().available) {
    return "no solver in this build (fdfkit was built without COIN-OR CBC, coinor-libcbc-dev)";
  }
  if (binaries > options.max_binaries) {
    return "the inventory is too large for the exact planner (" + std::to_string(binaries) +
           " binary variables over " + std::to_string(waves) + " waves, above its limit of " +
           std::to_string(options.max_binaries) + ")";
  }
  if (options.time_limit_seconds <= 0) return "the time limit is 0 (--time-limit)";
  return "";
}

}  // namespace

PlannedMigration PlanMigration(const Inventory& inventory, const Requirements& required,
                               const PlanOptions& options) {
  PlannedMigration out;
  Capacities capacities(inventory, options);
  if (std::optional<support::Diagnostic> error = CheckCapacities(inventory, required, capacities)) {
    out.error = std::move(error);
    return out;
  }
  SwitchGroups groups = GroupSwitches(inventory, required);
  int waves_bound = WavesLowerBound(inventory, required, capacities);
  int lifetime_bound = LifetimeLowerBound(inventory, required, groups, capacities);
  WaveAssignment heuristic =
      PlanHeuristically(inventory, required, groups, capacities, waves_bound);
  out.schedule = CompressedSchedule(inventory, required, groups, heuristic.port, heuristic.clone);
  out.metrics = Measure(inventory, required, out.schedule);
  const Metrics heuristic_metrics = out.metrics;

  Certificate& c = out.certificate;
  c.time_limit = options.time_limit_seconds;
  std::string waves_proof = "combinatorial", lifetime_proof = "combinatorial";
  std::vector<SolverAttempt> attempts;
  std::string why_not;
  bool ran = false, timed_out = false;
  bool proven = out.metrics.waves <= waves_bound && out.metrics.dual_lifetime <= lifetime_bound;
  if (!proven) {
    why_not =
        WhyNoSolver(options, ExactProgramBinaries(inventory, required, capacities, heuristic.waves),
                    heuristic.waves);
  }
  if (!proven && why_not.empty()) {
    ran = true;
    MipSolverInfo solver = MipSolver();
    c.solver = solver.name;
    c.solver_version = solver.version;
    ExactPlan exact = PlanExactly(inventory, required, groups, capacities, heuristic, waves_bound,
                                  lifetime_bound, options.time_limit_seconds);
    c.seconds = exact.seconds;
    attempts = exact.attempts;
    if (exact.waves_bound > waves_bound) {
      waves_bound = exact.waves_bound;
      waves_proof = "solver";
    }
    timed_out = exact.timed_out ||
                std::any_of(attempts.begin(), attempts.end(),
                            [](const SolverAttempt& a) { return a.result == "undecided"; });
    if (exact.assignment) {
      Schedule s = CompressedSchedule(inventory, required, groups, exact.assignment->port,
                                      exact.assignment->clone);
      Metrics m = Measure(inventory, required, s);
      if (Better(m, out.metrics)) {
        out.schedule = std::move(s);
        out.metrics = m;
        c.found_by = "solver";
      }
    }
    // The lifetime stage's bound holds for plans with its wave count (and no duplication).
    if (exact.lifetime_bound && exact.lifetime_waves == out.metrics.waves &&
        *exact.lifetime_bound > lifetime_bound) {
      lifetime_bound = *exact.lifetime_bound;
      lifetime_proof = "solver";
    }
  }
  out.lower_bound.waves = waves_bound;
  out.lower_bound.duplication = 0;
  out.lower_bound.dual_lifetime = lifetime_bound;
  out.lower_bound.switches = static_cast<int>(required.switches.size());

  c.objectives.push_back({"waves", out.metrics.waves, waves_bound, waves_proof, {}, attempts});
  c.objectives.push_back({"duplication",
                          out.metrics.duplication,
                          0,
                          "whole switch groups",
                          {{"waves", out.metrics.waves}},
                          {}});
  c.objectives.push_back({"dual_lifetime",
                          out.metrics.dual_lifetime,
                          lifetime_bound,
                          lifetime_proof,
                          {{"waves", out.metrics.waves}, {"duplication", out.metrics.duplication}},
                          {}});
  bool optimal = std::all_of(c.objectives.begin(), c.objectives.end(),
                             [](const ObjectiveBound& o) { return o.value == o.bound; });
  c.status = optimal                  ? PlanStatus::kOptimal
             : c.found_by == "solver" ? PlanStatus::kFeasible
                                      : PlanStatus::kHeuristic;
  std::string heuristic_values = std::to_string(heuristic_metrics.waves) +
                                 " waves, dual-support lifetime " +
                                 std::to_string(heuristic_metrics.dual_lifetime);
  if (!ran) {
    c.note =
        optimal
            ? "the heuristic plan meets the combinatorial lower bounds: optimal without a solver"
            : why_not + "; the heuristic plan is given with its combinatorial lower bounds";
  } else if (optimal) {
    c.note = c.found_by == "solver"
                 ? "cbc found this plan and proved it optimal (the heuristic's had " +
                       heuristic_values + ")"
                 : "cbc proved the heuristic plan optimal";
  } else {
    std::string limit = "the time limit (" + Seconds(options.time_limit_seconds) + ") ran out";
    c.note = c.found_by == "solver"
                 ? (timed_out ? limit + " before cbc proved its plan optimal"
                              : "cbc's search (parts alone, then neighbourhoods of waves) stopped "
                                "improving before it proved its plan optimal") +
                       "; the plan is better than the heuristic's (" + heuristic_values +
                       "), and the gaps are to the bounds proven"
                 : (timed_out ? limit + " before cbc found a better plan"
                              : "cbc found no better plan and no tighter bound") +
                       "; the heuristic plan stands, and the gaps are to the bounds proven";
  }
  return out;
}

}  // namespace fdfkit::plan
