// A mixed-integer program and the one solver fdfkit links for it: COIN-OR CBC, when CMake found
// coinor-libcbc-dev (FDFKIT_HAVE_CBC); without it SolveMip answers kUnavailable and the planner
// keeps its heuristic plan. This is the only file that knows the solver's API.
#ifndef FDFKIT_MIGRATE_PLAN_MIP_SOLVER_H_
#define FDFKIT_MIGRATE_PLAN_MIP_SOLVER_H_

#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace fdfkit::plan {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Minimise Σ objective·x subject to lower ≤ Σ coefficient·x ≤ upper per row and column bounds.
class MixedIntegerProgram {
 public:
  int AddColumn(double lower, double upper, double objective, bool integer) {
    columns_.push_back({lower, upper, objective, integer, {}});
    return static_cast<int>(columns_.size()) - 1;
  }
  void SetObjective(int column, double objective) { columns_[column].objective = objective; }
  void SetBounds(int column, double lower, double upper) {
    columns_[column].lower = lower;
    columns_[column].upper = upper;
  }
  void AddRow(const std::vector<std::pair<int, double>>& terms, double lower, double upper);
  // The objective is at least `lower` (a bound proven elsewhere): the solver stops as soon as
  // its incumbent meets it.
  void BoundObjective(double lower);

  struct Column {
    double lower, upper, objective;
    bool integer;
    std::vector<std::pair<int, double>> entries;  // (row, coefficient)
  };
  const std::vector<Column>& columns() const { return columns_; }
  const std::vector<std::pair<double, double>>& rows() const { return rows_; }

 private:
  std::vector<Column> columns_;
  std::vector<std::pair<double, double>> rows_;  // (lower, upper)
};

struct MipResult {
  enum class Status {
    kOptimal,      // the incumbent is optimal (within the absolute gap asked for)
    kInfeasible,   // proven: no solution exists
    kFeasible,     // stopped (time) with an incumbent; `bound` is the best proven
    kUnknown,      // stopped (time) with neither a solution nor a proof
    kUnavailable,  // no solver in this build
  };
  Status status = Status::kUnavailable;
  double objective = 0;          // of the incumbent
  double bound = -kInfinity;     // proven lower bound on the optimum (-inf: none)
  std::vector<double> solution;  // the incumbent, one value per column
  double seconds = 0;            // wall clock spent in the solver
};

struct MipSolverInfo {
  bool available = false;
  std::string name;     // "cbc"
  std::string version;  // "2.10.8"
};
MipSolverInfo MipSolver();

struct MipSolveOptions {
  double seconds = 10;  // wall clock
  // Stop once the incumbent is within this of the bound: just under 1 when every solution's
  // objective is an integer, so a bound of 4.2 proves an incumbent of 5 optimal.
  double absolute_gap = 0;
  // A feasible point to start from (every column), or empty.
  std::vector<double> start = {};
};

MipResult SolveMip(const MixedIntegerProgram& program, const MipSolveOptions& options);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_MIP_SOLVER_H_
