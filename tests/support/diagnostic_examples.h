// One bad input per row of a diagnostics table (support/diagnostic.h), fidlc-style: each tool's
// test finds its examples and says how to run one; this checks the table against them. An error
// row's example must report that row first and no other error of the tool (follow-on errors it
// declares in `also` excepted); a warning row's, no error and that warning first; a retired row
// keeps no example; and every example names a row.
#ifndef FDFKIT_TESTS_SUPPORT_DIAGNOSTIC_EXAMPLES_H_
#define FDFKIT_TESTS_SUPPORT_DIAGNOSTIC_EXAMPLES_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/diagnostic.h"

namespace fdfkit::testing {

// What running one example reported, in order (codes of the tool's own table only).
struct ExampleOutcome {
  std::vector<std::string> error_codes, warning_codes;
  std::set<std::string> also;  // follow-on errors the example declares
  std::string summary;         // everything reported, for failure messages
  void Add(const support::DiagnosticInfo& info, const std::string& text) {
    (info.severity == support::Severity::kError ? error_codes : warning_codes).push_back(info.Code());
    summary += text + "\n";
  }
};

// Every file of `dir` named `<prefix in lower case>NNN...`, by code: "fdfidl003.fidl" → FDFIDL003.
inline std::map<std::string, std::filesystem::path> FindExamples(const std::filesystem::path& dir,
                                                                 const std::string& prefix) {
  std::string lower = prefix;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::map<std::string, std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(lower)) out[prefix + name.substr(lower.size(), 3)] = entry.path();
  }
  return out;
}

// A `.cli` example: `--- path ---` blocks are written under `scratch` (`{tmp}` in the arguments),
// then the line `$ <tool> ARGS` runs `binary ARGS` (`{bad}`: the examples' folder). Returns the
// exit code and everything printed.
struct CliRun {
  int exit_code = -1;
  std::string output;
};
inline CliRun RunCliExample(const std::filesystem::path& example, const std::string& tool,
                            const std::string& binary, const std::filesystem::path& scratch) {
  namespace fs = std::filesystem;
  auto replace = [](std::string text, const std::string& from, const std::string& to) {
    for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
      text.replace(at, from.size(), to);
    }
    return text;
  };
  std::ifstream in(example);
  std::string arguments, file, contents;
  auto flush = [&] {
    if (file.empty()) return;
    fs::create_directories((scratch / file).parent_path());
    std::ofstream(scratch / file, std::ios::binary) << contents;
    file.clear();
    contents.clear();
  };
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("--- ") && line.ends_with(" ---")) {
      flush();
      file = line.substr(4, line.size() - 8);
    } else if (line.starts_with("$ " + tool + " ")) {
      flush();
      arguments = line.substr(tool.size() + 3);
    } else if (!file.empty()) {
      contents += line + "\n";
    }
  }
  flush();
  arguments = replace(replace(arguments, "{bad}", example.parent_path().string()), "{tmp}",
                      scratch.string());
  CliRun run;
  FILE* pipe = popen((binary + " " + arguments + " 2>&1").c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.output.append(buffer, n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

template <size_t N>
void ExpectOneExamplePerRow(const support::DiagnosticInfo* const (&rows)[N],
                            const std::map<std::string, std::filesystem::path>& examples,
                            const std::function<ExampleOutcome(const std::filesystem::path&)>& run) {
  for (const support::DiagnosticInfo* info : rows) {
    std::string code = info->Code();
    SCOPED_TRACE(code + " " + std::string(info->name));
    auto it = examples.find(code);
    if (info->severity == support::Severity::kRetired) {
      EXPECT_EQ(it, examples.end()) << "a retired diagnostic keeps no example";
      continue;
    }
    if (it == examples.end()) {
      ADD_FAILURE() << "no bad example for " << code;
      continue;
    }
    ExampleOutcome outcome = run(it->second);
    if (info->severity == support::Severity::kError) {
      std::set<std::string> reported(outcome.error_codes.begin(), outcome.error_codes.end());
      std::set<std::string> expected = outcome.also;
      expected.insert(code);
      EXPECT_EQ(reported, expected) << outcome.summary;
      if (!outcome.error_codes.empty()) {
        EXPECT_EQ(outcome.error_codes.front(), code) << outcome.summary;
      }
    } else {
      EXPECT_TRUE(outcome.error_codes.empty()) << outcome.summary;
      std::string first = outcome.warning_codes.empty() ? "no warning" : outcome.warning_codes.front();
      EXPECT_EQ(first, code) << outcome.summary;
    }
  }
  std::set<std::string> codes;
  for (const support::DiagnosticInfo* info : rows) codes.insert(info->Code());
  for (const auto& [code, path] : examples) EXPECT_TRUE(codes.count(code)) << path << " names no row";
}

}  // namespace fdfkit::testing

#endif  // FDFKIT_TESTS_SUPPORT_DIAGNOSTIC_EXAMPLES_H_
