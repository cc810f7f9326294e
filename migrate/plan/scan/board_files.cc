#include "migrate/plan/scan/board_files.h"

#include <algorithm>

namespace fdfkit::plan::scan {
namespace {

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string DirOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

class BoardFileReader {
 public:
  BoardFileReader(SourceTree& tree, const ScanRules& rules) : tree_(tree), rules_(rules) {}

  BoardFiles Read() {
    for (const std::string& dir : rules_.board_dirs) {
      for (const std::string& file : tree_.Files(dir)) {
        // boards/x.gni is a board; boards/common/*.gni are what boards import.
        bool top_level = file.find('/', dir.size() + 1) == std::string::npos;
        if (top_level && EndsWith(file, ".gni")) ReadGni(file);
      }
    }
    for (const std::string& dir : rules_.board_dirs) {
      for (const std::string& file : tree_.Files(dir)) {
        if (file == "BUILD.gn" || EndsWith(file, "/BUILD.gn")) ReadConfigurations(DirOf(file));
      }
    }
    return std::move(out_);
  }

 private:
  BoardListing& Board(const std::string& id, const std::string& file) {
    for (BoardListing& board : out_.boards) {
      if (board.id != id) continue;
      if (std::find(board.own_files.begin(), board.own_files.end(), file) == board.own_files.end()) {
        board.own_files.push_back(file);
      }
      return board;
    }
    out_.boards.push_back({id, file, {file}, {}, {}});
    return out_.boards.back();
  }

  void ReadGni(const std::string& file) {
    GnFile gni = ReadGnFile(file, tree_.GnReader());
    out_.errors.insert(out_.errors.end(), gni.errors.begin(), gni.errors.end());
    out_.notes.insert(out_.notes.end(), gni.notes.begin(), gni.notes.end());
    std::string name = file.substr(file.rfind('/') + 1);
    BoardListing& board = Board(name.substr(0, name.size() - 4), file);
    board.scope = gni.scope;
    for (const std::string& list : rules_.board_label_lists) {
      auto it = gni.scope.find(list);
      if (it == gni.scope.end()) continue;
      for (const GnValue& item : it->second.list) {
        if (item.kind == GnValue::Kind::kString) board.labels.push_back({item, list, ""});
      }
    }
  }

  void ReadConfigurations(const std::string& dir) {
    const GnFile* build = tree_.Build(dir);
    if (build == nullptr || !build->errors.empty()) return;  // errors: reported with every BUILD.gn's
    for (const GnTarget& target : build->targets) {
      if (!Contains(rules_.board_configuration_types, target.type)) continue;
      std::string id = target.String("name").value_or(target.name);
      BoardListing& board = Board(id, build->path);
      for (const auto& [name, value] : build->scope) board.scope.emplace(name, value);
      const GnValue* bundles = target.Find("input_bundles");
      if (bundles == nullptr) continue;
      for (const GnValue& bundle : bundles->list) {
        if (bundle.kind == GnValue::Kind::kString) ReadBundle(bundle, dir, id, &board);
        else NoteComputed(build->path, target, "input_bundles", target.name);
      }
    }
  }

  void ReadBundle(const GnValue& written, const std::string& dir, const std::string& board_id, BoardListing* board) {
    std::optional<GnLabel> label = ParseGnLabel(written.string, dir);
    const GnFile* build = label ? tree_.Build(label->dir) : nullptr;
    if (build != nullptr && !build->errors.empty()) return;
    const GnTarget* bundle = build ? build->FindTarget(label->name) : nullptr;
    if (bundle == nullptr || !Contains(rules_.board_input_bundle_types, bundle->type)) {
      out_.notes.push_back(AtFile(written.file, written.line, 0, diag::kInputBundleNotInTree, written.string, board_id));
      return;
    }
    const GnValue* drivers = bundle->Find("drivers");
    if (drivers == nullptr) return;
    if (drivers->kind != GnValue::Kind::kList) NoteComputed(build->path, *bundle, "drivers", label->Text());
    for (const GnValue& entry : drivers->list) {
      const GnValue* package = entry.kind == GnValue::Kind::kScope ? entry.Member("package_target") : nullptr;
      if (package == nullptr || package->kind != GnValue::Kind::kString) {
        // Said at the entry (any of its members' lines), else where the bundle is named.
        const GnValue* at = &written;
        for (const GnValue& member : entry.member_values) {
          if (member.line > 0) {
            at = &member;
            break;
          }
        }
        out_.notes.push_back(AtFile(at->file, at->line, 0, diag::kBundleDriverWithoutPackage, label->Text()));
        continue;
      }
      board->labels.push_back({*package, label->Text() + " drivers", label->dir});
    }
  }

  // A list (or an item of it) a function computes: what it names is not read, and that is said.
  void NoteComputed(const std::string& file, const GnTarget& target, const char* variable, const std::string& of) {
    out_.notes.push_back(AtFile(file, target.line, 0, diag::kBoardListComputed, variable, of));
  }

  SourceTree& tree_;
  const ScanRules& rules_;
  BoardFiles out_;
};

}  // namespace

BoardFiles ReadBoardFiles(SourceTree& tree, const ScanRules& rules) {
  return BoardFileReader(tree, rules).Read();
}

}  // namespace fdfkit::plan::scan
