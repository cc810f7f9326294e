#include "migrate/plan/derived_schedule.h"

#include "migrate/plan/union_find.h"

#include <algorithm>
#include <climits>
#include <map>
#include <numeric>
#include <set>

namespace fdfkit::plan {

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
        if (first_switch_of[d] < 0) {
          first_switch_of[d] = s;
        } else {
          sets.Unite(s, first_switch_of[d]);
        }
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

Schedule Derive(const Inventory& inventory, const Requirements& required,
                const SwitchGroups& groups, const std::vector<int>& port,
                const std::vector<int>& clone) {
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
    if (required.clone[p]) s.clone[p] = clone[p] > 0 ? clone[p] : INT_MAX;
    if (required.delete_protocol[p]) s.delete_protocol[p] = 1;
  }
  for (size_t d = 0; d < nd; ++d) {
    for (int p : inventory.drivers[d].references) {
      if (required.clone[p] && required.port[d] && clone[p] == 0) {
        s.clone[p] = std::min(s.clone[p], port[d]);
      }
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

int DropEmptyWaves(std::initializer_list<std::vector<int>*> lists) {
  std::map<int, int> renumber;
  for (const std::vector<int>* waves : lists) {
    for (int w : *waves) {
      if (w > 0) renumber.emplace(w, 0);
    }
  }
  int next = 0;
  for (auto& [wave, number] : renumber) number = ++next;
  for (std::vector<int>* waves : lists) {
    for (int& w : *waves) {
      if (w > 0) w = renumber[w];
    }
  }
  return next;
}

void Compress(Schedule& s) {
  DropEmptyWaves({&s.clone, &s.port, &s.delete_variant, &s.delete_protocol, &s.switches});
}

Schedule CompressedSchedule(const Inventory& inventory, const Requirements& required,
                            const SwitchGroups& groups, const std::vector<int>& port,
                            const std::vector<int>& clone) {
  Schedule s = Derive(inventory, required, groups, port, clone);
  Compress(s);
  return s;
}

}  // namespace fdfkit::plan
