// The waves config (schema "fdfkit-waves-config/1", e.g. corpus/drivers/waves.json): which boards
// migrate-waves boots after each wave, from which base board file, with which behaviour checks,
// and where each driver's rewritten sources are (for the report's source diffs).
//
//   {
//     schema: "fdfkit-waves-config/1",
//     boards: [ { id: "block-stack", gni: "boards/block-stack.gni",
//                 base: "block-stack-board.json",          // relative to --drivers
//                 timeout_seconds: 60,                      // optional, default 60
//                 checks: [ { name: "block checks", event: "^block-check depth 16 failed=0 " } ] } ],
//     drivers: { "sdmmc": { source: "block-stack/sdmmc/sdmmc.cc",   // relative to --tree
//                           dual: "corpus/.../dual/sdmmc/sdmmc.cc",  // relative to --build-dir
//                           replace: "..." } },                      // each optional
//   }
//
// Parsing checks shapes and regexes; what the config names (boards, drivers, files) is checked
// against the inventory and the tree by LoadInputs (inputs.h).
#ifndef FDFKIT_MIGRATE_WAVES_CONFIG_H_
#define FDFKIT_MIGRATE_WAVES_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migrate/waves/diagnostics.h"

namespace fdfkit::waves {

inline constexpr char kConfigSchema[] = "fdfkit-waves-config/1";
inline constexpr int kDefaultTimeoutSeconds = 60;

// A behaviour check: some line of the board's event log must match `event` (ECMAScript regex).
struct EventCheck {
  std::string name;
  std::string event;
};

struct BoardConfig {
  std::string id;
  std::string gni;   // relative to the tree; empty: the inventory's
  std::string base;  // base board file, relative to --drivers
  int timeout_seconds = kDefaultTimeoutSeconds;
  std::vector<EventCheck> checks;
  std::string path;  // JSON path of this entry, for later diagnostics
};

struct DriverSources {
  std::string source;   // relative to the tree
  std::string dual;     // relative to the build dir; empty: none
  std::string replace;  // relative to the build dir; empty: none
  std::string path;     // JSON path of this entry
};

struct WavesConfig {
  std::vector<BoardConfig> boards;
  std::map<std::string, DriverSources> drivers;
};

struct ConfigRead {
  std::optional<WavesConfig> config;  // set only when `errors` is empty
  std::vector<InputDiagnostic> errors;
};

// Parses `text`, the contents of the config file `file` (named in diagnostics).
ConfigRead ParseWavesConfig(const std::string& text, const std::string& file);

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_CONFIG_H_
