#include "migrate/plan/inventory.h"

#include "support/read_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace fdfkit::plan {
namespace {

using Json = nlohmann::json;

// Reads one inventory, collecting every problem instead of stopping at the first.
class InventoryReader {
 public:
  InventoryLoad Read(const Json& root) {
    if (!root.is_object()) {
      Error("$", "an inventory is a JSON object");
      return Finish();
    }
    const Json* schema = Find(root, "schema");
    if (schema == nullptr || !schema->is_string()) {
      Error("$.schema", std::string("missing; expected \"") + kInventorySchema + "\"");
    } else if (schema->get<std::string>() != kInventorySchema) {
      Error("$.schema", "unknown schema \"" + schema->get<std::string>() + "\"; expected \"" +
                            kInventorySchema + "\"");
      return Finish();  // another format: its contents mean something else
    }
    ForEach(root, "$", "protocols", true, [&](const Json& item, const std::string& at) {
      ReadProtocol(item, at);
    });
    ForEach(root, "$", "drivers", true, [&](const Json& item, const std::string& at) {
      ReadDriver(item, at);
    });
    ForEach(root, "$", "boards", true, [&](const Json& item, const std::string& at) {
      ReadBoard(item, at);
    });
    ForEach(root, "$", "edges", false, [&](const Json& item, const std::string& at) {
      ReadEdge(item, at);
    });
    CheckPlacement();
    return Finish();
  }

 private:
  InventoryLoad Finish() {
    InventoryLoad load;
    load.errors = std::move(errors_);
    if (load.errors.empty()) load.inventory = std::move(inventory_);
    return load;
  }

  void Error(const std::string& path, const std::string& message) {
    errors_.push_back({path, message});
  }

  static const Json* Find(const Json& object, const char* key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }

  template <typename Visit>
  void ForEach(const Json& object, const std::string& at, const char* key, bool required,
               Visit visit) {
    std::string path = at + "." + key;
    const Json* array = Find(object, key);
    if (array == nullptr) {
      if (required) Error(path, "missing; expected an array");
      return;
    }
    if (!array->is_array()) {
      Error(path, "expected an array");
      return;
    }
    for (size_t i = 0; i < array->size(); ++i) {
      visit((*array)[i], path + "[" + std::to_string(i) + "]");
    }
  }

  std::optional<std::string> String(const Json& object, const std::string& at, const char* key,
                                    bool required) {
    const Json* value = Find(object, key);
    if (value == nullptr) {
      if (required) Error(at + "." + key, "missing; expected a string");
      return std::nullopt;
    }
    if (!value->is_string() || value->get<std::string>().empty()) {
      Error(at + "." + key, "expected a non-empty string");
      return std::nullopt;
    }
    return value->get<std::string>();
  }

  int Count(const Json& object, const std::string& at, const char* key, int fallback) {
    const Json* value = Find(object, key);
    if (value == nullptr) return fallback;
    if (!value->is_number_integer() || value->get<int64_t>() < 0 ||
        value->get<int64_t>() > 1000000) {
      Error(at + "." + key, "expected a non-negative integer");
      return fallback;
    }
    return static_cast<int>(value->get<int64_t>());
  }

  // `key` must be one of `names` (whose position is returned) or absent (0).
  int Choice(const Json& object, const std::string& at, const char* key,
             std::initializer_list<const char*> names) {
    const Json* value = Find(object, key);
    if (value == nullptr) return 0;
    int index = 0;
    std::string expected;
    for (const char* name : names) {
      if (value->is_string() && value->get<std::string>() == name) return index;
      expected += std::string(index ? ", " : "") + "\"" + name + "\"";
      ++index;
    }
    Error(at + "." + key, "expected one of " + expected);
    return 0;
  }

  // Registers `id` in `index`; reports a duplicate.
  bool Register(std::map<std::string, int>& index, std::map<std::string, std::string>& paths,
                const std::string& id, int position, const std::string& at, const char* what) {
    auto [it, inserted] = index.emplace(id, position);
    if (!inserted) {
      Error(at + ".id", std::string("duplicate ") + what + " id \"" + id + "\" (first at " +
                            paths[id] + ")");
      return false;
    }
    paths[id] = at;
    return true;
  }

