#include "migrate/waves/diff_headers.h"

#include <filesystem>
#include <regex>
#include <sstream>

namespace fdfkit::waves {

namespace fs = std::filesystem;

bool StaysInside(const std::string& relative) {
  if (relative.empty()) return false;
  fs::path p(relative);
  if (p.is_absolute()) return false;
  for (const fs::path& part : p.lexically_normal()) {
    if (part == "..") return false;
  }
  return true;
}

namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Lines git writes between "diff --git" and "---"; patch acts on several of them.
bool IsGitHeader(const std::string& line) {
  for (const char* prefix : {"diff ", "new file mode", "deleted file mode", "old mode", "new mode",
                             "rename ", "copy from", "copy to", "similarity index",
                             "dissimilarity index", "index ", "Binary files", "GIT binary patch",
                             "symlink"}) {
    if (StartsWith(line, prefix)) return true;
  }
  return false;
}

// The path of a "--- a/x" or "+++ b/x" header (up to a tab, which may start a timestamp), or ""
// when it lacks the prefix.
std::string HeaderPath(const std::string& line, const char* prefix) {
  std::string name = line.substr(4);
  name = name.substr(0, name.find('\t'));
  return StartsWith(name, prefix) ? name.substr(2) : "";
}

}  // namespace

std::vector<InputDiagnostic> CheckBoardDiff(const std::string& file, const std::string& text,
                                            const std::string& tree) {
  std::vector<InputDiagnostic> problems;
  static const std::regex kHunk(R"(^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@)");
  std::istringstream in(text);
  std::string line, old_path;
  int number = 0, files = 0;
  long old_left = 0, new_left = 0;  // lines still expected in the current hunk
  bool after_plus = false;          // a "+++" header was read: hunks may follow
  auto at = [&](std::string_view what) {
    problems.push_back(At(file, "line " + std::to_string(number), diag::kBadBoardDiff, what));
  };
  while (std::getline(in, line)) {
    ++number;
    if (old_left > 0 || new_left > 0) {  // inside a hunk: "--- " here is a removed line
      char c = line.empty() ? ' ' : line[0];
      if (c == ' ' || c == '-') --old_left;
      if (c == ' ' || c == '+') --new_left;
      if (c != ' ' && c != '-' && c != '+' && c != '\\') at("not a line of the hunk");
      continue;
    }
    std::smatch hunk;
    if (StartsWith(line, "--- ")) {
      old_path = HeaderPath(line, "a/");
      after_plus = false;
      if (old_path.empty()) at("expected \"--- a/<path>\"");
      std::string next;
      if (!std::getline(in, next) || (++number, !StartsWith(next, "+++ "))) {
        at("expected \"+++ b/<path>\" after \"---\"");
        continue;
      }
      std::string new_path = HeaderPath(next, "b/");
      ++files;
      after_plus = true;
      if (new_path.empty()) {
        at("expected \"+++ b/<path>\"");
      } else if (!old_path.empty() && new_path != old_path) {
        at("\"---\" and \"+++\" name different files");
      } else if (!StaysInside(new_path)) {
        at("target \"" + new_path + "\" leaves the tree");
      } else {
        std::error_code ec;
        if (!fs::is_regular_file(fs::path(tree) / new_path, ec)) {
          at("target \"" + new_path + "\" is not a file of the tree");
        }
      }
    } else if (after_plus && std::regex_search(line, hunk, kHunk)) {
      old_left = hunk[1].matched ? std::stol(hunk[1]) : 1;
      new_left = hunk[2].matched ? std::stol(hunk[2]) : 1;
    } else if (StartsWith(line, "\\")) {
      // "\ No newline at end of file" after a hunk's last line.
    } else if (IsGitHeader(line)) {
      at("git extended header \"" + line.substr(0, 40) + "\"; expected a plain unified diff");
    } else {
      at("not a line of a unified diff");
    }
  }
  if (files == 0 && problems.empty()) at("names no file to patch");
  return problems;
}

}  // namespace fdfkit::waves
