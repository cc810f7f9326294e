// `migrate-plan scan`: builds an inventory (fdfkit-inventory/1) from a Fuchsia-style source tree.
//
// Boards are the .gni files in the rules' board directories; their driver label lists (with
// imports) name packages, which lead through BUILD.gn deps to driver components. For each driver
// the scan reads its deps (classified by target suffix), manifest (colocate), bind rules (parent
// protocols) and C++ sources (serves vs consumes). Hosts follow from colocation: a colocated
// driver joins the host of the driver serving its primary parent's protocol on the same board.
// What a static scan cannot decide is reported as a finding and can be settled by the overlay.
//
// Besides the core schema, the output records what board-config updates need: each board's
// label entries (file, line, list), each driver's board label and the label its driver-transport
// variant has or will have, the driver's banjo deps and files, and each protocol's files.
#ifndef FDFKIT_MIGRATE_PLAN_SCAN_SCANNER_H_
#define FDFKIT_MIGRATE_PLAN_SCAN_SCANNER_H_

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "migrate/plan/diagnostics.h"
#include "migrate/plan/scan/scan_rules.h"

namespace fdfkit::plan::scan {

struct ScanResult {
  nlohmann::ordered_json inventory;
  // Files relative to the tree root.
  std::vector<FileDiagnostic> errors;      // unreadable or malformed inputs: nothing may be written
  std::vector<FileDiagnostic> unresolved;  // warnings: guesses the scan had to make; listed in the inventory
};

// `root` is written into the inventory as given (relative roots keep outputs reproducible).
ScanResult ScanTree(const std::string& root, const ScanRules& rules, const ScanOverlay& overlay);

}  // namespace fdfkit::plan::scan

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_SCANNER_H_
