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
#include <set>

#include "migrate/protocol/diagnostics.h"
#include "tests/migrate/idl/idl_test_support.h"
#include "tests/support/diagnostic_examples.h"

namespace {

namespace fs = std::filesystem;
namespace diag = fdfkit::protocol::diag;

fs::path BadDir() { return fs::path(FDFKIT_SOURCE_DIR) / "tests/migrate/protocol/bad"; }

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
    text.replace(at, from.size(), to);
  }
  return text;
}

class BadExamples : public fdfkit::idl::testing::ScratchDirTest {
 protected:
  // The tool's arguments for an example, after creating what a .cli example sets up.
  std::string Arguments(const fs::path& example) {
    std::string name = example.filename().string();
    std::string input = (BadDir() / "bus.fidl").string();
    std::string out = (dir_ / "out").string();
    if (name.ends_with(".rules.json")) return input + " -o " + out + " --rules " + example.string();
    if (name.ends_with(".inventory.json")) {
      return input + " -o " + out + " --inventory " + example.string();
    }
    std::string text = fdfkit::idl::testing::ReadFile(example), arguments, file, contents;
    std::istringstream lines(text);
    auto flush = [&] {
      if (!file.empty()) Write(file, contents);
      file.clear();
      contents.clear();
    };
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("--- ") && line.ends_with(" ---")) {
        flush();
        file = line.substr(4, line.size() - 8);
      } else if (line.starts_with("$ migrate-protocol ")) {
        flush();
        arguments = line.substr(19);
      } else if (!file.empty()) {
        contents += line + "\n";
      }
    }
    flush();
    return Replace(Replace(arguments, "{bad}", BadDir().string()), "{tmp}", dir_.string());
  }
};

TEST_F(BadExamples, EveryDiagnosticHasOneExampleThatReportsExactlyIt) {
  std::regex code(R"(\[(FDFMIG\d+)\])");
  auto run = [&](const fs::path& example) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto result = fdfkit::idl::testing::RunCommand(std::string(MIGRATE_PROTOCOL_BINARY) + " " +
                                                   Arguments(example));
    fdfkit::testing::ExampleOutcome outcome;
    outcome.summary = result.output;
    if (result.exit_code == 0) outcome.error_codes.push_back("exit 0");
    for (std::sregex_iterator m(result.output.begin(), result.output.end(), code), end; m != end;
         ++m) {
      outcome.error_codes.push_back((*m)[1].str());  // the tool's own rows are all errors
    }
    return outcome;
  };
  fdfkit::testing::ExpectOneExamplePerRow(diag::kAllDiagnostics,
                                          fdfkit::testing::FindExamples(BadDir(), "FDFMIG"), run);
}

}  // namespace
