#include "migrate/plan/plan_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace fdfkit::plan {
namespace {

using Json = nlohmann::ordered_json;

Json MetricsJson(const Metrics& m) {
  return Json{{"waves", m.waves},
              {"duplication", m.duplication},
              {"dual_lifetime", m.dual_lifetime},
              {"switches", m.switches}};
}

}  // namespace

std::string WritePlanJson(const Inventory& inventory, const Requirements& required,
                          const Schedule& schedule, const Metrics& metrics,
                          const Metrics& lower_bound, const Certificate* certificate) {
  std::map<int, Json> waves;
  auto add = [&](int wave, Json action) {
    if (wave <= 0) return;
    waves[wave].push_back(std::move(action));
  };
  // Within a wave: clones, ports, switches, variant deletions, protocol deletions (the order the
  // work is done in), each in inventory order.
  for (size_t p = 0; p < inventory.protocols.size(); ++p) {
    if (required.clone[p]) add(schedule.clone[p], {{"kind", "clone"}, {"protocol", inventory.protocols[p].id}});
  }
  for (size_t d = 0; d < inventory.drivers.size(); ++d) {
    if (required.port[d]) add(schedule.port[d], {{"kind", "port"}, {"driver", inventory.drivers[d].id}});
  }
  for (size_t s = 0; s < required.switches.size(); ++s) {
    const HostSwitch& sw = required.switches[s];
    const Board& board = inventory.boards[sw.board];
    add(schedule.switches[s],
        {{"kind", "switch"}, {"board", board.id}, {"host", board.hosts[sw.host].id}});
  }
  for (size_t d = 0; d < inventory.drivers.size(); ++d) {
    if (required.delete_variant[d]) {
      add(schedule.delete_variant[d], {{"kind", "delete_variant"}, {"driver", inventory.drivers[d].id}});
    }
  }
  for (size_t p = 0; p < inventory.protocols.size(); ++p) {
    if (required.delete_protocol[p]) {
      add(schedule.delete_protocol[p],
          {{"kind", "delete_protocol"}, {"protocol", inventory.protocols[p].id}});
    }
  }
  Json out{{"schema", kPlanSchema}, {"waves", Json::array()}};
  for (auto& [wave, actions] : waves) {
    out["waves"].push_back({{"wave", wave}, {"actions", std::move(actions)}});
  }
  out["metrics"] = MetricsJson(metrics);
  out["lower_bounds"] = MetricsJson(lower_bound);
  if (certificate) out["certificate"] = CertificateJson(*certificate);
  return out.dump(2) + "\n";
}

namespace {

// The index `action[key]` names in `index`: -1 after reporting an id that is not a string
// (`expected`) or not in the inventory (`unknown`).
int Lookup(const std::map<std::string, int>& index, const Json& action, const char* key,
           const std::string& at, const support::DiagnosticDef<>& expected,
           const support::DiagnosticDef<std::string_view>& unknown, PlanRead* read) {
  std::string path = at + "." + key;
  if (!action.contains(key) || !action[key].is_string()) {
    read->errors.push_back(AtPath(path, expected));
    return -1;
  }
  auto it = index.find(action[key].get<std::string>());
  if (it == index.end()) {
    read->errors.push_back(AtPath(path, unknown, action[key].get<std::string>()));
    return -1;
  }
  return it->second;
}

}  // namespace

