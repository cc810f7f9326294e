#include "migrate/plan/requirements.h"

#include <algorithm>

namespace fdfkit::plan {

Requirements Require(const Inventory& inventory) {
  Requirements r;
  for (const Protocol& p : inventory.protocols) {
    r.clone.push_back(p.status == ProtocolStatus::kBanjo);
    r.delete_protocol.push_back(p.status != ProtocolStatus::kDeleted);
  }
  for (const Driver& d : inventory.drivers) {
    r.port.push_back(d.status == DriverStatus::kBanjo);
    r.delete_variant.push_back(d.status != DriverStatus::kPorted);
  }
  r.switches_of_driver.resize(inventory.drivers.size());
  for (size_t b = 0; b < inventory.boards.size(); ++b) {
    const Board& board = inventory.boards[b];
    r.switch_of_host.emplace_back(board.hosts.size(), -1);
    for (size_t h = 0; h < board.hosts.size(); ++h) {
      const Host& host = board.hosts[h];
      bool pending = std::any_of(host.drivers.begin(), host.drivers.end(), [&](int d) {
        return inventory.drivers[d].status != DriverStatus::kPorted;
      });
      if (!pending) continue;
      int index = static_cast<int>(r.switches.size());
      r.switches.push_back({static_cast<int>(b), static_cast<int>(h)});
      r.switch_of_host[b][h] = index;
      for (int d : host.drivers) r.switches_of_driver[d].push_back(index);
    }
  }
  return r;
}

Metrics Measure(const Inventory& inventory, const Requirements& required,
                const Schedule& schedule) {
  Metrics m;
  for (const auto* waves : {&schedule.clone, &schedule.port, &schedule.delete_variant,
                            &schedule.delete_protocol, &schedule.switches}) {
    for (int w : *waves) m.waves = std::max(m.waves, w);
  }
  m.switches = static_cast<int>(std::count_if(schedule.switches.begin(), schedule.switches.end(),
                                              [](int w) { return w > 0; }));
  for (size_t d = 0; d < inventory.drivers.size(); ++d) {
    if (!required.delete_variant[d] || schedule.delete_variant[d] == 0) continue;
    int ported = required.port[d] ? schedule.port[d] : 0;
    m.dual_lifetime += std::max(0, schedule.delete_variant[d] - ported);
  }
  // Duplication: per board, a driver with a banjo variant in several hosts, some switched. Each
  // board's hosts are read once, collecting the switch waves of each driver's hosts.
  std::vector<std::vector<int>> waves_of(inventory.drivers.size());
  for (size_t b = 0; b < inventory.boards.size(); ++b) {
    const Board& board = inventory.boards[b];
    std::vector<int> touched;
    for (size_t h = 0; h < board.hosts.size(); ++h) {
      int index = required.switch_of_host[b][h];
      int wave = index < 0 ? 0 : schedule.switches[index];
      for (int d : board.hosts[h].drivers) {
        const Driver& driver = inventory.drivers[d];
        if (driver.dual_binary || driver.status == DriverStatus::kPorted) continue;
        if (waves_of[d].empty()) touched.push_back(d);
        waves_of[d].push_back(wave == 0 ? m.waves + 1 : wave);  // unscheduled: never switches
      }
    }
    for (int d : touched) {
      const std::vector<int>& waves = waves_of[d];
      if (waves.size() >= 2) {
        auto [first, last] = std::minmax_element(waves.begin(), waves.end());
        // Split from the first switch up to the wave before the last one.
        m.duplication += std::max(0, std::min(*last, m.waves + 1) - *first);
      }
      waves_of[d].clear();
    }
  }
  return m;
}

}  // namespace fdfkit::plan
