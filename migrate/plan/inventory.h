// The migration inventory (schema "fdfkit-inventory/1", migrate/plan/inventory.schema.json):
// protocols, drivers, boards with their driver hosts, and protocol edges. Loading validates every
// reference and reports each problem with the JSON path it was found at.
#ifndef FDFKIT_MIGRATE_PLAN_INVENTORY_H_
#define FDFKIT_MIGRATE_PLAN_INVENTORY_H_

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migrate/plan/diagnostics.h"

namespace fdfkit::plan {

inline constexpr char kInventorySchema[] = "fdfkit-inventory/1";

// Where a protocol stands: still banjo only, cloned (its driver-transport library exists), or
// deleted (nothing to do).
enum class ProtocolStatus { kBanjo, kCloned, kDeleted };
// Where a driver stands: banjo only, dual (serves both; the banjo variant still exists), or ported
// (the banjo variant is gone).
enum class DriverStatus { kBanjo, kDual, kPorted };

struct Protocol {
  std::string id;
  std::string transport = "driver";  // "driver" | "channel"
  int clone_effort = 1;
  ProtocolStatus status = ProtocolStatus::kBanjo;
};

struct Driver {
  std::string id;
  std::string team;
  int effort = 1;
  DriverStatus status = DriverStatus::kBanjo;
  bool dual_binary = false;  // one binary binds both flavours: no duplication when split
  std::vector<int> serves;    // protocol indices
  std::vector<int> consumes;  // protocol indices
  // Every protocol the driver references (serves or consumes), sorted, unique.
  std::vector<int> references;
};

struct Host {
  std::string id;
  std::vector<int> drivers;  // driver indices
};

struct Board {
  std::string id;
  std::vector<Host> hosts;
};

struct Edge {
  int from = -1;  // driver serving `protocol`
  int to = -1;    // driver consuming it
  int protocol = -1;
  std::optional<int> board;  // absent: every board where both drivers share a host
};

// A FIDL service one driver serves and another uses, over a Zircon channel or the driver
// transport. Nothing to migrate: the planner and the verifier ignore it; reports show it (across
// hosts it is legal, unlike a banjo edge). Absent from older inventories ($.service_edges).
struct ServiceEdge {
  int from = -1;                  // driver serving the service
  int to = -1;                    // driver using it
  std::string service;            // "lib.Service"
  std::string transport = "channel";  // "channel" | "driver" | "unknown"
  std::optional<int> board;       // absent: every board holding both drivers
};

struct Inventory {
  std::vector<Protocol> protocols;
  std::vector<Driver> drivers;
  std::vector<Board> boards;
  std::vector<Edge> edges;
  std::vector<ServiceEdge> service_edges;
  std::map<std::string, int> protocol_index;
  std::map<std::string, int> driver_index;
  std::map<std::string, int> board_index;
};

struct InventoryLoad {
  std::optional<Inventory> inventory;  // set only when `errors` is empty
  std::vector<JsonDiagnostic> errors;  // at JSON paths, e.g. $.drivers[3].serves[0]
  // The parsed file, for the fields beyond the core schema (a scan's board files and labels).
  nlohmann::json document;
};

// Parses and validates `text` (the contents of an inventory file).
InventoryLoad ParseInventory(const std::string& text);
// Reads and parses `path`; a read failure is reported as an error at path "$".
InventoryLoad LoadInventory(const std::string& path);

const char* DriverStatusName(DriverStatus status);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_INVENTORY_H_
