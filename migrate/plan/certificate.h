// How good a plan is and how we know it (issue 23): plan.json's "certificate". Per objective, in
// lexicographic order (waves, duplication, dual-support lifetime), the plan's value next to a
// proven lower bound, and the gap between them. A later objective's bound holds for plans that
// keep the earlier ones at the plan's values ("given"), since the plan optimises them first.
//   status "optimal"   every objective is at its proven bound;
//          "feasible"  the solver's plan (better than the heuristic's), not proven optimal;
//          "heuristic" the heuristic's plan, not proven optimal: no solver (absent, --solver
//                      none, the inventory too large) or the time ran out before it found better.
#ifndef FDFKIT_MIGRATE_PLAN_CERTIFICATE_H_
#define FDFKIT_MIGRATE_PLAN_CERTIFICATE_H_

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fdfkit::plan {

enum class PlanStatus { kOptimal, kFeasible, kHeuristic };
const char* PlanStatusName(PlanStatus status);  // "optimal", "feasible", "heuristic"

// One solve of the waves stage: is there a plan in `waves` waves?
struct SolverAttempt {
  int waves = 0;
  std::string result;  // "infeasible" (raises the bound), "feasible", "undecided" (time ran out)
  double seconds = 0;
};

struct ObjectiveBound {
  std::string objective;  // "waves", "duplication", "dual_lifetime"
  int value = 0;
  int bound = 0;  // proven lower bound, given the earlier objectives
  // What proved it: "combinatorial" (lower_bounds.h), "solver", "whole switch groups" (duplication
  // 0 is attainable at every wave count; exact_planner.h).
  std::string proof;
  std::vector<std::pair<std::string, int>> given;  // earlier objectives at the plan's values
  std::vector<SolverAttempt> attempts;             // waves only
  // (value - bound) / value: 0 when optimal.
  double Gap() const { return value == 0 ? 0.0 : static_cast<double>(value - bound) / value; }
};

struct Certificate {
  PlanStatus status = PlanStatus::kHeuristic;
  std::string found_by = "heuristic";  // "heuristic" | "solver"
  std::string solver;                  // "cbc" when it ran, else ""
  std::string solver_version;
  double seconds = 0;     // in the solver
  double time_limit = 0;  // what --time-limit allowed
  std::string note;       // one sentence a person reads first
  std::vector<ObjectiveBound> objectives;
};

nlohmann::ordered_json CertificateJson(const Certificate& certificate);
// The certificate of a plan file (nothing when it has none or it is malformed: hand-written plans
// need none, and verify does not judge it).
std::optional<Certificate> ReadCertificate(const nlohmann::json& plan);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_CERTIFICATE_H_
