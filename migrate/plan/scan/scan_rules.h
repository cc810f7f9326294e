// The declarative rules `migrate-plan scan` reads (rules/migrate-plan-scan.json, compiled in) and
// the overlay a user supplies for what a static scan cannot see (schema fdfkit-scan-overlay/1):
// a merge patch over the rules, per-driver and per-protocol field overrides, primary parents per
// board, and extra instances of a driver (a driver the board adds under several parents).
#ifndef FDFKIT_MIGRATE_PLAN_SCAN_SCAN_RULES_H_
#define FDFKIT_MIGRATE_PLAN_SCAN_SCAN_RULES_H_

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migrate/plan/diagnostics.h"

namespace fdfkit::plan::scan {

inline constexpr char kScanOverlaySchema[] = "fdfkit-scan-overlay/1";

struct ScanRules {
  std::vector<std::string> board_dirs;
  std::vector<std::string> build_machinery_dirs;  // GN's own templates: never read (see SourceTree)
  std::vector<std::string> board_label_lists;
  std::vector<std::string> board_configuration_types;  // GN templates declaring a board
  std::vector<std::string> board_input_bundle_types;   // GN templates listing a board's drivers
  std::vector<std::string> driver_target_types;
  std::vector<std::string> bind_target_types;
  std::vector<std::string> follow_variables;
  std::map<std::string, std::vector<std::string>> dep_suffixes;  // banjo | driver | channel
  std::vector<std::string> banjo_library_dirs;
  std::vector<std::string> fidl_library_dirs;
  std::vector<std::string> ignored_mixins;
  std::vector<std::string> external_services;  // "lib.Service" served from outside the tree
  std::vector<std::string> team_path;  // patterns with {team}
  std::string default_team;
  std::string default_transport;
  std::vector<std::string> ported_variant_suffixes;
  std::string new_variant_suffix;
  std::map<std::string, std::string> successors;      // banjo library → FIDL library
  std::map<std::string, std::string> bind_protocols;  // bind value → banjo library ("" = none)
  // ZX_PROTOCOL_ id → banjo library, for ids whose name is not the library's (PWM_IMPL: pwm).
  std::map<std::string, std::string> protocol_ids;
  // fuchsia.BIND_FIDL_PROTOCOL value → the FIDL library its parent serves over a channel.
  std::map<std::string, std::string> bind_fidl_protocols;

  std::string Successor(const std::string& banjo_library) const;
};

struct ScanOverlay {
  nlohmann::json drivers = nlohmann::json::object();    // id → inventory field overrides
  nlohmann::json protocols = nlohmann::json::object();  // id → inventory field overrides
  // board → driver → parent driver ("" = a host of its own)
  std::map<std::string, std::map<std::string, std::string>> parents;
  // board → driver → parents of further instances
  std::map<std::string, std::map<std::string, std::vector<std::string>>> instances;
};

struct ScanRulesLoad {
  std::optional<ScanRules> rules;
  ScanOverlay overlay;
  std::vector<JsonDiagnostic> errors;  // JSON paths, prefixed by the file they are in
};

// The compiled-in defaults, with `overlay_text` (may be empty) applied. `overlay_name` names the
// overlay file in errors.
ScanRulesLoad LoadScanRules(const std::string& overlay_text, const std::string& overlay_name);

}  // namespace fdfkit::plan::scan

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_SCAN_RULES_H_
