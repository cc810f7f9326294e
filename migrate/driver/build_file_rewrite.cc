#include "migrate/driver/build_file_rewrite.h"

#include <llvm/Support/Path.h>

#include <algorithm>
#include <optional>

#include "migrate/driver/wire_spelling.h"
#include "support/read_file.h"

namespace fdfkit::driver_migration {
namespace {

// The whole-name occurrences of `name` in `text`: fuchsia.hardware.gpio_banjo_cpp is not in
// fuchsia.hardware.gpio_banjo_cpp_mock.
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

// Where `text` names `dep`, if exactly once; naming it more often is recorded, and not edited.
std::optional<size_t> NamedOnce(const std::string& file, const std::string& text,
                                const std::string& dep,
                                std::vector<AmbiguousBuildFile>* ambiguous) {
  std::vector<size_t> found = Occurrences(text, dep);
  if (found.size() == 1) return found[0];
  if (found.size() > 1) {
    size_t line_start = text.rfind('\n', found[0]);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    ambiguous->push_back(
        {file, static_cast<int>(std::count(text.begin(), text.begin() + found[0], '\n') + 1),
         static_cast<int>(found[0] - line_start + 1), dep, found.size()});
  }
  return std::nullopt;
}

clang::tooling::Replacement Replace(const std::string& file, size_t at, const std::string& from,
                                    const std::string& to) {
  return clang::tooling::Replacement(file, static_cast<unsigned>(at),
                                     static_cast<unsigned>(from.size()), to);
}

// `dep` as an entry after the GN list entry `label` at `at`: on a line of its own, indented alike,
// or — a list written on one line (`deps = [ "a" ]`) — after it on that line. Nothing if the file
// names it already.
void AddGnDep(const std::string& file, const std::string& text, size_t at,
              const std::string& label, const std::string& dep, EditSet* edits) {
  if (!Occurrences(text, dep).empty()) return;
  size_t line_end = std::min(text.find('\n', at), text.size());
  size_t after = at + label.size();
  if (after < text.size() && text[after] == '"') ++after;
  size_t close = text.find(']', after);
  if (close != std::string::npos && close < line_end) {
    edits->Add(clang::tooling::Replacement(file, static_cast<unsigned>(after), 0,
                                           ", \"" + dep + "\""));
    return;
  }
  size_t line = text.rfind('\n', at);
  line = line == std::string::npos ? 0 : line + 1;
  size_t indent = text.find_first_not_of(" \t", line) - line;
  edits->Add(clang::tooling::Replacement(file, static_cast<unsigned>(line_end), 0,
                                         "\n" + text.substr(line, indent) + "\"" + dep + "\","));
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
    std::string driver_label =
        "//sdk/fidl/" + clone + ":" + clone + CppBindingsTargetSuffix(library);
    if (std::optional<size_t> at = NamedOnce(gn_file, *gn, banjo_label, &ambiguous)) {
      if (outcome == IncludeOutcome::kSwapped) {
        edits->Add(Replace(gn_file, *at, banjo_label, driver_label));
        // Channel bindings need no driver runtime; the driver transport's do.
        if (!OnChannel(library)) {
          AddGnDep(gn_file, *gn, *at, banjo_label, "//src/devices/lib/driver:driver_runtime",
                   edits);
        }
      } else {
        AddGnDep(gn_file, *gn, *at, banjo_label, driver_label, edits);
      }
    }
  }
  // CMakeLists.txt: target names, one argument of target_link_libraries.
  std::string cmake_file = dir + "/CMakeLists.txt";
  if (std::optional<std::string> cmake = support::ReadFile(cmake_file)) {
    std::string banjo_target = banjo + "_banjo_cpp";
    std::string driver_target = clone + CppBindingsTargetSuffix(library);
    std::optional<size_t> at = NamedOnce(cmake_file, *cmake, banjo_target, &ambiguous);
    if (!at) return ambiguous;
    switch (outcome) {
      case IncludeOutcome::kSwapped:
        edits->Add(Replace(cmake_file, *at, banjo_target, driver_target));
        break;
      case IncludeOutcome::kBeside:
        if (Occurrences(*cmake, driver_target).empty()) {
          edits->Add(Replace(cmake_file, *at + banjo_target.size(), "", " " + driver_target));
        }
        break;
      case IncludeOutcome::kShims:
        edits->Add(Replace(cmake_file, *at, banjo_target, clone + "_banjo_shims"));
        break;
      case IncludeOutcome::kKept:
        break;
    }
  }
  return ambiguous;
}

void BuildFilePlan::Request(const std::string& source, const LibraryMapping& library,
                            IncludeOutcome outcome) {
  std::string directory = llvm::sys::path::parent_path(source).str();
  auto [at, inserted] =
      pending_.emplace(std::make_pair(directory, &library), Pending{source, outcome});
  IncludeOutcome& planned = at->second.outcome;
  if (inserted || planned == outcome) return;
  // --mode=dual: the shims bring both bindings, whatever else a file kept.
  if (planned == IncludeOutcome::kShims || outcome == IncludeOutcome::kShims) {
    planned = IncludeOutcome::kShims;
    return;
  }
  // kSwapped, kKept and kBeside meet: whoever keeps banjo keeps its bindings.
  planned = IncludeOutcome::kBeside;
}

std::vector<AmbiguousBuildFile> BuildFilePlan::Apply(EditSet* edits) const {
  std::vector<AmbiguousBuildFile> ambiguous;
  for (const auto& [key, pending] : pending_) {
    if (pending.outcome == IncludeOutcome::kKept) continue;
    std::vector<AmbiguousBuildFile> left =
        RewriteBuildFiles(pending.source, *key.second, pending.outcome, edits);
    ambiguous.insert(ambiguous.end(), left.begin(), left.end());
  }
  return ambiguous;
}

}  // namespace fdfkit::driver_migration
