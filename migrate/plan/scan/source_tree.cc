#include "migrate/plan/scan/source_tree.h"

#include "support/read_file.h"

#include <algorithm>
#include <filesystem>

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
  if (Read(path)) file = std::make_unique<GnFile>(ReadGnFile(path, Reader()));
  return (builds_[dir] = std::move(file)).get();
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

}  // namespace fdfkit::plan::scan
