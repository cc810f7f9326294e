// The checks a board-config diff passes before migrate-waves hands it to patch: it must be the
// plain unified diff migrate-plan writes ("--- a/<path>" / "+++ b/<path>", hunks), naming files of
// the tree. patch would otherwise follow whatever the headers say: absolute or ../ targets, file
// creation, renames or symlinks (git extended headers) could reach outside the copied tree.
#ifndef FDFKIT_MIGRATE_WAVES_DIFF_HEADERS_H_
#define FDFKIT_MIGRATE_WAVES_DIFF_HEADERS_H_

#include <string>
#include <vector>

#include "migrate/waves/diagnostics.h"

namespace fdfkit::waves {

// A relative path that stays inside its root once normalized (no absolute path, no "..").
bool StaysInside(const std::string& relative);

// Problems of `text`, the diff at `file`, each at "line N" of it; `tree` is where it applies.
std::vector<InputDiagnostic> CheckBoardDiff(const std::string& file, const std::string& text,
                                            const std::string& tree);

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_DIFF_HEADERS_H_
