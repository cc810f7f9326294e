// A Fuchsia-style source tree on disk, read once: file contents and evaluated BUILD.gn files are
// cached by their path relative to the root, so a scan reads each file at most once.
#ifndef FDFKIT_MIGRATE_PLAN_SCAN_SOURCE_TREE_H_
#define FDFKIT_MIGRATE_PLAN_SCAN_SOURCE_TREE_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "migrate/plan/scan/gn_file.h"

namespace fdfkit::plan::scan {

class SourceTree {
 public:
  explicit SourceTree(std::string root);

  const std::string& root() const { return root_; }
  bool IsDirectory(const std::string& path) const;
  std::optional<std::string> Read(const std::string& path);
  // Regular files under `dir` (recursively), sorted, relative to the root.
  std::vector<std::string> Files(const std::string& dir) const;
  // Subdirectories of `dir`, sorted, relative to the root.
  std::vector<std::string> Directories(const std::string& dir) const;
  // dir/BUILD.gn evaluated, or nullptr if the directory has none.
  const GnFile* Build(const std::string& dir);
  // dir/BUILD.gn as `board` sees it: evaluated again with the board's values of the variables its
  // conditions read and the board sets (`if (board_has_x)`, unset or a declare_args default).
  const GnFile* BuildFor(const std::string& dir, const std::string& board,
                         const std::map<std::string, GnValue>& board_scope);
  GnSourceReader Reader();
  // What GN files see of the tree: every file, except that files under the build machinery dirs
  // (GN's own templates, //build) read as empty whether present or not, so the templates they
  // define stay targets of their name, the names the scan rules know.
  GnSourceReader GnReader();
  void SetBuildMachinery(std::vector<std::string> dirs) { machinery_ = std::move(dirs); }
  // Syntax errors of every BUILD.gn evaluated so far, in path order.
  std::vector<FileDiagnostic> BuildErrors() const;
  // Notes (what could not be decided) of every BUILD.gn reading handed out, in the order read.
  std::vector<FileDiagnostic> BuildNotes() const;

 private:
  const GnFile* Load(const std::string& dir);         // evaluated once, not handed out
  const GnFile* HandOut(const GnFile* file);          // its notes will be reported

  std::string root_;
  std::map<std::string, std::optional<std::string>> files_;
  std::map<std::string, std::unique_ptr<GnFile>> builds_;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<GnFile>> board_builds_;
  std::vector<const GnFile*> handed_out_;
  std::set<const GnFile*> handed_out_set_;
  std::vector<std::string> machinery_;
};

}  // namespace fdfkit::plan::scan

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_SOURCE_TREE_H_
