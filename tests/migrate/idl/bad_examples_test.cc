// One bad input per diagnostic: tests/migrate/idl/bad/fdfidlNNN.{fidl,banjo} must report
// FDFIDLNNN and no other error (fidlc keeps one bad example per error the same way). A file may
// hold several sources separated by `---` lines; `// args: -I PATH` lines give search paths
// relative to bad/; `// also: CODE` names an error that must follow from the first.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "tests/migrate/idl/idl_test_support.h"

namespace fdfkit::idl::testing {
namespace {

namespace fs = std::filesystem;

fs::path BadDir() { return fs::path(FDFKIT_SOURCE_DIR) / "tests/migrate/idl/bad"; }

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Every example by code ("FDFIDL003" → its path).
std::map<std::string, fs::path> Examples() {
  std::map<std::string, fs::path> out;
  for (const auto& entry : fs::directory_iterator(BadDir())) {
    std::string stem = entry.path().stem().string();
    if (stem.starts_with("fdfidl")) out[std::string("FDFIDL") + stem.substr(6)] = entry.path();
  }
  return out;
}

struct Outcome {
  std::vector<std::string> error_codes, warning_codes;
  std::set<std::string> also;  // follow-on errors the example declares
  std::string summary;
};

Outcome CompileExample(const fs::path& example) {
  Outcome outcome;
  SourceFiles files;
  Reporter reporter(&files);
  Compiler compiler(&files, &reporter);
  if (fs::is_directory(example)) {  // an unreadable "file"
    compiler.AddFile(example.string());
  } else {
    std::string text = ReadFile(example);
    std::vector<std::string> parts(1);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (line == "---") {
        parts.emplace_back();
        continue;
      }
      if (line.starts_with("// args: -I ")) compiler.AddSearchPath((BadDir() / line.substr(12)).string());
      if (line.starts_with("// also: ")) outcome.also.insert(line.substr(9));
      parts.back() += line + "\n";
    }
    for (size_t i = 0; i < parts.size(); ++i) {
      std::string name = example.filename().string();
      if (i > 0) name = example.stem().string() + "-part" + std::to_string(i) + example.extension().string();
      compiler.AddSource(parts[i], name);
    }
  }
  if (!reporter.has_errors()) compiler.Compile();
  outcome.summary = reporter.Summary();
  for (const Diagnostic& d : reporter.diagnostics()) {
    (d.is_error() ? outcome.error_codes : outcome.warning_codes).push_back(d.info->Code());
  }
  return outcome;
}

TEST(BadExamples, EveryDiagnosticHasOneExampleThatReportsExactlyIt) {
  std::map<std::string, fs::path> examples = Examples();
  for (const support::DiagnosticInfo* info : diag::kAllDiagnostics) {
    std::string code = info->Code();
    SCOPED_TRACE(code + " " + std::string(info->name));
    auto it = examples.find(code);
    if (info->severity == support::Severity::kRetired) {
      EXPECT_EQ(it, examples.end()) << "a retired diagnostic keeps no example";
      continue;
    }
    if (it == examples.end()) {
      ADD_FAILURE() << "add tests/migrate/idl/bad/" << Lower(code) << ".fidl";
      continue;
    }
    Outcome outcome = CompileExample(it->second);
    if (info->severity == support::Severity::kError) {
      std::set<std::string> reported(outcome.error_codes.begin(), outcome.error_codes.end());
      std::set<std::string> expected = outcome.also;
      expected.insert(code);
      EXPECT_EQ(reported, expected) << outcome.summary;
      EXPECT_EQ(outcome.error_codes.front(), code) << outcome.summary;
    } else {
      EXPECT_TRUE(outcome.error_codes.empty()) << outcome.summary;
      EXPECT_NE(std::find(outcome.warning_codes.begin(), outcome.warning_codes.end(), code),
                outcome.warning_codes.end())
          << outcome.summary;
    }
  }
}

TEST(BadExamples, EveryExampleNamesADiagnosticOfTheTable) {
  std::set<std::string> codes;
  for (const support::DiagnosticInfo* info : diag::kAllDiagnostics) codes.insert(info->Code());
  for (const auto& [code, path] : Examples()) EXPECT_TRUE(codes.count(code)) << path;
}

}  // namespace
}  // namespace fdfkit::idl::testing