  void ReadProtocol(const Json& item, const std::string& at) {
    if (!item.is_object()) return Error(at, "expected an object");
    Protocol protocol;
    auto id = String(item, at, "id", true);
    protocol.transport = Choice(item, at, "transport", {"driver", "channel"}) ? "channel" : "driver";
    protocol.clone_effort = Count(item, at, "clone_effort", 1);
    protocol.status =
        static_cast<ProtocolStatus>(Choice(item, at, "status", {"banjo", "cloned", "deleted"}));
    if (!id) return;
    protocol.id = *id;
    int position = static_cast<int>(inventory_.protocols.size());
    if (!Register(inventory_.protocol_index, protocol_paths_, *id, position, at, "protocol")) return;
    inventory_.protocols.push_back(std::move(protocol));
  }

  std::vector<int> ProtocolList(const Json& item, const std::string& at, const char* key) {
    std::vector<int> out;
    ForEach(item, at, key, false, [&](const Json& ref, const std::string& ref_at) {
      if (!ref.is_string()) return Error(ref_at, "expected a protocol id");
      auto it = inventory_.protocol_index.find(ref.get<std::string>());
      if (it == inventory_.protocol_index.end()) {
        return Error(ref_at, "unknown protocol \"" + ref.get<std::string>() + "\"");
      }
      out.push_back(it->second);
    });
    return out;
  }

  void ReadDriver(const Json& item, const std::string& at) {
    if (!item.is_object()) return Error(at, "expected an object");
    Driver driver;
    auto id = String(item, at, "id", true);
    driver.team = String(item, at, "team", false).value_or("unassigned");
    driver.effort = Count(item, at, "effort", 1);
    driver.status = static_cast<DriverStatus>(Choice(item, at, "status", {"banjo", "dual", "ported"}));
    if (const Json* dual = Find(item, "dual_binary")) {
      if (!dual->is_boolean()) Error(at + ".dual_binary", "expected true or false");
      else driver.dual_binary = dual->get<bool>();
    }
    driver.serves = ProtocolList(item, at, "serves");
    driver.consumes = ProtocolList(item, at, "consumes");
    driver.references = driver.serves;
    driver.references.insert(driver.references.end(), driver.consumes.begin(),
                             driver.consumes.end());
    std::sort(driver.references.begin(), driver.references.end());
    driver.references.erase(std::unique(driver.references.begin(), driver.references.end()),
                            driver.references.end());
    if (!id) return;
    driver.id = *id;
    int position = static_cast<int>(inventory_.drivers.size());
    if (!Register(inventory_.driver_index, driver_paths_, *id, position, at, "driver")) return;
    for (int p : driver.references) {
      const Protocol& protocol = inventory_.protocols[p];
      if (protocol.status == ProtocolStatus::kDeleted && driver.status != DriverStatus::kPorted) {
        Error(at, "driver \"" + *id + "\" still has a banjo variant but references protocol \"" +
                      protocol.id + "\", which is deleted");
      }
    }
    inventory_.drivers.push_back(std::move(driver));
  }

