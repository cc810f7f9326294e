// Everything migrate-waves reads before it runs a wave, read and checked at once: the inventory
// and the plan (with migrate-plan's loader and verifier), the board-config updates and every diff
// they name, the waves config, each configured board's base board file (with the runtime's board
// reader), its .gni in the tree and its labels in the inventory. Every problem is reported and no
// inputs are returned if there was one, so a bad input never half-runs.
#ifndef FDFKIT_MIGRATE_WAVES_INPUTS_H_
#define FDFKIT_MIGRATE_WAVES_INPUTS_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "migrate/plan/inventory.h"
#include "migrate/plan/requirements.h"
#include "migrate/waves/config.h"

namespace fdfkit::waves {

struct RunOptions {
  std::string inventory;     // inventory.json of a scanned tree
  std::string plan;          // plan.json
  std::string board_config;  // the plan's board-config/ folder
  std::string tree;          // the scanned tree (board .gni files and driver sources)
  std::string config;        // waves config
  std::string drivers;       // built drivers: <variant>/<variant>.cml, and the base boards
  std::string build_dir;     // rewritten sources are relative to it; empty: parent of `drivers`
  std::string boot;          // fdfkit-boot (or a stand-in with its command line)
  std::string out;
  int through_wave = 0;      // last wave to run; 0: every wave
};

// One label line of a board file the scan saw: the driver it ships, as banjo/dual (`label`) or as
// its driver-transport variant (`ported_label`).
struct BoardLabel {
  int driver = -1;
  std::string label;
  std::string ported_label;
};

struct BoardInputs {
  BoardConfig config;
  int board = -1;                  // inventory index
  std::string gni;                 // relative to the tree
  std::vector<std::string> lists;  // the label lists of the .gni the scan read
  std::vector<BoardLabel> labels;
  std::string base_path;           // the base board file
  nlohmann::json base;             // its contents (JSON5 read into JSON)
};

// A board-config diff of a wave, as updates.json lists it.
struct BoardDiff {
  int wave = 0;
  std::string board;
  std::string host;
  std::string file;  // relative to the board-config folder ("wave-02/switch-x.diff")
  std::string path;  // where it is
};

struct PlanWave {
  int wave = 0;
  std::vector<std::string> actions;  // "port sdmmc", "switch block-stack/block-stack/bus"
};

struct WaveInputs {
  RunOptions options;
  plan::Inventory inventory;
  plan::Requirements required;
  plan::Schedule schedule;
  std::vector<PlanWave> waves;  // in plan order, cut at --through-wave
  std::vector<BoardDiff> diffs;
  WavesConfig config;
  std::vector<BoardInputs> boards;  // in config order
};

struct InputsLoad {
  std::optional<WaveInputs> inputs;
  std::vector<std::string> errors;  // one line each, naming the file and the place in it
};

InputsLoad LoadInputs(const RunOptions& options);

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_INPUTS_H_
