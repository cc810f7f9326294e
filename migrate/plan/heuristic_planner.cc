#include "migrate/plan/heuristic_planner.h"

#include "migrate/plan/union_find.h"

#include <algorithm>
#include <climits>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

namespace fdfkit::plan {
namespace {

constexpr int kNoDeadline = INT_MAX;

// Drivers joined by sharing a host on any board, ordered: clusters already half-way (holding dual
// drivers) first, then by the number of ports, smallest first. The ports in that order.
std::vector<int> PortsByPriority(const Inventory& inventory, const Requirements& required) {
  size_t nd = inventory.drivers.size();
  UnionFind sets(nd);
  for (const Board& board : inventory.boards) {
    for (const Host& host : board.hosts) {
      for (size_t i = 1; i < host.drivers.size(); ++i) sets.Unite(host.drivers[0], host.drivers[i]);
    }
  }
  std::vector<int> ports_in(nd, 0);
  std::vector<bool> has_dual(nd, false);
  for (size_t d = 0; d < nd; ++d) {
    int root = sets.Find(static_cast<int>(d));
    if (required.port[d]) ++ports_in[root];
    if (inventory.drivers[d].status == DriverStatus::kDual) has_dual[root] = true;
  }
  std::vector<int> order;
  for (size_t d = 0; d < nd; ++d) {
    if (required.port[d]) order.push_back(static_cast<int>(d));
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    int ra = sets.Find(a), rb = sets.Find(b);
    auto key = [&](int r) { return std::make_tuple(!has_dual[r], ports_in[r], r); };
    if (ra != rb) return key(ra) < key(rb);
    return inventory.drivers[a].id < inventory.drivers[b].id;
  });
  return order;
}

class ListScheduler {
 public:
  ListScheduler(const Inventory& inventory, const Requirements& required, const Capacities& c)
      : inventory_(inventory),
        required_(required),
        c_(c),
        by_priority_(PortsByPriority(inventory, required)) {
    effort_limited_ = c.effort_per_wave() != kUnlimited;
    for (int t = 0; t < c.teams(); ++t) {
      effort_limited_ = effort_limited_ || c.team_effort(t) != kUnlimited;
    }
    by_effort_ = by_priority_;
    std::stable_sort(by_effort_.begin(), by_effort_.end(),
                     [&](int a, int b) { return c.effort(a) > c.effort(b); });
    charged_of_.resize(inventory.drivers.size());
    std::vector<bool> needed(inventory.protocols.size(), false);
    for (int d : by_priority_) {
      for (int p : inventory.drivers[d].references) {
        if (required.clone[p] && c.charged(p)) {
          charged_of_[d].push_back(p);
          needed[p] = true;
        }
      }
    }
    for (size_t p = 0; p < inventory.protocols.size(); ++p) {
      if (required.clone[p] && c.charged(static_cast<int>(p)) && !needed[p]) {
        orphan_clones_.push_back(static_cast<int>(p));
      }
    }
  }

