// The tree a wave works on: a copy of the last green tree, the wave's board-config diffs applied
// with GNU patch (each checked with --dry-run first, so a diff that does not apply changes
// nothing), then promoted over the green tree by an atomic exchange of the two folders.
#ifndef FDFKIT_MIGRATE_WAVES_STAGED_TREE_H_
#define FDFKIT_MIGRATE_WAVES_STAGED_TREE_H_

#include <string>

namespace fdfkit::waves {

// Copies the folder `from` to `to` (which must not exist), symlinks as symlinks.
bool CopyTree(const std::string& from, const std::string& to, std::string* why);

struct PatchOutcome {
  bool applied = false;
  std::string reason;  // why not: patch's own words, first lines
};

// Applies the unified diff `diff` (paths with one leading component, a/ and b/) inside `tree`;
// patch's output goes to `log`. Nothing is changed unless the whole diff applies cleanly.
PatchOutcome ApplyDiff(const std::string& tree, const std::string& diff, const std::string& log);

// Makes `staging` the folder at `tree` in one step (renameat2 RENAME_EXCHANGE when `tree` exists,
// rename otherwise), then removes the old tree.
bool PromoteTree(const std::string& staging, const std::string& tree, std::string* why);

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_STAGED_TREE_H_
