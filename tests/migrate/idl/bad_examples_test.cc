// One bad input per diagnostic: tests/migrate/idl/bad/fdfidlNNN.{fidl,banjo} must report
// FDFIDLNNN and no other error (fidlc keeps one bad example per error the same way). A file may
// hold several sources separated by `---` lines; `// args: -I PATH` lines give search paths
// relative to bad/; `// also: CODE` names an error that must follow from the first. A directory
// named like a file is a file that cannot be read. A `.cli` example runs the built fdf-idl
// (tests/support/diagnostic_examples.h), for what only a command reports.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "tests/migrate/idl/idl_test_support.h"
#include "tests/support/diagnostic_examples.h"

namespace fdfkit::idl::testing {
namespace {

namespace fs = std::filesystem;

fs::path BadDir() { return fs::path(FDFKIT_SOURCE_DIR) / "tests/migrate/idl/bad"; }

fdfkit::testing::ExampleOutcome RunExample(const fs::path& example) {
  fdfkit::testing::ExampleOutcome outcome;
  fs::path scratch = fs::temp_directory_path() / ("fdfkit-idl-bad-" + std::to_string(getpid()));
  fs::remove_all(scratch);
  fs::create_directories(scratch);
  fdfkit::testing::CliRun run =
      fdfkit::testing::RunCliExample(example, "fdf-idl", FDF_IDL_BINARY, scratch);
  fs::remove_all(scratch);
  outcome.summary = run.output;
  for (const support::DiagnosticInfo* info : diag::kAllDiagnostics) {
    if (run.output.find("[" + info->Code() + "]") != std::string::npos) {
      outcome.Add(*info, info->Code());
    }
  }
  // An error must fail the command; a warning alone must not.
  if (run.exit_code == 0 && outcome.warning_codes.empty()) outcome.error_codes.push_back("exit 0");
  if (run.exit_code != 0 && !outcome.warning_codes.empty() && outcome.error_codes.empty()) {
    outcome.error_codes.push_back("exit " + std::to_string(run.exit_code));
  }
  return outcome;
}

fdfkit::testing::ExampleOutcome CompileExample(const fs::path& example) {
  if (example.extension() == ".cli") return RunExample(example);
  fdfkit::testing::ExampleOutcome outcome;
  SourceFiles files;
  Reporter reporter(&files);
  Compiler compiler(&files, &reporter);
  if (fs::is_directory(example)) {  // an unreadable "file"
    compiler.AddFile(example.string());
  } else {
    std::vector<std::string> parts(1);
    std::istringstream lines(ReadFile(example));
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
  for (const Diagnostic& d : reporter.diagnostics()) outcome.Add(*d.info, d.message);
  outcome.summary = reporter.Summary();
  return outcome;
}

TEST(BadExamples, EveryDiagnosticHasOneExampleThatReportsExactlyIt) {
  fdfkit::testing::ExpectOneExamplePerRow(diag::kAllDiagnostics,
                                          fdfkit::testing::FindExamples(BadDir(), "FDFIDL"),
                                          CompileExample);
}

}  // namespace
}  // namespace fdfkit::idl::testing