  // A list schedule within `waves` (kNoDeadline: as many as it takes, which always succeeds), or
  // nothing when it leaves work over. `largest_first`: under an effort budget, capped teams and a
  // tight wave take their largest ports first (better packing, clusters split more).
  std::optional<WaveAssignment> Schedule(int waves, bool largest_first) const {
    size_t nd = inventory_.drivers.size(), np = inventory_.protocols.size();
    WaveAssignment out{std::vector<int>(nd, 0), std::vector<int>(np, 0), 0};
    std::vector<int64_t> team_count(c_.teams(), 0), team_effort(c_.teams(), 0);
    int64_t effort_left = 0;
    size_t ports_left = by_priority_.size(), clones_left = 0;
    for (int d : by_priority_) {
      ++team_count[c_.team_of(d)];
      team_effort[c_.team_of(d)] += c_.effort(d);
      effort_left += c_.effort(d);
    }
    for (size_t p = 0; p < np; ++p) {
      if (required_.clone[p] && c_.charged(static_cast<int>(p))) {
        effort_left += c_.clone_cost(static_cast<int>(p));
        ++clones_left;
      }
    }
    for (int wave = 1; wave <= waves && (ports_left > 0 || clones_left > 0); ++wave) {
      int64_t after = waves == kNoDeadline ? -1 : waves - wave;  // -1: no deadline, nothing forced
      WaveLoad load(c_);
      bool progress = false;
      auto extra = [&](int d) {
        int64_t e = 0;
        for (int p : charged_of_[d]) {
          if (out.clone[p] == 0) e += c_.clone_cost(p);
        }
        return e;
      };
      auto clone = [&](int p) {
        out.clone[p] = wave;
        load.effort += c_.clone_cost(p);
        effort_left -= c_.clone_cost(p);
        --clones_left;
        progress = true;
      };
      auto take = [&](int d) {
        for (int p : charged_of_[d]) {
          if (out.clone[p] == 0) clone(p);
        }
        out.port[d] = wave;
        load.AddPort(c_, d);
        --team_count[c_.team_of(d)];
        team_effort[c_.team_of(d)] -= c_.effort(d);
        effort_left -= c_.effort(d);
        --ports_left;
        progress = true;
      };
      auto over = [&](int64_t left, int64_t capacity) {
        return after >= 0 && capacity != kUnlimited && left > capacity * after;
      };
      auto forced = [&](int team) {
        return over(team_count[team], c_.team_ports(team)) ||
               over(team_effort[team], c_.team_effort(team));
      };
      // What each capped team cannot leave for later; then fill the wave.
      for (int d : largest_first&& effort_limited_ ? by_effort_ : by_priority_) {
        if (out.port[d] == 0 && forced(c_.team_of(d)) && load.FitsPort(c_, d, extra(d))) take(d);
      }
      // When effort is tight the teams with the least slack go first (their work cannot all wait),
      // largest ports first within a team.
      bool tight = largest_first && over(effort_left, c_.effort_per_wave());
      std::vector<int> order = tight ? by_effort_ : by_priority_;
      if (tight) {
        auto slack = [&](int team) {
          int64_t budget = c_.team_effort(team);
          return budget == kUnlimited ? kUnlimited : budget * (after + 1) - team_effort[team];
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return slack(c_.team_of(a)) < slack(c_.team_of(b)); });
      }
      for (int d : order) {
        if (out.port[d] == 0 && load.FitsPort(c_, d, extra(d))) take(d);
      }
      // Room left over: clones that later ports will need, in their order, then the rest.
      if (clones_left > 0) {
        for (int d : by_priority_) {
          if (out.port[d] != 0) continue;
          for (int p : charged_of_[d]) {
            if (out.clone[p] == 0 && load.FitsEffort(c_, c_.clone_cost(p))) clone(p);
          }
        }
        for (int p : orphan_clones_) {
          if (out.clone[p] == 0 && load.FitsEffort(c_, c_.clone_cost(p))) clone(p);
        }
      }
      if (!progress) return std::nullopt;  // cannot happen after CheckCapacities; never loop
      out.waves = wave;
    }
    if (ports_left > 0 || clones_left > 0) {
      return std::nullopt;
    }
    return out;
  }