PlanRead ReadPlanJson(const std::string& text, const Inventory& inventory,
                      const Requirements& required) {
  PlanRead read;
  Schedule& s = read.schedule;
  s.clone.assign(inventory.protocols.size(), 0);
  s.delete_protocol.assign(inventory.protocols.size(), 0);
  s.port.assign(inventory.drivers.size(), 0);
  s.delete_variant.assign(inventory.drivers.size(), 0);
  s.switches.assign(required.switches.size(), 0);
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& e) {
    read.errors.push_back(AtPath("$", diag::kInvalidJson, e.what()));
    return read;
  }
  if (!root.is_object() || !root.contains("schema") || root["schema"] != kPlanSchema) {
    read.errors.push_back(AtPath("$.schema", diag::kExpectedSchema, kPlanSchema));
    return read;
  }
  if (!root.contains("waves") || !root["waves"].is_array()) {
    read.errors.push_back(AtPath("$.waves", root.contains("waves") ? diag::kExpectedArray : diag::kMissingArray));
    return read;
  }
  read.readable = true;
  // Where each action was first seen, to name both places of a duplicate.
  std::map<std::string, std::string> seen;
  const Json& waves = root["waves"];
  for (size_t wi = 0; wi < waves.size(); ++wi) {
    std::string wave_path = "$.waves[" + std::to_string(wi) + "]";
    const Json& wave = waves[wi];
    if (!wave.is_object() || !wave.contains("wave") || !wave["wave"].is_number_integer() ||
        wave["wave"].get<int64_t>() < 1 || wave["wave"].get<int64_t>() > 1000000) {
      read.errors.push_back(AtPath(wave_path + ".wave", diag::kExpectedWaveNumber));
      continue;
    }
    int number = static_cast<int>(wave["wave"].get<int64_t>());
    read.wave_numbers.push_back(number);
    if (!wave.contains("actions") || !wave["actions"].is_array()) {
      read.errors.push_back(AtPath(wave_path + ".actions", wave.contains("actions") ? diag::kExpectedArray : diag::kMissingArray));
      continue;
    }
    const Json& actions = wave["actions"];
    for (size_t ai = 0; ai < actions.size(); ++ai) {
      std::string at = wave_path + ".actions[" + std::to_string(ai) + "]";
      const Json& action = actions[ai];
      std::string kind = action.is_object() && action.contains("kind") && action["kind"].is_string()
                             ? action["kind"].get<std::string>()
                             : "";
      int* slot = nullptr;
      std::string key;
      if (kind == "clone" || kind == "delete_protocol") {
        int p = Lookup(inventory.protocol_index, action, "protocol", at, diag::kExpectedProtocolId, diag::kUnknownProtocol, &read);
        if (p < 0) continue;
        bool needed = kind == "clone" ? required.clone[p] : required.delete_protocol[p];
        if (!needed) {
          read.errors.push_back(AtPath(at, diag::kProtocolActionNotNeeded, kind, inventory.protocols[p].id));
          continue;
        }
        slot = kind == "clone" ? &s.clone[p] : &s.delete_protocol[p];
        key = kind + " " + inventory.protocols[p].id;
      } else if (kind == "port" || kind == "delete_variant") {
        int d = Lookup(inventory.driver_index, action, "driver", at, diag::kExpectedDriverId, diag::kUnknownDriver, &read);
        if (d < 0) continue;
        bool needed = kind == "port" ? required.port[d] : required.delete_variant[d];
        if (!needed) {
          read.errors.push_back(AtPath(at, diag::kDriverActionNotNeeded, kind, inventory.drivers[d].id,
                                       DriverStatusName(inventory.drivers[d].status)));
          continue;
        }
        slot = kind == "port" ? &s.port[d] : &s.delete_variant[d];
        key = kind + " " + inventory.drivers[d].id;
      } else if (kind == "switch") {
        int b = Lookup(inventory.board_index, action, "board", at, diag::kExpectedBoardId, diag::kUnknownBoard, &read);
        if (b < 0) continue;
        const Board& board = inventory.boards[b];
        if (!action.contains("host") || !action["host"].is_string()) {
          read.errors.push_back(AtPath(at + ".host", diag::kExpectedHostId));
          continue;
        }
        int h = -1;
        for (size_t i = 0; i < board.hosts.size(); ++i) {
          if (action["host"] == board.hosts[i].id) h = static_cast<int>(i);
        }
        if (h < 0) {
          read.errors.push_back(AtPath(at + ".host", diag::kUnknownHost, action["host"].get<std::string>(), board.id));
          continue;
        }
        int index = required.switch_of_host[b][h];
        if (index < 0) {
          read.errors.push_back(AtPath(at, diag::kHostAlreadySwitched, board.hosts[h].id, board.id));
          continue;
        }
        slot = &s.switches[index];
        key = "switch " + board.id + "/" + board.hosts[h].id;
      } else {
        read.errors.push_back(AtPath(at + ".kind", diag::kUnknownActionKind));
        continue;
      }
      auto [it, fresh] = seen.emplace(key, at);
      if (!fresh) {
        read.errors.push_back(AtPath(at, diag::kDuplicateAction, key, it->second));
        continue;
      }
      *slot = number;
    }
  }
  // The stated metrics, and the lower bounds stated beside them.
  for (const auto& entry : {std::pair{"metrics", &read.metrics}, std::pair{"lower_bounds", &read.lower_bounds}}) {
    const std::string section = entry.first;
    std::optional<Metrics>* slot = entry.second;
    if (!root.contains(section) || !root[section].is_object()) continue;
    const Json& m = root[section];
    Metrics metrics;
    auto get = [&](const char* key, int* out) {
      if (m.contains(key) && m[key].is_number_integer()) *out = m[key].get<int>();
      else read.errors.push_back(AtPath(std::string("$.") + section + "." + key, diag::kExpectedInteger));
    };
    get("waves", &metrics.waves);
    get("duplication", &metrics.duplication);
    get("dual_lifetime", &metrics.dual_lifetime);
    get("switches", &metrics.switches);
    *slot = metrics;
  }
  return read;
}

}  // namespace fdfkit::plan
