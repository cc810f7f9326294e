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
      Report("$", diag::kInventoryNotAnObject);
      return Finish();
    }
    const Json* schema = Find(root, "schema");
    if (schema == nullptr || !schema->is_string()) {
      Report("$.schema", diag::kInventorySchemaMissing, kInventorySchema);
    } else if (schema->get<std::string>() != kInventorySchema) {
      Report("$.schema", diag::kUnknownInventorySchema, schema->get<std::string>(), kInventorySchema);
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
    ForEach(root, "$", "service_edges", false, [&](const Json& item, const std::string& at) {
      ReadServiceEdge(item, at);
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

  template <typename... Args>
  void Report(const std::string& path, const support::DiagnosticDef<Args...>& def,
              const std::type_identity_t<Args>&... args) {
    errors_.push_back(AtPath(path, def, args...));
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
      if (required) Report(path, diag::kMissingArray);
      return;
    }
    if (!array->is_array()) {
      Report(path, diag::kExpectedArray);
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
      if (required) Report(at + "." + key, diag::kMissingString);
      return std::nullopt;
    }
    if (!value->is_string() || value->get<std::string>().empty()) {
      Report(at + "." + key, diag::kExpectedNonEmptyString);
      return std::nullopt;
    }
    return value->get<std::string>();
  }

  int Count(const Json& object, const std::string& at, const char* key, int fallback) {
    const Json* value = Find(object, key);
    if (value == nullptr) return fallback;
    if (!value->is_number_integer() || value->get<int64_t>() < 0 ||
        value->get<int64_t>() > 1000000) {
      Report(at + "." + key, diag::kExpectedNonNegativeInteger);
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
    Report(at + "." + key, diag::kExpectedOneOf, expected);
    return 0;
  }

  // Registers `id` in `index`; reports a duplicate with `duplicate`.
  bool Register(std::map<std::string, int>& index, std::map<std::string, std::string>& paths,
                const std::string& id, int position, const std::string& at,
                const support::DiagnosticDef<std::string_view, std::string_view>& duplicate) {
    auto [it, inserted] = index.emplace(id, position);
    if (!inserted) {
      Report(at + ".id", duplicate, id, paths[id]);
      return false;
    }
    paths[id] = at;
    return true;
  }

  void ReadProtocol(const Json& item, const std::string& at) {
    if (!item.is_object()) return Report(at, diag::kExpectedObject);
    Protocol protocol;
    auto id = String(item, at, "id", true);
    protocol.transport = Choice(item, at, "transport", {"driver", "channel"}) ? "channel" : "driver";
    protocol.clone_effort = Count(item, at, "clone_effort", 1);
    protocol.status =
        static_cast<ProtocolStatus>(Choice(item, at, "status", {"banjo", "cloned", "deleted"}));
    if (!id) return;
    protocol.id = *id;
    int position = static_cast<int>(inventory_.protocols.size());
    if (!Register(inventory_.protocol_index, protocol_paths_, *id, position, at,
                  diag::kDuplicateProtocolId)) {
      return;
    }
    inventory_.protocols.push_back(std::move(protocol));
  }

  std::vector<int> ProtocolList(const Json& item, const std::string& at, const char* key) {
    std::vector<int> out;
    ForEach(item, at, key, false, [&](const Json& ref, const std::string& ref_at) {
      if (!ref.is_string()) return Report(ref_at, diag::kExpectedProtocolId);
      auto it = inventory_.protocol_index.find(ref.get<std::string>());
      if (it == inventory_.protocol_index.end()) {
        return Report(ref_at, diag::kUnknownProtocol, ref.get<std::string>());
      }
      out.push_back(it->second);
    });
    return out;
  }

  void ReadDriver(const Json& item, const std::string& at) {
    if (!item.is_object()) return Report(at, diag::kExpectedObject);
    Driver driver;
    auto id = String(item, at, "id", true);
    driver.team = String(item, at, "team", false).value_or("unassigned");
    driver.effort = Count(item, at, "effort", 1);
    driver.status = static_cast<DriverStatus>(Choice(item, at, "status", {"banjo", "dual", "ported"}));
    if (const Json* dual = Find(item, "dual_binary")) {
      if (!dual->is_boolean()) Report(at + ".dual_binary", diag::kExpectedBoolean);
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
    if (!Register(inventory_.driver_index, driver_paths_, *id, position, at,
                  diag::kDuplicateDriverId)) {
      return;
    }
    for (int p : driver.references) {
      const Protocol& protocol = inventory_.protocols[p];
      if (protocol.status == ProtocolStatus::kDeleted && driver.status != DriverStatus::kPorted) {
        Report(at, diag::kBanjoVariantReferencesDeletedProtocol, *id, protocol.id);
      }
    }
    inventory_.drivers.push_back(std::move(driver));
  }

  void ReadBoard(const Json& item, const std::string& at) {
    if (!item.is_object()) return Report(at, diag::kExpectedObject);
    Board board;
    auto id = String(item, at, "id", true);
    std::set<std::string> host_ids;
    ForEach(item, at, "hosts", true, [&](const Json& host_item, const std::string& host_at) {
      if (!host_item.is_object()) return Report(host_at, diag::kExpectedObject);
      Host host;
      auto host_id = String(host_item, host_at, "id", true);
      std::set<int> seen;
      ForEach(host_item, host_at, "drivers", true, [&](const Json& ref, const std::string& ref_at) {
        if (!ref.is_string()) return Report(ref_at, diag::kExpectedDriverId);
        auto it = inventory_.driver_index.find(ref.get<std::string>());
        if (it == inventory_.driver_index.end()) {
          return Report(ref_at, diag::kUnknownDriver, ref.get<std::string>());
        }
        if (!seen.insert(it->second).second) {
          return Report(ref_at, diag::kDriverListedTwiceInHost, ref.get<std::string>());
        }
        host.drivers.push_back(it->second);
      });
      if (!host_id) return;
      if (!host_ids.insert(*host_id).second) {
        return Report(host_at + ".id", diag::kDuplicateHostId, *host_id);
      }
      host.id = *host_id;
      board.hosts.push_back(std::move(host));
    });
    if (!id) return;
    board.id = *id;
    int position = static_cast<int>(inventory_.boards.size());
    if (!Register(inventory_.board_index, board_paths_, *id, position, at, diag::kDuplicateBoardId)) {
      return;
    }
    inventory_.boards.push_back(std::move(board));
  }

  // The index `item[key]` names in `index`; an id it does not hold is reported with `unknown`.
  std::optional<int> Reference(const Json& item, const std::string& at, const char* key,
                               const std::map<std::string, int>& index,
                               const support::DiagnosticDef<std::string_view>& unknown,
                               bool required) {
    auto id = String(item, at, key, required);
    if (!id) return std::nullopt;
    auto it = index.find(*id);
    if (it == index.end()) {
      Report(at + "." + key, unknown, *id);
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
    if (!item.is_object()) return Report(at, diag::kExpectedObject);
    auto from = Reference(item, at, "from", inventory_.driver_index, diag::kUnknownDriver, true);
    auto to = Reference(item, at, "to", inventory_.driver_index, diag::kUnknownDriver, true);
    auto protocol =
        Reference(item, at, "protocol", inventory_.protocol_index, diag::kUnknownProtocol, true);
    auto board = Reference(item, at, "board", inventory_.board_index, diag::kUnknownBoard, false);
    if (!from || !to || !protocol) return;
    if (board) {
      for (int driver : {*from, *to}) {
        if (!BoardHolds(*board, driver)) {
          Report(at + ".board", diag::kEdgeDriverNotOnBoard, inventory_.boards[*board].id,
                 inventory_.drivers[driver].id);
        }
      }
    }
    inventory_.edges.push_back({*from, *to, *protocol, board});
  }

  void ReadServiceEdge(const Json& item, const std::string& at) {
    if (!item.is_object()) return Report(at, diag::kExpectedObject);
    auto from = Reference(item, at, "from", inventory_.driver_index, diag::kUnknownDriver, true);
    auto to = Reference(item, at, "to", inventory_.driver_index, diag::kUnknownDriver, true);
    auto service = String(item, at, "service", true);
    static const char* const kTransports[] = {"channel", "driver", "unknown"};
    int transport = Choice(item, at, "transport", {"channel", "driver", "unknown"});
    auto board = Reference(item, at, "board", inventory_.board_index, diag::kUnknownBoard, false);
    if (!from || !to || !service) return;
    if (board) {
      for (int driver : {*from, *to}) {
        if (!BoardHolds(*board, driver)) {
          Report(at + ".board", diag::kEdgeDriverNotOnBoard, inventory_.boards[*board].id,
                 inventory_.drivers[driver].id);
        }
      }
    }
    inventory_.service_edges.push_back({*from, *to, *service, kTransports[transport], board});
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
        Report(driver_paths_[id], diag::kDriverInNoHost, id);
      }
    }
  }

  Inventory inventory_;
  std::vector<JsonDiagnostic> errors_;
  std::map<std::string, std::string> protocol_paths_, driver_paths_, board_paths_;
};

}  // namespace

InventoryLoad ParseInventory(const std::string& text) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& error) {
    InventoryLoad load;
    load.errors.push_back(AtPath("$", diag::kInvalidJson, error.what()));
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
    load.errors.push_back(AtPath("$", diag::kCannotReadFile, path));
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