  // Moves single ports into waves where their switch-group partners are, or swaps them with a
  // port there when the wave is full, while capacity allows (a port never goes before a clone it
  // needs) and the dual-support lifetime drops.
  void Improve(WaveAssignment& a, const SwitchGroups& groups) const {
    std::vector<int>& port = a.port;
    std::vector<WaveLoad> load(a.waves + 1, WaveLoad(c_));
    std::vector<std::vector<int>> members(a.waves + 1);
    for (size_t d = 0; d < port.size(); ++d) {
      if (port[d] == 0) continue;
      load[port[d]].AddPort(c_, static_cast<int>(d));
      members[port[d]].push_back(static_cast<int>(d));
    }
    for (size_t p = 0; p < a.clone.size(); ++p) {
      if (a.clone[p] != 0) load[a.clone[p]].effort += c_.clone_cost(static_cast<int>(p));
    }
    std::vector<int> earliest(port.size(), 1);  // not before the clones it needs
    for (size_t d = 0; d < port.size(); ++d) {
      for (int p : charged_of_[d]) earliest[d] = std::max(earliest[d], a.clone[p]);
    }
    std::vector<int> group_wave(groups.ports.size(), 1);
    auto wave_of_group = [&](int g) {
      int w = 1;
      for (int d : groups.ports[g]) w = std::max(w, port[d]);
      return w;
    };
    for (size_t g = 0; g < groups.ports.size(); ++g) {
      group_wave[g] = wave_of_group(static_cast<int>(g));
    }
    auto lifetime_of = [&](const std::set<int>& drivers) {
      int total = 0;
      for (int d : drivers) {
        int retire = 1;
        for (int g : groups.groups_of[d]) retire = std::max(retire, group_wave[g]);
        total += retire - port[d];
      }
      return total;
    };
    // The lifetime change of placing `moved` (drivers) at `waves`, with `affected` the drivers
    // whose lifetime that can change.
    auto delta_of = [&](const std::vector<int>& moved, const std::vector<int>& waves,
                        const std::set<int>& affected) {
      int before = lifetime_of(affected);
      std::vector<int> from;
      for (size_t i = 0; i < moved.size(); ++i) {
        from.push_back(port[moved[i]]);
        port[moved[i]] = waves[i];
      }
      std::vector<std::pair<int, int>> saved;
      for (int d : moved) {
        for (int g : groups.groups_of[d]) {
          saved.push_back({g, group_wave[g]});
          group_wave[g] = wave_of_group(g);
        }
      }
      int delta = lifetime_of(affected) - before;
      for (auto it = saved.rbegin(); it != saved.rend(); ++it) group_wave[it->first] = it->second;
      for (size_t i = 0; i < moved.size(); ++i) port[moved[i]] = from[i];
      return delta;
    };
    auto affected_by = [&](int d, std::set<int>& affected) {
      for (int g : groups.groups_of[d]) {
        affected.insert(groups.retiring[g].begin(), groups.retiring[g].end());
      }
    };
    auto relocate = [&](int d, int to) {
      int from = port[d];
      load[from].AddPort(c_, d, -1);
      members[from].erase(std::find(members[from].begin(), members[from].end(), d));
      port[d] = to;
      load[to].AddPort(c_, d);
      members[to].push_back(d);
      for (int g : groups.groups_of[d]) group_wave[g] = wave_of_group(g);
    };
    // Whether `in` may replace `out` in `wave`'s load.
    auto fits_instead = [&](int in, int out, int wave) {
      load[wave].AddPort(c_, out, -1);
      bool fits = load[wave].FitsPort(c_, in);
      load[wave].AddPort(c_, out);
      return fits;
    };
    for (int pass = 0; pass < 8; ++pass) {
      bool improved = false;
      for (size_t di = 0; di < port.size(); ++di) {
        int d = static_cast<int>(di);
        if (port[d] == 0) continue;
        std::set<int> affected;
        affected_by(d, affected);
        std::set<int> candidates;
        for (int g : groups.groups_of[d]) {
          for (int e : groups.ports[g]) candidates.insert(port[e]);
        }
        int from = port[d];
        int best = 0, best_wave = from, best_partner = -1;
        for (int to : candidates) {
          if (to == from || to < earliest[d]) continue;
          if (load[to].FitsPort(c_, d)) {
            int delta = delta_of({d}, {to}, affected);
            if (delta < best) best = delta, best_wave = to, best_partner = -1;
            continue;
          }
          for (int e : members[to]) {
            if (earliest[e] > from || !fits_instead(d, e, to) || !fits_instead(e, d, from)) {
              continue;
            }
            std::set<int> both = affected;
            affected_by(e, both);
            int delta = delta_of({d, e}, {to, from}, both);
            if (delta < best) best = delta, best_wave = to, best_partner = e;
          }
        }
        if (best_wave == from) continue;
        relocate(d, best_wave);
        if (best_partner >= 0) relocate(best_partner, from);
        improved = true;
      }
      if (!improved) break;
    }
  }

 private:
  const Inventory& inventory_;
  const Requirements& required_;
  const Capacities& c_;
  std::vector<int> by_priority_, by_effort_;
  std::vector<std::vector<int>> charged_of_;  // per driver: the clones it needs that cost effort
  std::vector<int> orphan_clones_;            // clones that cost effort and no port needs
  bool effort_limited_ = false;
};

}  // namespace

WaveAssignment PlanHeuristically(const Inventory& inventory, const Requirements& required,
                                 const SwitchGroups& groups, const Capacities& capacities,
                                 int waves_lower_bound) {
  ListScheduler scheduler(inventory, required, capacities);
  std::optional<WaveAssignment> best;
  // A few wave counts from the bound up, each first in cluster order, then (under effort budgets)
  // largest first; then bisection below a schedule without deadline. Without effort budgets the
  // first count succeeds.
  auto schedule = [&](int t) {
    std::optional<WaveAssignment> at = scheduler.Schedule(t, false);
    return at ? at : scheduler.Schedule(t, true);
  };
  int failed = std::max(0, waves_lower_bound - 1);
  for (int t = std::max(1, waves_lower_bound); t < waves_lower_bound + 4 && !best; ++t) {
    best = schedule(t);
    if (!best) failed = t;
  }
  if (!best) {
    best = scheduler.Schedule(kNoDeadline, false);
    int lo = failed + 1, hi = best->waves;
    while (lo < hi) {
      int mid = lo + (hi - lo) / 2;
      if (std::optional<WaveAssignment> at = schedule(mid)) {
        best = std::move(at);
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
  }
  scheduler.Improve(*best, groups);
  return *best;
}

}  // namespace fdfkit::plan
