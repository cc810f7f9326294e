#include "migrate/plan/mip_solver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#ifdef FDFKIT_HAVE_CBC
#include <Cbc_C_Interface.h>
#endif

namespace fdfkit::plan {

void MixedIntegerProgram::AddRow(const std::vector<std::pair<int, double>>& terms, double lower,
                                 double upper) {
  int row = static_cast<int>(rows_.size());
  rows_.push_back({lower, upper});
  for (const auto& [column, coefficient] : terms) {
    if (coefficient != 0) columns_[column].entries.push_back({row, coefficient});
  }
}

void MixedIntegerProgram::BoundObjective(double lower) {
  std::vector<std::pair<int, double>> terms;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].objective != 0) terms.push_back({static_cast<int>(i), columns_[i].objective});
  }
  AddRow(terms, lower, kInfinity);
}

#ifdef FDFKIT_HAVE_CBC

MipSolverInfo MipSolver() { return {true, "cbc", Cbc_getVersion()}; }

MipResult SolveMip(const MixedIntegerProgram& program, const MipSolveOptions& options) {
  auto started = std::chrono::steady_clock::now();
  const auto& columns = program.columns();
  const auto& rows = program.rows();
  // Column-major arrays, as Cbc_loadProblem takes them.
  std::vector<CoinBigIndex> starts = {0};
  std::vector<int> indices;
  std::vector<double> values, column_lower, column_upper, objective, row_lower, row_upper;
  auto finite = [](double v) {
    return std::isinf(v)
               ? (v > 0 ? std::numeric_limits<double>::max() : -std::numeric_limits<double>::max())
               : v;
  };
  for (const auto& c : columns) {
    for (const auto& [row, coefficient] : c.entries) {
      indices.push_back(row);
      values.push_back(coefficient);
    }
    starts.push_back(static_cast<CoinBigIndex>(indices.size()));
    column_lower.push_back(finite(c.lower));
    column_upper.push_back(finite(c.upper));
    objective.push_back(c.objective);
  }
  for (const auto& [lower, upper] : rows) {
    row_lower.push_back(finite(lower));
    row_upper.push_back(finite(upper));
  }
  Cbc_Model* model = Cbc_newModel();
  Cbc_loadProblem(model, static_cast<int>(columns.size()), static_cast<int>(rows.size()),
                  starts.data(), indices.data(), values.data(), column_lower.data(),
                  column_upper.data(), objective.data(), row_lower.data(), row_upper.data());
  std::vector<int> start_columns;
  std::vector<double> start_values;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].integer) continue;
    Cbc_setInteger(model, static_cast<int>(i));
    if (!options.start.empty()) {
      start_columns.push_back(static_cast<int>(i));
      start_values.push_back(options.start[i]);
    }
  }
  if (!start_columns.empty()) {
    Cbc_setMIPStartI(model, static_cast<int>(start_columns.size()), start_columns.data(),
                     start_values.data());
  }
  Cbc_setLogLevel(model, 0);
  Cbc_setParameter(model, "log", "0");
  Cbc_setParameter(model, "slog", "0");
  Cbc_setParameter(model, "timeMode", "elapsed");  // the limit is wall clock, like ours
  Cbc_setMaximumSeconds(model, std::max(0.01, options.seconds));
  if (options.absolute_gap > 0) Cbc_setAllowableGap(model, options.absolute_gap);
  Cbc_solve(model);

  MipResult result;
  const double* solution = Cbc_numberSavedSolutions(model) > 0 || Cbc_isProvenOptimal(model)
                               ? Cbc_getColSolution(model)
                               : nullptr;
  bool has_solution = solution != nullptr && Cbc_bestSolution(model) != nullptr;
  if (Cbc_isProvenOptimal(model) && has_solution) {
    result.status = MipResult::Status::kOptimal;
  } else if (Cbc_isProvenInfeasible(model)) {
    result.status = MipResult::Status::kInfeasible;
  } else {
    result.status = has_solution ? MipResult::Status::kFeasible : MipResult::Status::kUnknown;
  }
  if (has_solution) {
    result.solution.assign(solution, solution + columns.size());
    result.objective = Cbc_getObjValue(model);
  }
  if (result.status != MipResult::Status::kInfeasible) {
    double bound = Cbc_getBestPossibleObjValue(model);
    if (std::isfinite(bound) && std::abs(bound) < 1e30) result.bound = bound;
    if (result.status == MipResult::Status::kOptimal) {
      result.bound = std::max(result.bound, result.objective - options.absolute_gap);
    }
  }
  Cbc_deleteModel(model);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

#else  // !FDFKIT_HAVE_CBC

MipSolverInfo MipSolver() { return {}; }

MipResult SolveMip(const MixedIntegerProgram&, const MipSolveOptions&) { return {}; }

#endif

}  // namespace fdfkit::plan
