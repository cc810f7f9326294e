#include "migrate/plan/scan/source_tree.h"

#include "support/read_file.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

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

const GnFile* SourceTree::Load(const std::string& dir) {
  auto it = builds_.find(dir);
  if (it != builds_.end()) return it->second.get();
  std::string path = dir.empty() ? "BUILD.gn" : dir + "/BUILD.gn";
  std::unique_ptr<GnFile> file;
  if (Read(path)) file = std::make_unique<GnFile>(ReadGnFile(path, GnReader()));
  return (builds_[dir] = std::move(file)).get();
}

const GnFile* SourceTree::HandOut(const GnFile* file) {
  if (file != nullptr && handed_out_set_.insert(file).second) handed_out_.push_back(file);
  return file;
}

const GnFile* SourceTree::Build(const std::string& dir) { return HandOut(Load(dir)); }

const GnFile* SourceTree::BuildFor(const std::string& dir, const std::string& board,
                                   const std::map<std::string, GnValue>& board_scope) {
  const GnFile* generic = Load(dir);
  if (generic == nullptr || !generic->errors.empty()) return HandOut(generic);
  std::map<std::string, GnValue> arguments;
  for (const std::string& name : generic->argument_reads) {
    if (auto set = board_scope.find(name); set != board_scope.end()) arguments.insert(*set);
  }
  if (arguments.empty()) return HandOut(generic);
  std::unique_ptr<GnFile>& file = board_builds_[{dir, board}];
  if (!file) file = std::make_unique<GnFile>(ReadGnFile(generic->path, GnReader(), arguments));
  // What the board decides is not noted as undecided: the generic reading is not handed out.
  return HandOut(file.get());
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
  // A file imported by several BUILD.gn (or read for several boards) has its errors once.
  std::set<std::tuple<std::string, int, int, std::string>> seen;
  std::vector<FileDiagnostic> out;
  auto add = [&](const GnFile* build) {
    for (const FileDiagnostic& e : build->errors) {
      if (seen.insert({e.file, e.line, e.column, e.message}).second) out.push_back(e);
    }
  };
  for (const auto& [dir, build] : builds_) {
    if (build) add(build.get());
  }
  for (const auto& [key, build] : board_builds_) add(build.get());
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