  void ReadBoard(const Json& item, const std::string& at) {
    if (!item.is_object()) return Error(at, "expected an object");
    Board board;
    auto id = String(item, at, "id", true);
    std::set<std::string> host_ids;
    ForEach(item, at, "hosts", true, [&](const Json& host_item, const std::string& host_at) {
      if (!host_item.is_object()) return Error(host_at, "expected an object");
      Host host;
      auto host_id = String(host_item, host_at, "id", true);
      std::set<int> seen;
      ForEach(host_item, host_at, "drivers", true, [&](const Json& ref, const std::string& ref_at) {
        if (!ref.is_string()) return Error(ref_at, "expected a driver id");
        auto it = inventory_.driver_index.find(ref.get<std::string>());
        if (it == inventory_.driver_index.end()) {
          return Error(ref_at, "unknown driver \"" + ref.get<std::string>() + "\"");
        }
        if (!seen.insert(it->second).second) {
          return Error(ref_at, "driver \"" + ref.get<std::string>() + "\" listed twice in one host");
        }
        host.drivers.push_back(it->second);
      });
      if (!host_id) return;
      if (!host_ids.insert(*host_id).second) {
        return Error(host_at + ".id", "duplicate host id \"" + *host_id + "\" on this board");
      }
      host.id = *host_id;
      board.hosts.push_back(std::move(host));
    });
    if (!id) return;
    board.id = *id;
    int position = static_cast<int>(inventory_.boards.size());
    if (!Register(inventory_.board_index, board_paths_, *id, position, at, "board")) return;
    inventory_.boards.push_back(std::move(board));
  }

  std::optional<int> Reference(const Json& item, const std::string& at, const char* key,
                               const std::map<std::string, int>& index, const char* what,
                               bool required) {
    auto id = String(item, at, key, required);
    if (!id) return std::nullopt;
    auto it = index.find(*id);
    if (it == index.end()) {
      Error(at + "." + key, std::string("unknown ") + what + " \"" + *id + "\"");
      return std::nullopt;
    }
    return it->second;
  }

  bool BoardHolds(int board, int driver) const {
    for (const Host& host : inventory_.boards[board].hosts) {
      if (std::find(host.drivers.begin(), host.drivers.end(), driver) != host.drivers.end()) {
        return true;
      }
    }
    return false;
  }

  void ReadEdge(const Json& item, const std::string& at) {
    if (!item.is_object()) return Error(at, "expected an object");
    auto from = Reference(item, at, "from", inventory_.driver_index, "driver", true);
    auto to = Reference(item, at, "to", inventory_.driver_index, "driver", true);
    auto protocol = Reference(item, at, "protocol", inventory_.protocol_index, "protocol", true);
    auto board = Reference(item, at, "board", inventory_.board_index, "board", false);
    if (!from || !to || !protocol) return;
    if (board) {
      for (int driver : {*from, *to}) {
        if (!BoardHolds(*board, driver)) {
          Error(at + ".board", "board \"" + inventory_.boards[*board].id +
                                   "\" does not hold driver \"" + inventory_.drivers[driver].id +
                                   "\"");
        }
      }
    }
    inventory_.edges.push_back({*from, *to, *protocol, board});
  }

  // Every driver sits in some host.
  void CheckPlacement() {
    std::vector<bool> placed(inventory_.drivers.size(), false);
    for (const Board& board : inventory_.boards) {
      for (const Host& host : board.hosts) {
        for (int d : host.drivers) placed[d] = true;
      }
    }
    for (size_t d = 0; d < placed.size(); ++d) {
      if (!placed[d]) {
        const std::string& id = inventory_.drivers[d].id;
        Error(driver_paths_[id], "driver \"" + id + "\" is in no host on any board");
      }
    }
  }

  Inventory inventory_;
  std::vector<InventoryError> errors_;
  std::map<std::string, std::string> protocol_paths_, driver_paths_, board_paths_;
};

}  // namespace

InventoryLoad ParseInventory(const std::string& text) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& error) {
    InventoryLoad load;
    load.errors.push_back({"$", std::string("not valid JSON: ") + error.what()});
    return load;
  }
  InventoryLoad load = InventoryReader().Read(root);
  load.document = std::move(root);
  return load;
}

InventoryLoad LoadInventory(const std::string& path) {
  std::optional<std::string> text = fdfkit::support::ReadFile(path);
  if (!text) {
    InventoryLoad load;
    load.errors.push_back({"$", "cannot read " + path});
    return load;
  }
  return ParseInventory(*text);
}

const char* DriverStatusName(DriverStatus status) {
  switch (status) {
    case DriverStatus::kBanjo: return "banjo";
    case DriverStatus::kDual: return "dual";
    case DriverStatus::kPorted: return "ported";
  }
  return "?";
}

}  // namespace fdfkit::plan
