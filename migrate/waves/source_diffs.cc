#include "migrate/waves/source_diffs.h"

#include <filesystem>

#include "support/atomic_write.h"
#include "support/read_file.h"
#include "support/unified_diff.h"

namespace fdfkit::waves {

namespace fs = std::filesystem;

std::vector<SourceDiff> WriteSourceDiffs(const WaveInputs& inputs, const MigrationState& state,
                                         int wave, const std::string& out,
                                         const std::string& folder,
                                         std::vector<std::string>* unwritten) {
  std::vector<SourceDiff> written;
  for (const auto& [driver, sources] : inputs.config.drivers) {
    auto d = inputs.inventory.driver_index.find(driver);
    if (d == inputs.inventory.driver_index.end()) continue;
    for (const auto& [mode, rewritten, at] :
         {std::tuple{"dual", sources.dual, state.PortWave(d->second)},
          std::tuple{"replace", sources.replace, state.DeleteVariantWave(d->second)}}) {
      if (rewritten.empty() || at != wave) continue;
      std::optional<std::string> before =
          support::ReadFile((fs::path(inputs.options.tree) / sources.source).string());
      std::optional<std::string> after =
          support::ReadFile((fs::path(inputs.options.build_dir) / rewritten).string());
      if (!before || !after) continue;
      std::string diff = support::UnifiedDiff(*before, *after, "a/" + sources.source,
                                              "b/" + sources.source);
      SourceDiff entry{driver, mode, folder + "/" + driver + "." + mode + ".diff"};
      if (support::WriteFileAtomically((fs::path(out) / entry.file).string(), diff)) {
        written.push_back(entry);
      } else {
        unwritten->push_back(entry.file);
      }
    }
  }
  return written;
}

}  // namespace fdfkit::waves
