#include "migrate/waves/board_composition.h"

#include <algorithm>
#include <filesystem>

#include "migrate/plan/scan/gn_file.h"
#include "support/read_file.h"

namespace fdfkit::waves {

namespace fs = std::filesystem;

std::optional<std::vector<std::string>> ReadBoardLabels(const std::string& tree,
                                                        const std::string& gni,
                                                        const std::vector<std::string>& lists,
                                                        std::string* why) {
  auto read = [&](const std::string& path) { return support::ReadFile((fs::path(tree) / path).string()); };
  if (!read(gni)) {
    *why = "cannot read " + gni;
    return std::nullopt;
  }
  plan::scan::GnFile file = plan::scan::ReadGnFile(gni, read);
  if (!file.errors.empty()) {
    *why = file.errors.front().Text(tree);
    return std::nullopt;
  }
  std::vector<std::string> labels;
  for (const std::string& list : lists) {
    auto it = file.scope.find(list);
    if (it == file.scope.end()) continue;
    for (const std::string& label : it->second.Strings()) labels.push_back(label);
  }
  return labels;
}

std::string VariantManifest(const std::string& drivers_dir, const std::string& variant) {
  return (fs::absolute(drivers_dir) / variant / (variant + ".cml")).lexically_normal().string();
}

ComposedBoard ComposeBoard(const BoardInputs& board, const plan::Inventory& inventory,
                           const MigrationState& state, int wave,
                           const std::vector<std::string>& listed_labels,
                           const std::string& drivers_dir) {
  ComposedBoard composed;
  auto add_variant = [&](const std::string& variant) {
    if (std::find(composed.variants.begin(), composed.variants.end(), variant) == composed.variants.end()) {
      composed.variants.push_back(variant);
    }
  };
  for (const std::string& listed : listed_labels) {
    const BoardLabel* found = nullptr;
    bool ported = false;
    for (const BoardLabel& label : board.labels) {
      if (label.label == listed || label.ported_label == listed) {
        found = &label;
        ported = label.ported_label == listed;
        break;
      }
    }
    if (!found) {
      composed.unknown_labels.push_back(listed);
      continue;
    }
    const int d = found->driver;
    const std::string& driver = inventory.drivers[d].id;
    std::string after = " after wave " + std::to_string(wave);
    if (ported && !state.SwitchedOnBoard(board.board, d, wave)) {
      composed.mismatches.push_back(listed + " ships the driver-transport variant of " + driver +
                                    ", but no host of " + board.config.id +
                                    " holding it has switched" + after);
    } else if (ported && state.DriverAfter(d, wave) == VariantKind::kBanjo) {
      composed.mismatches.push_back(listed + " ships the driver-transport variant of " + driver +
                                    ", but the plan has not ported it" + after);
    } else if (!ported && state.DeleteVariantWave(d) > 0 && state.DeleteVariantWave(d) <= wave) {
      composed.mismatches.push_back(listed + " ships the banjo label of " + driver +
                                    ", but the plan has deleted its banjo variant" + after);
    }
    // The variant the plan's state calls for, whatever the label: dual until delete_variant.
    add_variant(state.VariantAfter(d, wave));
  }
  composed.board = board.base;
  nlohmann::json manifests = nlohmann::json::array();
  for (const std::string& variant : composed.variants) {
    manifests.push_back(VariantManifest(drivers_dir, variant));
  }
  composed.board["drivers"] = std::move(manifests);
  return composed;
}

}  // namespace fdfkit::waves
