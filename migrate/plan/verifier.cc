#include "migrate/plan/verifier.h"

#include <map>
#include <tuple>

namespace fdfkit::plan {

std::vector<JsonDiagnostic> VerifyPlan(const Inventory& inventory, const Requirements& required,
                                       const PlanRead& plan, const PlanOptions& options) {
  std::vector<JsonDiagnostic> out = plan.errors;
  // A verdict about the plan as a whole: no single JSON path to point at.
  auto violation = [&](const auto& def, const auto&... args) { out.push_back(AtPath("", def, args...)); };
  if (!plan.readable) return out;
  const Schedule& s = plan.schedule;
  for (size_t i = 1; i < plan.wave_numbers.size(); ++i) {
    if (plan.wave_numbers[i] <= plan.wave_numbers[i - 1]) {
      out.push_back(AtPath("$.waves[" + std::to_string(i) + "].wave", diag::kWavesNotIncreasing));
    }
  }
  const auto& protocols = inventory.protocols;
  const auto& drivers = inventory.drivers;
  auto switch_name = [&](size_t i) {
    const HostSwitch& sw = required.switches[i];
    const Board& board = inventory.boards[sw.board];
    return "switch " + board.id + "/" + board.hosts[sw.host].id;
  };
  // Missing actions.
  for (size_t p = 0; p < protocols.size(); ++p) {
    if (required.clone[p] && s.clone[p] == 0) violation(diag::kMissingAction, "clone " + protocols[p].id);
    if (required.delete_protocol[p] && s.delete_protocol[p] == 0) {
      violation(diag::kMissingAction, "delete_protocol " + protocols[p].id);
    }
  }
  for (size_t d = 0; d < drivers.size(); ++d) {
    if (required.port[d] && s.port[d] == 0) violation(diag::kMissingAction, "port " + drivers[d].id);
    if (required.delete_variant[d] && s.delete_variant[d] == 0) {
      violation(diag::kMissingAction, "delete_variant " + drivers[d].id);
    }
  }
  for (size_t i = 0; i < required.switches.size(); ++i) {
    if (s.switches[i] == 0) violation(diag::kMissingAction, switch_name(i));
  }
  // Orderings (same wave allowed). Checked only between actions that are present.
  auto before = [&](int first, int then, const std::string& a, const std::string& b) {
    if (first > 0 && then > 0 && first > then) {
      violation(diag::kOrderViolated, a, first, b, then);
    }
  };
  for (size_t d = 0; d < drivers.size(); ++d) {
    for (int p : drivers[d].references) {
      if (required.clone[p] && required.port[d]) {
        before(s.clone[p], s.port[d], "clone " + protocols[p].id, "port " + drivers[d].id);
      }
      if (required.delete_variant[d] && required.delete_protocol[p]) {
        before(s.delete_variant[d], s.delete_protocol[p], "delete_variant " + drivers[d].id,
               "delete_protocol " + protocols[p].id);
      }
    }
  }
  for (size_t p = 0; p < protocols.size(); ++p) {
    if (required.clone[p] && required.delete_protocol[p]) {
      before(s.clone[p], s.delete_protocol[p], "clone " + protocols[p].id,
             "delete_protocol " + protocols[p].id);
    }
  }
  for (size_t i = 0; i < required.switches.size(); ++i) {
    const HostSwitch& sw = required.switches[i];
    for (int d : inventory.boards[sw.board].hosts[sw.host].drivers) {
      if (required.port[d]) before(s.port[d], s.switches[i], "port " + drivers[d].id, switch_name(i));
      if (required.delete_variant[d]) {
        before(s.switches[i], s.delete_variant[d], switch_name(i), "delete_variant " + drivers[d].id);
      }
    }
  }
  // Capacities.
  std::map<int, int> ports;
  std::map<std::pair<int, std::string>, int> team_ports;
  for (size_t d = 0; d < drivers.size(); ++d) {
    if (s.port[d] == 0) continue;
    ++ports[s.port[d]];
    ++team_ports[{s.port[d], drivers[d].team}];
  }
  if (options.ports_per_wave > 0) {
    for (const auto& [wave, count] : ports) {
      if (count > options.ports_per_wave) {
        violation(diag::kWaveCapacityExceeded, wave, count, options.ports_per_wave);
      }
    }
  }
  for (const auto& [key, count] : team_ports) {
    auto cap = options.team_cap.find(key.second);
    if (cap != options.team_cap.end() && count > cap->second) {
      violation(diag::kTeamCapacityExceeded, key.first, count, key.second, cap->second);
    }
  }
  // Effort: a port costs its driver's effort (overall and for its team), a clone its protocol's
  // clone_effort (overall only).
  std::map<int, int64_t> effort;
  std::map<std::pair<int, std::string>, int64_t> team_effort;
  for (size_t d = 0; d < drivers.size(); ++d) {
    if (s.port[d] == 0) continue;
    effort[s.port[d]] += drivers[d].effort;
    team_effort[{s.port[d], drivers[d].team}] += drivers[d].effort;
  }
  for (size_t p = 0; p < protocols.size(); ++p) {
    if (s.clone[p] != 0) effort[s.clone[p]] += protocols[p].clone_effort;
  }
  if (options.effort_per_wave > 0) {
    for (const auto& [wave, total] : effort) {
      if (total > options.effort_per_wave) {
        violation(diag::kWaveEffortExceeded, wave, total, options.effort_per_wave);
      }
    }
  }
  for (const auto& [key, total] : team_effort) {
    auto budget = options.team_effort.find(key.second);
    if (budget != options.team_effort.end() && total > budget->second) {
      violation(diag::kTeamEffortExceeded, key.first, total, key.second, budget->second);
    }
  }
  // Stated metrics.
  if (plan.metrics && plan.errors.empty()) {
    Metrics actual = Measure(inventory, required, s);
    const Metrics& stated = *plan.metrics;
    auto compare = [&](const char* name, int said, int is) {
      if (said != is) {
        violation(diag::kMetricMismatch, name, is, said);
      }
    };
    compare("waves", stated.waves, actual.waves);
    compare("duplication", stated.duplication, actual.duplication);
    compare("dual_lifetime", stated.dual_lifetime, actual.dual_lifetime);
    compare("switches", stated.switches, actual.switches);
  }
  // A lower bound above what this very plan reaches proves nothing but a mistake.
  if (plan.lower_bounds && plan.errors.empty()) {
    Metrics actual = Measure(inventory, required, s);
    const Metrics& bound = *plan.lower_bounds;
    for (auto [name, said, is] : {std::tuple{"waves", bound.waves, actual.waves},
                                  std::tuple{"duplication", bound.duplication, actual.duplication},
                                  std::tuple{"dual_lifetime", bound.dual_lifetime, actual.dual_lifetime}}) {
      if (said > is) violation(diag::kBoundAboveValue, name, said, is);
    }
  }
  return out;
}

}  // namespace fdfkit::plan
