#include "migrate/driver/rewritable_files.h"

namespace fdfkit::driver_migration {

bool RewritableFiles::ContainsFile(const clang::SourceManager& sm, clang::FileID file) const {
  if (file == sm.getMainFileID()) return true;
  if (headers_.empty() || file.isInvalid()) return false;
  auto [cached, inserted] = cache_.emplace(file.getHashValue(), false);
  if (inserted) {
    const clang::FileEntry* entry = sm.getFileEntryForID(file);
    cached->second = entry != nullptr && headers_.count(entry->tryGetRealPathName().str()) > 0;
  }
  return cached->second;
}

bool RewritableFiles::Contains(const clang::SourceManager& sm,
                               clang::SourceLocation location) const {
  if (location.isInvalid()) return false;
  return ContainsFile(sm, sm.getFileID(sm.getExpansionLoc(location)));
}

}  // namespace fdfkit::driver_migration
