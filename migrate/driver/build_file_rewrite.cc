#include "migrate/driver/build_file_rewrite.h"

#include <llvm/Support/Path.h>

#include <algorithm>

#include "support/read_file.h"

namespace fdfkit::driver_migration {
namespace {

// The whole-name occurrences of `name` in `text`.
std::vector<size_t> Occurrences(const std::string& text, const std::string& name) {
  std::vector<size_t> found;
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    size_t end = at + name.size();
    if (end < text.size() &&
        (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_' ||
         text[end] == '.')) {
      continue;
    }
    found.push_back(at);
  }
  return found;
}


// The start of the line `offset` is on, and its indentation.
std::pair<size_t, std::string> LineOf(const std::string& text, size_t offset) {
  size_t begin = text.rfind('\n', offset);
  begin = begin == std::string::npos ? 0 : begin + 1;
  size_t end = begin;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  return {begin, text.substr(begin, end - begin)};
}

// Each `from` in `text` becomes `to` — or, with `keep`, gets `to` on a line of its own after the
// one it is on (GN lists) or right after it (CMake arguments); `to` already there: nothing.
void Edit(const std::string& file, const std::string& text, const std::string& from,
          const std::string& to, bool keep, bool gn, EditSet* edits) {
  if (keep && text.find(to) != std::string::npos) return;
  // Whole names only: fuchsia.hardware.gpio_banjo_cpp is not fuchsia.hardware.gpio_banjo_cpp_mock.
  for (size_t at : Occurrences(text, from)) {
    size_t end = at + from.size();
    if (!keep) {
      edits->Add(clang::tooling::Replacement(file, static_cast<unsigned>(at),
                                             static_cast<unsigned>(from.size()), to));
    } else if (gn) {
      size_t line_end = text.find('\n', at);
      if (line_end == std::string::npos) line_end = text.size();
      auto [line, indent] = LineOf(text, at);
      edits->Add(clang::tooling::Replacement(file, static_cast<unsigned>(line_end), 0,
                                             "\n" + indent + "\"" + to + "\","));
    } else {
      edits->Add(clang::tooling::Replacement(file, static_cast<unsigned>(end), 0, " " + to));
    }
    if (keep) return;  // once is enough
  }
}

// The GN deps list an entry is added to: the one holding `anchor`.
void AddGnDep(const std::string& file, const std::string& text, const std::string& anchor,
              const std::string& dep, EditSet* edits) {
  Edit(file, text, anchor, dep, /*keep=*/true, /*gn=*/true, edits);
}

// Whether `text` names `dep` exactly once; if it names it more often, that is recorded.
bool NamedOnce(const std::string& file, const std::string& text, const std::string& dep,
               std::vector<AmbiguousBuildFile>* ambiguous) {
  std::vector<size_t> found = Occurrences(text, dep);
  if (found.size() <= 1) return found.size() == 1;
  size_t line_start = text.rfind('\n', found[0]);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  ambiguous->push_back(
      {file, static_cast<int>(std::count(text.begin(), text.begin() + found[0], '\n') + 1),
       static_cast<int>(found[0] - line_start + 1), dep, found.size()});
  return false;
}

}  // namespace

std::vector<AmbiguousBuildFile> RewriteBuildFiles(const std::string& source,
                                                  const LibraryMapping& library,
                                                  IncludeOutcome outcome, EditSet* edits) {
  std::vector<AmbiguousBuildFile> ambiguous;
  std::string dir = llvm::sys::path::parent_path(source).str();
  const std::string& banjo = library.banjo_library;
  const std::string& clone = library.fidl_library;
  // BUILD.gn: labels.
  std::string gn_file = dir + "/BUILD.gn";
  if (std::optional<std::string> gn = support::ReadFile(gn_file)) {
    std::string banjo_label = "//sdk/banjo/" + banjo + ":" + banjo + "_banjo_cpp";
    std::string driver_label = "//sdk/fidl/" + clone + ":" + clone + "_cpp_driver";
    if (NamedOnce(gn_file, *gn, banjo_label, &ambiguous)) {
      if (outcome == IncludeOutcome::kSwapped) {
        Edit(gn_file, *gn, banjo_label, driver_label, /*keep=*/false, /*gn=*/true, edits);
        AddGnDep(gn_file, *gn, banjo_label, "//src/devices/lib/driver:driver_runtime", edits);
      } else {
        AddGnDep(gn_file, *gn, banjo_label, driver_label, edits);
      }
    }
  }
  // CMakeLists.txt: target names.
  std::string cmake_file = dir + "/CMakeLists.txt";
  if (std::optional<std::string> cmake = support::ReadFile(cmake_file)) {
    std::string banjo_target = banjo + "_banjo_cpp";
    if (!NamedOnce(cmake_file, *cmake, banjo_target, &ambiguous)) return ambiguous;
    switch (outcome) {
      case IncludeOutcome::kSwapped:
        Edit(cmake_file, *cmake, banjo_target, clone + "_cpp_driver", false, false, edits);
        break;
      case IncludeOutcome::kBeside:
        Edit(cmake_file, *cmake, banjo_target, clone + "_cpp_driver", true, false, edits);
        break;
      case IncludeOutcome::kShims:
        Edit(cmake_file, *cmake, banjo_target, clone + "_banjo_shims", false, false, edits);
        break;
    }
  }
  return ambiguous;
}

}  // namespace fdfkit::driver_migration
