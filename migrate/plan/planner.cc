#include "migrate/plan/planner.h"

#include <algorithm>
#include <climits>
#include <numeric>
#include <optional>
#include <set>

namespace fdfkit::plan {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Unite(int a, int b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<int> parent_;
};

int CeilDiv(int a, int b) { return (a + b - 1) / b; }

// Hosts of one board that must switch in one wave to avoid duplication: joined by a driver that
// has a banjo variant and no dual binary.
struct SwitchGroups {
  std::vector<int> group_of_switch;
  std::vector<std::vector<int>> ports;       // per group: drivers still to port in its hosts
  std::vector<std::vector<int>> retiring;    // per group: drivers whose variant it retires
  std::vector<std::vector<int>> groups_of;   // per driver: groups holding it
};

SwitchGroups GroupSwitches(const Inventory& inventory, const Requirements& required) {
  SwitchGroups groups;
  UnionFind sets(required.switches.size());
  for (size_t b = 0; b < inventory.boards.size(); ++b) {
    std::vector<int> first_switch_of(inventory.drivers.size(), -1);
    const Board& board = inventory.boards[b];
    for (size_t h = 0; h < board.hosts.size(); ++h) {
      int s = required.switch_of_host[b][h];
      if (s < 0) continue;
      for (int d : board.hosts[h].drivers) {
        const Driver& driver = inventory.drivers[d];
        if (driver.dual_binary || driver.status == DriverStatus::kPorted) continue;
        if (first_switch_of[d] < 0) first_switch_of[d] = s;
        else sets.Unite(s, first_switch_of[d]);
      }
    }
  }
  std::vector<int> id_of_root(required.switches.size(), -1);
  groups.groups_of.resize(inventory.drivers.size());
  for (size_t s = 0; s < required.switches.size(); ++s) {
    int root = sets.Find(static_cast<int>(s));
    if (id_of_root[root] < 0) {
      id_of_root[root] = static_cast<int>(groups.ports.size());
      groups.ports.emplace_back();
      groups.retiring.emplace_back();
    }
    groups.group_of_switch.push_back(id_of_root[root]);
  }
  for (size_t s = 0; s < required.switches.size(); ++s) {
    int g = groups.group_of_switch[s];
    const HostSwitch& sw = required.switches[s];
    for (int d : inventory.boards[sw.board].hosts[sw.host].drivers) {
      if (required.port[d]) groups.ports[g].push_back(d);
      if (required.delete_variant[d]) groups.retiring[g].push_back(d);
    }
  }
  for (size_t g = 0; g < groups.ports.size(); ++g) {
    for (auto* list : {&groups.ports[g], &groups.retiring[g]}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    for (int d : groups.retiring[g]) groups.groups_of[d].push_back(static_cast<int>(g));
  }
  return groups;
}

// Everything but the ports follows from the ports: groups switch when their last driver is
// ported, variants go when every group holding them switched, clones come just in time and
// protocols go when the last variant referencing them went.
Schedule Derive(const Inventory& inventory, const Requirements& required,
                const SwitchGroups& groups, const std::vector<int>& port) {
  Schedule s;
  s.port = port;
  std::vector<int> group_wave(groups.ports.size(), 1);
  for (size_t g = 0; g < groups.ports.size(); ++g) {
    for (int d : groups.ports[g]) group_wave[g] = std::max(group_wave[g], port[d]);
  }
  for (size_t i = 0; i < required.switches.size(); ++i) {
    s.switches.push_back(group_wave[groups.group_of_switch[i]]);
  }
  size_t nd = inventory.drivers.size(), np = inventory.protocols.size();
  s.delete_variant.assign(nd, 0);
  for (size_t d = 0; d < nd; ++d) {
    if (!required.delete_variant[d]) continue;
    int wave = 1;
    for (int g : groups.groups_of[d]) wave = std::max(wave, group_wave[g]);
    s.delete_variant[d] = wave;
  }
  s.clone.assign(np, 0);
  s.delete_protocol.assign(np, 0);
  for (size_t p = 0; p < np; ++p) {
    if (required.clone[p]) s.clone[p] = INT_MAX;
    if (required.delete_protocol[p]) s.delete_protocol[p] = 1;
  }
  for (size_t d = 0; d < nd; ++d) {
    for (int p : inventory.drivers[d].references) {
      if (required.clone[p] && required.port[d]) s.clone[p] = std::min(s.clone[p], port[d]);
      if (required.delete_protocol[p] && required.delete_variant[d]) {
        s.delete_protocol[p] = std::max(s.delete_protocol[p], s.delete_variant[d]);
      }
    }
  }
  for (size_t p = 0; p < np; ++p) {
    if (s.clone[p] == INT_MAX) s.clone[p] = 1;  // nothing ported needs it yet: clone at once
    if (required.delete_protocol[p]) {
      s.delete_protocol[p] = std::max(s.delete_protocol[p], s.clone[p]);
    }
  }
  return s;
}

// Drivers joined by sharing a host on any board, ordered: clusters already half-way (holding dual
// drivers) first, then by the number of ports, smallest first. Returns each port's priority.
std::vector<int> PortPriority(const Inventory& inventory, const Requirements& required) {
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
  std::vector<int> priority(nd, INT_MAX);
  for (size_t i = 0; i < order.size(); ++i) priority[order[i]] = static_cast<int>(i);
  return priority;
}

class PortScheduler {
 public:
  PortScheduler(const Inventory& inventory, const Requirements& required,
                const PlanOptions& options)
      : inventory_(inventory), required_(required), options_(options) {
    for (size_t d = 0; d < inventory.drivers.size(); ++d) {
      if (!required.port[d]) continue;
      ++ports_;
      ++team_ports_[inventory.drivers[d].team];
    }
  }

  int Cap(const std::string& team) const {
    auto it = options_.team_cap.find(team);
    return it == options_.team_cap.end() ? INT_MAX : it->second;
  }
  int Capacity() const { return options_.ports_per_wave > 0 ? options_.ports_per_wave : INT_MAX; }

  // A team with drivers to port and a capacity of 0: no plan exists.
  std::optional<std::string> TeamWithoutCapacity() const {
    for (const auto& [team, count] : team_ports_) {
      if (Cap(team) == 0) return team;
    }
    return std::nullopt;
  }

  // The fewest waves the ports fit in: exact (see planner.h). Every team with work must have
  // capacity (TeamWithoutCapacity).
  int MinimumWaves() const {
    if (ports_ == 0) return 0;
    int waves = options_.ports_per_wave > 0 ? CeilDiv(ports_, options_.ports_per_wave) : 1;
    for (const auto& [team, count] : team_ports_) {
      int cap = Cap(team);
      if (cap != INT_MAX) waves = std::max(waves, CeilDiv(count, cap));
    }
    return waves;
  }

  // List scheduling in priority order that keeps the rest feasible in `waves`: each wave first
  // takes what a team must port now to finish in time, then fills the capacity.
  std::vector<int> Schedule(int waves, const std::vector<int>& priority) {
    std::vector<int> pending;
    for (size_t d = 0; d < inventory_.drivers.size(); ++d) {
      if (required_.port[d]) pending.push_back(static_cast<int>(d));
    }
    std::sort(pending.begin(), pending.end(),
              [&](int a, int b) { return priority[a] < priority[b]; });
    std::vector<int> port(inventory_.drivers.size(), 0);
    std::map<std::string, int> remaining = team_ports_;
    for (int wave = 1; wave <= waves && !pending.empty(); ++wave) {
      long long after = waves - wave;
      std::map<std::string, int> taken;
      int count = 0;
      auto take = [&](int d) {
        port[d] = wave;
        ++taken[inventory_.drivers[d].team];
        --remaining[inventory_.drivers[d].team];
        ++count;
      };
      for (int d : pending) {  // what each capped team cannot leave for later
        const std::string& team = inventory_.drivers[d].team;
        int cap = Cap(team);
        if (cap == INT_MAX || count >= Capacity()) continue;
        if (remaining[team] > cap * after && taken[team] < cap) take(d);
      }
      for (int d : pending) {
        if (port[d] != 0 || count >= Capacity()) continue;
        const std::string& team = inventory_.drivers[d].team;
        if (taken[team] < Cap(team)) take(d);
      }
      pending.erase(std::remove_if(pending.begin(), pending.end(), [&](int d) { return port[d] != 0; }),
                    pending.end());
    }
    return port;
  }

  // Moves single ports into waves where their switch-group partners are, when capacity allows and
  // the dual-support lifetime drops.
  void Improve(std::vector<int>& port, const SwitchGroups& groups, int waves) {
    std::vector<std::map<std::string, int>> team_load(waves + 1);
    std::vector<int> load(waves + 1, 0);
    for (size_t d = 0; d < port.size(); ++d) {
      if (port[d] == 0) continue;
      ++load[port[d]];
      ++team_load[port[d]][inventory_.drivers[d].team];
    }
    std::vector<int> group_wave(groups.ports.size(), 1);
    auto wave_of_group = [&](int g) {
      int w = 1;
      for (int d : groups.ports[g]) w = std::max(w, port[d]);
      return w;
    };
    for (size_t g = 0; g < groups.ports.size(); ++g) group_wave[g] = wave_of_group(static_cast<int>(g));
    auto lifetime_of = [&](const std::set<int>& drivers) {
      int total = 0;
      for (int d : drivers) {
        int retire = 1;
        for (int g : groups.groups_of[d]) retire = std::max(retire, group_wave[g]);
        total += retire - port[d];
      }
      return total;
    };
    for (int pass = 0; pass < 4; ++pass) {
      bool improved = false;
      for (size_t di = 0; di < port.size(); ++di) {
        int d = static_cast<int>(di);
        if (port[d] == 0) continue;
        std::set<int> affected;
        std::set<int> candidates;
        for (int g : groups.groups_of[d]) {
          affected.insert(groups.retiring[g].begin(), groups.retiring[g].end());
          for (int e : groups.ports[g]) candidates.insert(port[e]);
        }
        const std::string& team = inventory_.drivers[d].team;
        int from = port[d];
        int before = lifetime_of(affected);
        int best = 0, best_wave = from;
        for (int to : candidates) {
          if (to == from || load[to] >= Capacity() || team_load[to][team] >= Cap(team)) continue;
          port[d] = to;
          std::vector<int> saved;
          for (int g : groups.groups_of[d]) {
            saved.push_back(group_wave[g]);
            group_wave[g] = wave_of_group(g);
          }
          int delta = lifetime_of(affected) - before;
          size_t i = 0;
          for (int g : groups.groups_of[d]) group_wave[g] = saved[i++];
          port[d] = from;
          if (delta < best) best = delta, best_wave = to;
        }
        if (best_wave == from) continue;
        --load[from];
        --team_load[from][team];
        port[d] = best_wave;
        ++load[best_wave];
        ++team_load[best_wave][team];
        for (int g : groups.groups_of[d]) group_wave[g] = wave_of_group(g);
        improved = true;
      }
      if (!improved) break;
    }
  }

 private:
  const Inventory& inventory_;
  const Requirements& required_;
  const PlanOptions& options_;
  int ports_ = 0;
  std::map<std::string, int> team_ports_;
};

// Drops empty waves, keeping the order of the rest.
void Compress(Schedule& s) {
  std::set<int> used;
  for (const auto* waves : {&s.clone, &s.port, &s.delete_variant, &s.delete_protocol, &s.switches}) {
    for (int w : *waves) {
      if (w > 0) used.insert(w);
    }
  }
  std::map<int, int> renumber;
  for (int w : used) renumber.emplace(w, static_cast<int>(renumber.size()) + 1);
  for (auto* waves : {&s.clone, &s.port, &s.delete_variant, &s.delete_protocol, &s.switches}) {
    for (int& w : *waves) {
      if (w > 0) w = renumber[w];
    }
  }
}

// Lower bounds: waves (exact), duplication 0, switches (fixed by the inventory), and for the
// dual-support lifetime the packing bound of disjoint switch groups plus one wave per dual driver.
Metrics LowerBound(const Inventory& inventory, const Requirements& required,
                   const SwitchGroups& groups, int waves, const PlanOptions& options) {
  Metrics bound;
  bound.waves = waves;
  bound.switches = static_cast<int>(required.switches.size());
  int capacity = options.ports_per_wave > 0 ? options.ports_per_wave : INT_MAX;
  std::vector<int> order(groups.ports.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return groups.ports[a].size() > groups.ports[b].size(); });
  std::vector<bool> counted(inventory.drivers.size(), false);
  for (int g : order) {
    const auto& ports = groups.ports[g];
    if (std::any_of(ports.begin(), ports.end(), [&](int d) { return counted[d]; })) continue;
    int k = static_cast<int>(ports.size());
    // The i-th driver from the end of the group's last wave waits at least i / capacity waves.
    for (int i = 0; i < k; ++i) bound.dual_lifetime += capacity == INT_MAX ? 0 : i / capacity;
    for (int d : ports) counted[d] = true;
  }
  for (size_t d = 0; d < inventory.drivers.size(); ++d) {
    if (inventory.drivers[d].status == DriverStatus::kDual) ++bound.dual_lifetime;
  }
  return bound;
}

}  // namespace

PlannedMigration PlanMigration(const Inventory& inventory, const Requirements& required,
                               const PlanOptions& options) {
  PlannedMigration out;
  PortScheduler scheduler(inventory, required, options);
  if (std::optional<std::string> team = scheduler.TeamWithoutCapacity()) {
    out.error = support::Make(diag::kTeamWithoutCapacity, *team);
    return out;
  }
  int waves = scheduler.MinimumWaves();
  SwitchGroups groups = GroupSwitches(inventory, required);
  std::vector<int> port(inventory.drivers.size(), 0);
  if (waves > 0) {
    port = scheduler.Schedule(waves, PortPriority(inventory, required));
    scheduler.Improve(port, groups, waves);
  }
  out.schedule = Derive(inventory, required, groups, port);
  Compress(out.schedule);
  out.metrics = Measure(inventory, required, out.schedule);
  out.lower_bound =
      LowerBound(inventory, required, groups, std::max(waves, std::min(out.metrics.waves, 1)), options);
  return out;
}

}  // namespace fdfkit::plan
