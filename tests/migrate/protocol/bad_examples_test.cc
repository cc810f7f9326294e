// One bad input per row of migrate-protocol's diagnostics table (migrate/protocol/
// diagnostics.def), run through the built tool on tests/migrate/protocol/bad/bus.fidl:
//   fdfmigNNN.rules.json      passed as --rules
//   fdfmigNNN.inventory.json  passed as --inventory
//   fdfmigNNN.cli             `--- path ---` blocks create files in a scratch directory {tmp},
//                             then `$ migrate-protocol ARGS` runs ({bad}: this folder)
// The first FDFMIG code printed must be the row's, no other FDFMIG code may follow, and the exit
// code is not 0. Codes of the tables the tool reports through (FDFIDL, FDFPLAN) may follow.
#include <gtest/gtest.h>

#include <regex>

#include "migrate/protocol/diagnostics.h"
#include "tests/migrate/idl/idl_test_support.h"
#include "tests/support/diagnostic_examples.h"

namespace {

namespace fs = std::filesystem;
namespace diag = fdfkit::protocol::diag;

fs::path BadDir() { return fs::path(FDFKIT_SOURCE_DIR) / "tests/migrate/protocol/bad"; }

class BadExamples : public fdfkit::idl::testing::ScratchDirTest {
 protected:
  fdfkit::testing::CliRun Run(const fs::path& example) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::string name = example.filename().string();
    std::string tool = MIGRATE_PROTOCOL_BINARY;
    if (name.ends_with(".cli")) {
      return fdfkit::testing::RunCliExample(example, "migrate-protocol", tool, dir_);
    }
    std::string arguments = (BadDir() / "bus.fidl").string() + " -o " + (dir_ / "out").string() +
                            (name.ends_with(".inventory.json") ? " --inventory " : " --rules ") +
                            example.string();
    auto run = fdfkit::idl::testing::RunCommand(tool + " " + arguments);
    return {run.exit_code, run.output};
  }
};

TEST_F(BadExamples, EveryDiagnosticHasOneExampleThatReportsExactlyIt) {
  std::regex code(R"(\[(FDFMIG\d+)\])");
  auto outcome_of = [&](const fs::path& example) {
    fdfkit::testing::CliRun run = Run(example);
    fdfkit::testing::ExampleOutcome outcome;
    outcome.summary = run.output;
    if (run.exit_code == 0) outcome.error_codes.push_back("exit 0");
    for (std::sregex_iterator m(run.output.begin(), run.output.end(), code), end; m != end; ++m) {
      outcome.error_codes.push_back((*m)[1].str());  // the tool's own rows are all errors
    }
    return outcome;
  };
  fdfkit::testing::ExpectOneExamplePerRow(diag::kAllDiagnostics,
                                          fdfkit::testing::FindExamples(BadDir(), "FDFMIG"),
                                          outcome_of);
}

}  // namespace
