// One bad input per diagnostic: tests/runtime/driver/bind/bad/fdfbindNNN.cli runs fdf-bindc on the
// files it holds and must report FDFBINDNNN (and, for an error, no other error and a non-zero exit).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "runtime/driver/bind/diagnostics.h"
#include "tests/support/diagnostic_examples.h"

namespace fdfkit::bind {
namespace {

namespace fs = std::filesystem;

fs::path BadDir() { return fs::path(FDFKIT_SOURCE_DIR) / "tests/runtime/driver/bind/bad"; }

fdfkit::testing::ExampleOutcome RunExample(const fs::path& example) {
  fdfkit::testing::ExampleOutcome outcome;
  fs::path scratch = fs::temp_directory_path() / ("fdfkit-bind-bad-" + std::to_string(getpid()));
  fs::remove_all(scratch);
  fs::create_directories(scratch);
  fdfkit::testing::CliRun run =
      fdfkit::testing::RunCliExample(example, "fdf-bindc", FDF_BINDC_BINARY, scratch);
  fs::remove_all(scratch);
  outcome.summary = run.output;
  size_t at = 0;
  // In the order printed, so "reported first" means first.
  while ((at = run.output.find("[FDFBIND", at)) != std::string::npos) {
    std::string code = run.output.substr(at + 1, 10);
    for (const support::DiagnosticInfo* info : diag::kAllDiagnostics) {
      if (info->Code() == code) outcome.Add(*info, code);
    }
    at += 10;
  }
  bool has_error = !outcome.error_codes.empty();
  if (has_error != (run.exit_code != 0)) outcome.error_codes.push_back("exit " + std::to_string(run.exit_code));
  return outcome;
}

TEST(BindBadExamples, EveryDiagnosticHasOneExampleThatReportsExactlyIt) {
  fdfkit::testing::ExpectOneExamplePerRow(diag::kAllDiagnostics,
                                          fdfkit::testing::FindExamples(BadDir(), "FDFBIND"),
                                          RunExample);
}

}  // namespace
}  // namespace fdfkit::bind
