#include "migrate/plan/lower_bounds.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace fdfkit::plan {
namespace {

int64_t CeilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

// How many of `sizes` fit together in `capacity`: the smallest ones first.
int64_t MostThatFit(std::vector<int64_t> sizes, int64_t capacity) {
  std::sort(sizes.begin(), sizes.end());
  int64_t count = 0, used = 0;
  for (int64_t s : sizes) {
    if (s > capacity - used) break;
    used += s;
    ++count;
  }
  return count;
}

}  // namespace

int64_t BinPackingBound(std::vector<int64_t> sizes, int64_t capacity) {
  sizes.erase(std::remove(sizes.begin(), sizes.end(), 0), sizes.end());
  if (sizes.empty()) return 0;
  int64_t total = std::accumulate(sizes.begin(), sizes.end(), int64_t{0});
  if (total <= capacity) return 1;
  int64_t c = capacity;  // now below the total, so products with counts stay small
  std::sort(sizes.begin(), sizes.end());
  std::vector<int64_t> prefix(sizes.size() + 1, 0);  // prefix[i]: sum of the i smallest
  for (size_t i = 0; i < sizes.size(); ++i) prefix[i + 1] = prefix[i] + sizes[i];
  auto first_above = [&](int64_t v) {  // index of the first size > v
    return static_cast<int64_t>(std::upper_bound(sizes.begin(), sizes.end(), v) - sizes.begin());
  };
  auto first_at_least = [&](int64_t v) {
    return static_cast<int64_t>(std::lower_bound(sizes.begin(), sizes.end(), v) - sizes.begin());
  };
  int64_t n = static_cast<int64_t>(sizes.size());
  int64_t best = CeilDiv(total, c);
  // sizes[half..] are larger than half a wave (2w > c).
  int64_t half =
      std::partition_point(sizes.begin(), sizes.end(), [&](int64_t w) { return 2 * w <= c; }) -
      sizes.begin();
  std::vector<int64_t> ks = {0};
  for (int64_t i = 0; i < half; ++i) {
    if (ks.back() != sizes[i]) ks.push_back(sizes[i]);
  }
  for (int64_t k : ks) {
    // J1: > c - k; J2: (c/2, c - k]; J3: [k, c/2].
    int64_t j1 = first_above(c - k);
    int64_t j2_count = std::max<int64_t>(0, j1 - half);
    int64_t j2_sum = prefix[j1] - prefix[std::min(half, j1)];
    int64_t j3_start = first_at_least(k);
    int64_t j3_sum = j3_start < half ? prefix[half] - prefix[j3_start] : 0;
    int64_t room = j2_count * c - j2_sum;
    int64_t bound = (n - j1) + j2_count + (j3_sum > room ? CeilDiv(j3_sum - room, c) : 0);
    best = std::max(best, bound);
  }
  return best;
}

int WavesLowerBound(const Inventory& inventory, const Requirements& required, const Capacities& c) {
  bool anything =
      std::count(required.port.begin(), required.port.end(), true) > 0 ||
      std::count(required.clone.begin(), required.clone.end(), true) > 0 ||
      std::count(required.delete_variant.begin(), required.delete_variant.end(), true) > 0 ||
      std::count(required.delete_protocol.begin(), required.delete_protocol.end(), true) > 0 ||
      !required.switches.empty();
  int64_t waves = anything ? 1 : 0;
  int64_t ports = 0;
  std::vector<int64_t> team_ports(c.teams(), 0);
  std::vector<std::vector<int64_t>> team_items(c.teams());
  std::vector<int64_t> items;
  for (size_t d = 0; d < inventory.drivers.size(); ++d) {
    if (!required.port[d]) continue;
    int team = c.team_of(static_cast<int>(d));
    ++ports;
    ++team_ports[team];
    items.push_back(c.effort(static_cast<int>(d)));
    team_items[team].push_back(c.effort(static_cast<int>(d)));
  }
  for (size_t p = 0; p < inventory.protocols.size(); ++p) {
    if (required.clone[p]) items.push_back(c.clone_cost(static_cast<int>(p)));
  }
  if (c.ports_per_wave() != kUnlimited) waves = std::max(waves, CeilDiv(ports, c.ports_per_wave()));
  if (c.effort_per_wave() != kUnlimited) {
    waves = std::max(waves, BinPackingBound(items, c.effort_per_wave()));
  }
  for (int t = 0; t < c.teams(); ++t) {
    if (team_ports[t] == 0) continue;
    if (c.team_ports(t) != kUnlimited) {
      waves = std::max(waves, CeilDiv(team_ports[t], c.team_ports(t)));
    }
    if (c.team_effort(t) != kUnlimited) {
      waves = std::max(waves, BinPackingBound(team_items[t], c.team_effort(t)));
    }
  }
  return static_cast<int>(waves);
}

int LifetimeLowerBound(const Inventory& inventory, const Requirements& required,
                       const SwitchGroups& groups, const Capacities& c) {
  int bound = 0;
  std::vector<int> order(groups.ports.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return groups.ports[a].size() > groups.ports[b].size(); });
  std::vector<bool> counted(inventory.drivers.size(), false);
  for (int g : order) {
    const std::vector<int>& ports = groups.ports[g];
    if (ports.size() < 2) break;
    if (std::any_of(ports.begin(), ports.end(), [&](int d) { return counted[d]; })) continue;
    // The most of the group's ports one wave can take.
    std::vector<int64_t> efforts;
    std::map<int, std::vector<int64_t>> by_team;
    for (int d : ports) {
      efforts.push_back(c.effort(d));
      by_team[c.team_of(d)].push_back(c.effort(d));
    }
    int64_t most = std::min<int64_t>(c.ports_per_wave(), MostThatFit(efforts, c.effort_per_wave()));
    int64_t by_teams = 0;
    for (const auto& [team, list] : by_team) {
      by_teams += std::min({static_cast<int64_t>(list.size()), c.team_ports(team),
                            MostThatFit(list, c.team_effort(team))});
    }
    most = std::max<int64_t>(1, std::min(most, by_teams));
    for (size_t i = 0; i < ports.size(); ++i) {
      bound += static_cast<int>(static_cast<int64_t>(i) / most);
    }
    for (int d : ports) counted[d] = true;
  }
  for (size_t d = 0; d < inventory.drivers.size(); ++d) {
    if (inventory.drivers[d].status == DriverStatus::kDual) ++bound;
  }
  return bound;
}

}  // namespace fdfkit::plan
