#include "migrate/plan/exact_planner.h"

#include "migrate/plan/union_find.h"

#include <algorithm>
#include <climits>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "migrate/plan/mip_solver.h"
#include "migrate/plan/wave_program.h"

namespace fdfkit::plan {
namespace {

// Program sizes, in binary variables: the whole plan is solved as one program up to
// kWholeBinaries; beyond, neighbourhoods of about kNeighbourhoodBinaries are.
constexpr int64_t kWholeBinaries = 2500;
constexpr int64_t kNeighbourhoodBinaries = 600;
constexpr double kIntegral = 0.999;  // an absolute gap that proves integral objectives optimal

class Clock {
 public:
  explicit Clock(double seconds) : seconds_(seconds), start_(std::chrono::steady_clock::now()) {}
  double Spent() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  double Left() const { return seconds_ - Spent(); }

 private:
  double seconds_;
  std::chrono::steady_clock::time_point start_;
};

Metrics MetricsOf(const PlanningContext& x, const WaveAssignment& a) {
  return Measure(x.inventory, x.required, CompressedSchedule(x.inventory, x.required, x.groups, a.port, a.clone));
}

std::vector<Item> ItemsIn(const PlanningContext& x, const WaveAssignment& a,
                          const std::set<int>& waves) {
  std::vector<Item> items;
  for (int d : x.ports) {
    if (waves.count(a.port[d])) items.push_back({false, d});
  }
  for (int p : x.clones) {
    if (waves.count(a.clone[p])) items.push_back({true, p});
  }
  return items;
}

std::vector<int> AllWaves(int waves) {
  std::vector<int> all(waves);
  std::iota(all.begin(), all.end(), 1);
  return all;
}

// Ports joined by waiting drivers: each part's lifetime depends on its own ports only, so the
// parts solved alone bound the whole from below.
std::vector<std::vector<int>> PartsOf(const PlanningContext& x) {
  UnionFind sets(x.inventory.drivers.size());  // over drivers; only ports are ever joined
  for (const auto& list : x.waits_for) {
    for (size_t i = 1; i < list.size(); ++i) sets.Unite(list[i], list[0]);
  }
  std::map<int, std::vector<int>> parts;
  for (int d : x.ports) parts[sets.Find(d)].push_back(d);
  std::vector<std::vector<int>> out;
  for (auto& [root, members] : parts) out.push_back(std::move(members));
  return out;
}

// How many waves a neighbourhood spans: k waves of an average load hold about
// items_per_wave * k * (k - 1) binaries.
int NeighbourhoodWaves(const PlanningContext& x, int waves) {
  int64_t per_wave = std::max<int64_t>(1, x.items() / std::max(1, waves));
  int k = 2;
  while (per_wave * (k + 1) * k <= kNeighbourhoodBinaries) ++k;
  return k;
}

// Whether a part's ports fit in one wave together (clones left out, as in the bound).
bool FitsOneWave(const PlanningContext& x, const std::vector<int>& part) {
  WaveLoad load(x.c);
  for (int d : part) {
    if (!load.FitsPort(x.c, d)) return false;
    load.AddPort(x.c, d);
  }
  return true;
}

}  // namespace

int64_t ExactProgramBinaries(const Inventory& inventory, const Requirements& required,
                             const Capacities& capacities, int waves) {
  int64_t items = 0;
  for (size_t d = 0; d < inventory.drivers.size(); ++d) items += required.port[d];
  for (size_t p = 0; p < inventory.protocols.size(); ++p) {
    items += required.clone[p] && capacities.charged(static_cast<int>(p));
  }
  return items * std::max(0, waves - 1);
}

namespace {

// A part's ports at their waves in its best plan alone (relative: the first is wave 1).
struct Shape {
  std::vector<std::pair<int, int>> ports;  // (driver, wave)
  int span = 1;
  int dual_waiters = 0;  // drivers already dual that wait for it: they gain from an early start
  int64_t effort = 0;
};

// The parts solved alone: their shapes, and the sum of their optima (a lower bound on the whole
// plan's lifetime), or nothing when a part's program gave no bound in its time.
struct Parts {
  std::vector<Shape> shapes;
  std::optional<int> bound;
};

// At most a quarter of the time left, so the waves stage, the first objective, keeps the rest.
// A part with no time or no solution keeps the shape `start` (the heuristic's plan) gives it.
Parts SolveParts(const PlanningContext& x, const WaveAssignment& start, const Clock& clock, double* seconds) {
  int waves = start.waves;
  double parts_until = clock.Spent() + clock.Left() / 4;
  auto start_shape = [&](const std::vector<int>& part, Shape* shape) {
    int first = INT_MAX;
    for (int d : part) first = std::min(first, start.port[d]);
    for (int d : part) {
      shape->ports.push_back({d, start.port[d] - first + 1});
      shape->span = std::max(shape->span, start.port[d] - first + 1);
    }
  };
  Parts out;
  int bound = 0;
  bool bounded = true;
  for (size_t d = 0; d < x.inventory.drivers.size(); ++d) {  // waiting for no port: wave 1
    bound += x.required.delete_variant[d] && x.waits_for[d].empty();
  }
  WaveAssignment at{std::vector<int>(x.inventory.drivers.size(), 1),
                    std::vector<int>(x.inventory.protocols.size(), 0), 1};
  for (const std::vector<int>& part : PartsOf(x)) {
    Shape shape;
    for (size_t d = 0; d < x.inventory.drivers.size(); ++d) {
      shape.dual_waiters += x.required.delete_variant[d] && !x.required.port[d] &&
                            !x.waits_for[d].empty() &&
                            std::binary_search(part.begin(), part.end(), x.waits_for[d][0]);
    }
    for (int d : part) shape.effort += x.c.effort(d);
    int span = std::min(waves, static_cast<int>(part.size()));
    if (span == 1 || FitsOneWave(x, part)) {  // all in one wave: only dual drivers wait, 1 each
      for (int d : part) shape.ports.push_back({d, 1});
      bound += shape.dual_waiters;
      out.shapes.push_back(std::move(shape));
      continue;
    }
    double budget = std::min({parts_until - clock.Spent(), clock.Left() / 4, 2.0});
    if (budget <= 0) {  // no time: this part keeps the heuristic's shape, and gives no bound
      bounded = false;
      start_shape(part, &shape);
      out.shapes.push_back(std::move(shape));
      continue;
    }
    std::vector<Item> items;
    for (int d : part) items.push_back({false, d});
    WaveProgram program(x, AllWaves(span), items, at, true, true);
    MipResult r = SolveMip(program.program(), {.seconds = budget, .absolute_gap = kIntegral});
    *seconds += r.seconds;
    if (std::isfinite(r.bound)) {
      bound += static_cast<int>(std::ceil(r.bound + program.offset() - 1e-6));
    } else {
      bounded = false;  // no bound from this part: none from the parts
    }
    if (r.solution.empty()) {
      start_shape(part, &shape);
    } else {
      WaveAssignment solved = program.Decode(r.solution);
      for (int d : part) {
        shape.ports.push_back({d, solved.port[d]});
        shape.span = std::max(shape.span, solved.port[d]);
      }
    }
    out.shapes.push_back(std::move(shape));
  }
  if (bounded) out.bound = bound;
  return out;
}

// The parts' shapes packed into `waves` waves: parts that dual drivers wait for first, then the
// longest and largest (first fit, decreasing); a part that fits nowhere whole is placed port by
// port; clones costing effort go in the latest wave with room before their first port. Nothing
// when something fits nowhere.
std::optional<WaveAssignment> Compose(const PlanningContext& x, std::vector<Shape> shapes,
                                      int waves) {
  std::stable_sort(shapes.begin(), shapes.end(), [](const Shape& a, const Shape& b) {
    return std::make_tuple(-a.dual_waiters, -a.span, -a.effort,
                           -static_cast<int64_t>(a.ports.size())) <
           std::make_tuple(-b.dual_waiters, -b.span, -b.effort,
                           -static_cast<int64_t>(b.ports.size()));
  });
  WaveAssignment a{std::vector<int>(x.inventory.drivers.size(), 0),
                   std::vector<int>(x.inventory.protocols.size(), 0), waves};
  std::vector<WaveLoad> load(waves + 1, WaveLoad(x.c));
  for (const Shape& shape : shapes) {
    bool placed = false;
    for (int first = 1; first + shape.span - 1 <= waves && !placed; ++first) {
      size_t n = 0;
      for (; n < shape.ports.size(); ++n) {
        auto [d, w] = shape.ports[n];
        if (!load[first + w - 1].FitsPort(x.c, d)) break;
        load[first + w - 1].AddPort(x.c, d);
      }
      placed = n == shape.ports.size();
      for (size_t m = 0; m < n && !placed; ++m) {
        load[first + shape.ports[m].second - 1].AddPort(x.c, shape.ports[m].first, -1);
      }
      if (placed) {
        for (auto [d, w] : shape.ports) a.port[d] = first + w - 1;
      }
    }
    if (placed) continue;
    for (auto [d, w] : shape.ports) {
      int wave = 1;
      while (wave <= waves && !load[wave].FitsPort(x.c, d)) ++wave;
      if (wave > waves) return std::nullopt;
      load[wave].AddPort(x.c, d);
      a.port[d] = wave;
    }
  }
  for (int p : x.clones) {
    int latest = waves;
    for (int d : x.ports) {
      if (std::find(x.clones_of[d].begin(), x.clones_of[d].end(), p) != x.clones_of[d].end()) {
        latest = std::min(latest, a.port[d]);
      }
    }
    int wave = latest;
    while (wave >= 1 && !load[wave].FitsEffort(x.c, x.c.clone_cost(p))) --wave;
    if (wave < 1) return std::nullopt;
    load[wave].effort += x.c.clone_cost(p);
    a.clone[p] = wave;
  }
  return a;
}

}  // namespace

ExactPlan PlanExactly(const Inventory& inventory, const Requirements& required,
                      const SwitchGroups& groups, const Capacities& capacities,
                      const WaveAssignment& start, int waves_bound, int lifetime_bound,
                      double seconds) {
  Clock clock(seconds);
  PlanningContext x(inventory, required, groups, capacities);
  ExactPlan out;
  out.waves_bound = waves_bound;
  WaveAssignment best = start;
  Metrics best_metrics = MetricsOf(x, best);
  auto solve = [&](const WaveProgram& program, double limit, bool integral, bool warm) {
    MipSolveOptions options{.seconds = std::max(0.0, std::min(limit, clock.Left())),
                            .absolute_gap = integral ? kIntegral : 0.0};
    if (warm) options.start = program.Encode();
    MipResult r = SolveMip(program.program(), options);
    out.seconds += r.seconds;
    return r;
  };
  auto adopt = [&](WaveAssignment found) {
    found.waves = DropEmptyWaves({&found.port, &found.clone});
    Metrics m = MetricsOf(x, found);
    if (Better(m, best_metrics)) {
      best = std::move(found);
      best_metrics = m;
      out.assignment = best;
      return true;
    }
    return false;
  };
  auto all_items = [&] {
    std::vector<Item> items;
    for (int d : x.ports) items.push_back({false, d});
    for (int p : x.clones) items.push_back({true, p});
    return items;
  };
  bool whole = x.items() * std::max(0, start.waves - 1) <= kWholeBinaries;
  // The parts alone: a lifetime bound, and shapes to compose plans from.
  if (clock.Left() <= 0) {
    out.timed_out = true;
    return out;
  }
  Parts parts = SolveParts(x, start, clock, &out.seconds);

  // Waves. The parts composed, from the bound up; then, small, the whole program for each count
  // from the bound up (an infeasible count raises the bound, the first feasible one is optimal);
  // large, emptying the last wave into others, a neighbourhood at a time. At most half the time.
  double waves_until = seconds / 2;
  bool waves_timed_out = false;  // the waves stage's share of the time ran out before a proof
  for (int t = waves_bound; t < best.waves; ++t) {
    if (std::optional<WaveAssignment> composed = Compose(x, parts.shapes, t)) {
      adopt(*composed);
      break;
    }
  }
  if (whole) {
    for (int t = out.waves_bound; t < best.waves && clock.Spent() < waves_until; ++t) {
      WaveProgram program(x, AllWaves(t), all_items(), best, false, false);
      MipResult r = solve(program, waves_until - clock.Spent(), false, false);
      if (r.status == MipResult::Status::kInfeasible) {
        out.attempts.push_back({t, "infeasible", r.seconds});
        out.waves_bound = t + 1;
        continue;
      }
      if (!r.solution.empty()) {
        out.attempts.push_back({t, "feasible", r.seconds});
        adopt(program.Decode(r.solution));
      } else {
        out.attempts.push_back({t, "undecided", r.seconds});
        waves_timed_out = true;
      }
      break;
    }
    if (best.waves > out.waves_bound && clock.Spent() >= waves_until) waves_timed_out = true;
  } else {
    int size = NeighbourhoodWaves(x, start.waves);
    while (best.waves > out.waves_bound && clock.Spent() < waves_until) {
      // The last wave and the ones with the most room left.
      std::vector<int64_t> used(best.waves + 1, 0);
      for (int d : x.ports) used[best.port[d]] += capacities.effort(d) + 1;
      for (int p : x.clones) used[best.clone[p]] += capacities.clone_cost(p);
      std::vector<int> order(best.waves - 1);
      std::iota(order.begin(), order.end(), 1);
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return used[a] < used[b]; });
      std::set<int> chosen = {best.waves};
      for (int w : order) {
        if (static_cast<int>(chosen.size()) >= size) break;
        chosen.insert(w);
      }
      std::vector<int> waves(chosen.begin(), chosen.end());
      waves.pop_back();  // the last wave is what empties
      WaveAssignment at = best;
      WaveProgram program(x, waves, ItemsIn(x, at, chosen), at, false, false);
      MipResult r = solve(program, waves_until - clock.Spent(), false, false);
      // A neighbourhood without a solution proves nothing about the whole.
      out.attempts.push_back(
          {best.waves - 1, r.solution.empty() ? "not found" : "feasible", r.seconds});
      if (r.solution.empty() || !adopt(program.Decode(r.solution))) break;
    }
    waves_timed_out = best.waves > out.waves_bound && clock.Spent() >= waves_until;
  }

  // Lifetime at the wave count reached: the parts composed, then, small, the whole program from
  // the best plan; large, neighbourhoods of consecutive waves.
  if (std::optional<WaveAssignment> composed = Compose(x, parts.shapes, best.waves)) {
    adopt(*composed);
  }
  int bound = std::max(lifetime_bound, parts.bound.value_or(0));
  if (best_metrics.dual_lifetime <= bound || clock.Left() <= 0) {
    out.lifetime_bound = bound;
    out.lifetime_waves = best_metrics.waves;
    out.timed_out = waves_timed_out || (best_metrics.dual_lifetime > bound && clock.Left() <= 0);
    return out;
  }
  out.lifetime_waves = best_metrics.waves;
  bool complete = true;  // every program ran to the end
  if (whole) {
    WaveProgram program(x, AllWaves(best.waves), all_items(), best, false, true);
    program.BoundLifetime(bound);
    MipResult r = solve(program, clock.Left(), true, true);
    if (std::isfinite(r.bound)) {
      bound = std::max(bound, static_cast<int>(std::ceil(r.bound + program.offset() - 1e-6)));
    }
    complete = r.status == MipResult::Status::kOptimal;
    if (!r.solution.empty()) adopt(program.Decode(r.solution));
  } else {
    // Windows overlap by half; a sweep that improves nothing is tried again shifted by a third,
    // then by two thirds, before giving up.
    int size = std::min(NeighbourhoodWaves(x, best.waves), best.waves);
    for (int idle = 0, shift = 0;
         idle < 3 && best_metrics.dual_lifetime > bound && clock.Left() > 0;
         shift = (shift + std::max(1, size / 3)) % std::max(1, size)) {
      bool improved = false;
      for (int first = 1 - shift;
           first <= best.waves && best_metrics.dual_lifetime > bound && clock.Left() > 0;
           first += std::max(1, size / 2)) {
        std::set<int> chosen;
        for (int w = std::max(1, first); w < first + size && w <= best.waves; ++w) chosen.insert(w);
        if (chosen.size() < 2) continue;
        WaveAssignment at = best;
        WaveProgram program(x, std::vector<int>(chosen.begin(), chosen.end()),
                            ItemsIn(x, at, chosen), at, false, true);
        MipResult r = solve(program, std::min(clock.Left(), 2.0), true, true);
        if (!r.solution.empty() && adopt(program.Decode(r.solution))) improved = true;
      }
      idle = improved ? 0 : idle + 1;
    }
    complete = false;
  }
  out.lifetime_bound = bound;
  // The whole program stops early only at the time limit; neighbourhoods also when they improve
  // nothing more.
  out.timed_out = waves_timed_out ||
                  (!complete && best_metrics.dual_lifetime > bound && (whole || clock.Left() <= 0));
  return out;
}

}  // namespace fdfkit::plan
