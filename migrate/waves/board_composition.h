// A board as it boots after a wave: the labels its .gni lists in the staged tree, each mapped to
// the variant of its driver the plan's state calls for, and the base board file with its drivers
// replaced by those variants' manifests (nodes and every other field kept). A label that
// disagrees with the plan's state (the ported label of a driver no host of the board holding it
// has switched yet, or the banjo label of one whose banjo variant is deleted) is a mismatch: the
// board file and the plan have drifted apart, which is a failing check of its own. Between the
// switch and the delete_variant the ported label boots the dual variant.
#ifndef FDFKIT_MIGRATE_WAVES_BOARD_COMPOSITION_H_
#define FDFKIT_MIGRATE_WAVES_BOARD_COMPOSITION_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "migrate/waves/inputs.h"
#include "migrate/waves/migration_state.h"

namespace fdfkit::waves {

// Every label the .gni `gni` (relative to `tree`) lists in `lists`, in order, imports followed.
// std::nullopt with `why` set when the file is missing or malformed.
std::optional<std::vector<std::string>> ReadBoardLabels(const std::string& tree,
                                                        const std::string& gni,
                                                        const std::vector<std::string>& lists,
                                                        std::string* why);

struct ComposedBoard {
  std::vector<std::string> variants;        // in label order, each once
  std::vector<std::string> mismatches;      // one sentence each
  std::vector<std::string> unknown_labels;  // listed, but no inventory label names them
  nlohmann::json board;                     // the board file to boot
};

// `drivers_dir` is where the variants are built; manifests are named by absolute path, so the
// board file can be written anywhere.
ComposedBoard ComposeBoard(const BoardInputs& board, const plan::Inventory& inventory,
                           const MigrationState& state, int wave,
                           const std::vector<std::string>& listed_labels,
                           const std::string& drivers_dir);

// The manifest of a variant: <drivers_dir>/<variant>/<variant>.cml, absolute.
std::string VariantManifest(const std::string& drivers_dir, const std::string& variant);

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_BOARD_COMPOSITION_H_
