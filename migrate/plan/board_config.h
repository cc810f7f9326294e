// Board-config updates for a plan over a scanned inventory: for each switch action, the unified
// diff of the board .gni files that puts the host's drivers on their driver-transport labels; for
// each delete action, the files to remove.
//
// Label edits follow the hosts: while some host on a board still holds a driver's banjo variant,
// a switch adds the new label next to the old one (the board ships both: that is the duplication
// the planner minimises); the switch of the last such host replaces the old label. A label listed
// in a file several boards import changes only when every host holding it on every importing
// board has switched; earlier switches say so in a note. Dual binaries keep their label.
#ifndef FDFKIT_MIGRATE_PLAN_BOARD_CONFIG_H_
#define FDFKIT_MIGRATE_PLAN_BOARD_CONFIG_H_

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "migrate/plan/diagnostics.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::plan {

struct BoardConfigUpdate {
  int wave = 0;
  std::string kind;     // switch | delete_variant | delete_protocol
  std::string subject;  // host id, driver id or protocol id
  std::string board;    // switch only
  std::string diff;     // switch only; "" when no file changes
  std::vector<std::string> files;  // deletes: files to remove, relative to the tree root
  std::vector<std::string> notes;
};

struct BoardConfig {
  std::vector<BoardConfigUpdate> updates;  // in wave order, then plan order
  // Unreadable board files, labels no longer present; paths relative to the tree root.
  std::vector<FileDiagnostic> errors;
};

// True when the inventory carries a scan section (only then are board files known).
bool HasScanSection(const nlohmann::json& inventory_json);

// `tree_root` is where the scanned tree is now (the scan's root unless the user moved it).
BoardConfig PlanBoardConfig(const nlohmann::json& inventory_json, const Inventory& inventory,
                            const Requirements& required, const Schedule& schedule,
                            const std::string& tree_root);

// updates.json (schema fdfkit-board-config/1) naming the diff file of each switch.
nlohmann::ordered_json BoardConfigJson(const BoardConfig& config, const std::string& tree_root,
                                       const std::vector<std::string>& diff_files);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_BOARD_CONFIG_H_
