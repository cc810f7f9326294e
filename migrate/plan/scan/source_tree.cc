#include "migrate/plan/scan/source_tree.h"

#include "support/read_file.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace fdfkit::plan::scan {

namespace fs = std::filesystem;

SourceTree::SourceTree(std::string root) : root_(std::move(root)) {}

bool SourceTree::IsDirectory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(fs::path(root_) / path, ec);
}

std::optional<std::string> SourceTree::Read(const std::string& path) {
  auto it = files_.find(path);
  if (it != files_.end()) return it->second;
  return files_[path] = fdfkit::support::ReadFile((fs::path(root_) / path).string());
}

std::vector<std::string> SourceTree::Files(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  fs::path base = fs::path(root_) / dir;
  if (!fs::is_directory(base, ec)) return out;
  for (fs::recursive_directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) out.push_back(fs::relative(it->path(), root_, ec).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> SourceTree::Directories(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  fs::path base = fs::path(root_) / dir;
  if (!fs::is_directory(base, ec)) return out;
  for (fs::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec)) out.push_back(fs::relative(it->path(), root_, ec).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const GnFile* SourceTree::Build(const std::string& dir) {
  auto it = builds_.find(dir);
  if (it != builds_.end()) return it->second.get();
  std::string path = dir.empty() ? "BUILD.gn" : dir + "/BUILD.gn";
  std::unique_ptr<GnFile> file;
  if (Read(path)) file = std::make_unique<GnFile>(ReadGnFile(path, GnReader()));
  if (file) handed_out_.push_back(file.get());
  return (builds_[dir] = std::move(file)).get();
}

const GnFile* SourceTree::BuildFor(const std::string& dir, const std::string& board,
                                   const std::map<std::string, GnValue>& board_scope) {
  const GnFile* generic = Build(dir);
  if (generic == nullptr || !generic->errors.empty()) return generic;
  std::map<std::string, GnValue> arguments;
  for (const std::string& name : generic->condition_arguments) {
    if (auto set = board_scope.find(name); set != board_scope.end()) arguments.insert(*set);
  }
  if (arguments.empty()) return generic;
  std::unique_ptr<GnFile>& file = board_builds_[{dir, board}];
  if (!file) {
    file = std::make_unique<GnFile>(ReadGnFile(generic->path, GnReader(), arguments));
    handed_out_.push_back(file.get());
  }
  return file.get();
}

std::vector<FileDiagnostic> SourceTree::BuildNotes() const {
  // A file most BUILD.gn import (//build/drivers.gni in a checkout without //build) is noted once,
  // where it is first imported: the same assumption holds for every importer.
  std::set<std::string> unreadable;
  std::vector<FileDiagnostic> out;
  for (const GnFile* build : handed_out_) {
    for (const FileDiagnostic& note : build->notes) {
      if (note.info == &diag::kUnreadableImport.info() && !unreadable.insert(note.message).second) continue;
      out.push_back(note);
    }
  }
  return out;
}

std::vector<FileDiagnostic> SourceTree::BuildErrors() const {
  std::vector<FileDiagnostic> out;
  for (const auto& [dir, build] : builds_) {
    if (build) out.insert(out.end(), build->errors.begin(), build->errors.end());
  }
  return out;
}

GnSourceReader SourceTree::Reader() {
  return [this](const std::string& path) { return Read(path); };
}

GnSourceReader SourceTree::GnReader() {
  return [this](const std::string& path) -> std::optional<std::string> {
    for (const std::string& dir : machinery_) {
      if (path.rfind(dir + "/", 0) == 0) return std::string();
    }
    return Read(path);
  };
}

}  // namespace fdfkit::plan::scan
