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

namespace {

namespace fs = std::filesystem;
namespace diag = fdfkit::protocol::diag;

fs::path BadDir() { return fs::path(FDFKIT_SOURCE_DIR) / "tests/migrate/protocol/bad"; }

std::map<std::string, fs::path> Examples() {
  std::map<std::string, fs::path> out;
  for (const auto& entry : fs::directory_iterator(BadDir())) {
    std::string name = entry.path().filename().string();
    if (name.starts_with("fdfmig")) out["FDFMIG" + name.substr(6, 3)] = entry.path();
  }
  return out;
}

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
  std::map<std::string, fs::path> examples = Examples();
  std::regex code(R"(\[(FDFMIG\d+)\])");
  for (const fdfkit::support::DiagnosticInfo* info : diag::kAllDiagnostics) {
    std::string expected = info->Code();
    SCOPED_TRACE(expected + " " + std::string(info->name));
    auto it = examples.find(expected);
    if (info->severity == fdfkit::support::Severity::kRetired) {
      EXPECT_EQ(it, examples.end());
      continue;
    }
    if (it == examples.end()) {
      ADD_FAILURE() << "add an example tests/migrate/protocol/bad/fdfmig" << expected.substr(6) << ".*";
      continue;
    }
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto run = fdfkit::idl::testing::RunCommand(std::string(MIGRATE_PROTOCOL_BINARY) + " " +
                                                Arguments(it->second));
    EXPECT_NE(run.exit_code, 0) << run.output;
    std::vector<std::string> codes;
    for (std::sregex_iterator m(run.output.begin(), run.output.end(), code), end; m != end; ++m) {
      codes.push_back((*m)[1].str());
    }
    ASSERT_FALSE(codes.empty()) << run.output;
    EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()), std::set<std::string>{expected})
        << run.output;
  }
}

TEST_F(BadExamples, EveryExampleNamesARowOfTheTable) {
  std::set<std::string> codes;
  for (const auto* info : diag::kAllDiagnostics) codes.insert(info->Code());
  for (const auto& [code, path] : Examples()) EXPECT_TRUE(codes.count(code)) << path;
}

}  // namespace
