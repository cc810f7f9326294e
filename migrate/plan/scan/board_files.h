// Where a tree says which drivers each board ships, in both of Fuchsia's formats
// (framework-reference §2.5):
//   - a board .gni directly under a board directory (`boards/vim3.gni`) appending driver labels to
//     the label lists the rules name (`board_bootfs_labels`, ...), common files imported;
//   - a `board_configuration` target in a BUILD.gn under a board directory
//     (`boards/vim3/BUILD.gn`) whose `input_bundles` are `board_input_bundle` targets listing
//     `drivers = [ { package_target = "//...", package_set = "bootfs" } ]`.
// A board both formats name is one board: its labels are the union, each where it is written.
#ifndef FDFKIT_MIGRATE_PLAN_SCAN_BOARD_FILES_H_
#define FDFKIT_MIGRATE_PLAN_SCAN_BOARD_FILES_H_

#include <map>
#include <string>
#include <vector>

#include "migrate/plan/diagnostics.h"
#include "migrate/plan/scan/gn_file.h"
#include "migrate/plan/scan/scan_rules.h"
#include "migrate/plan/scan/source_tree.h"

namespace fdfkit::plan::scan {

struct ListedLabel {
  GnValue label;     // the string as written: its text, file and line
  std::string list;  // "board_bootfs_labels", or "//boards/vim3:main_bundle drivers"
  std::string dir;   // the directory a relative label is relative to
};

struct BoardListing {
  std::string id;
  std::string file;  // the .gni, or the BUILD.gn declaring the board_configuration
  std::vector<std::string> own_files;  // both, when the board has both
  // Variables the board sets: they decide the conditions of the BUILD.gn files it lists.
  std::map<std::string, GnValue> scope;
  std::vector<ListedLabel> labels;
};

struct BoardFiles {
  std::vector<BoardListing> boards;  // in file order; .gni boards first
  std::vector<FileDiagnostic> errors;
  std::vector<FileDiagnostic> notes;
};

BoardFiles ReadBoardFiles(SourceTree& tree, const ScanRules& rules);

}  // namespace fdfkit::plan::scan

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_BOARD_FILES_H_
