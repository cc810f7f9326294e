// The fdf-idl command line: exit codes, printed diagnostics with a caret, -I resolution, IR
// files, and in-place formatting that never leaves a half-written file.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/migrate/idl/idl_test_support.h"

namespace {

namespace fs = std::filesystem;

fdfkit::idl::testing::CommandRun FdfIdl(const std::string& arguments) {
  return fdfkit::idl::testing::RunCommand(std::string(FDF_IDL_BINARY) + " " + arguments);
}

class FdfIdlCli : public fdfkit::idl::testing::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    fs::create_directories(dir_ / "dep.lib");
  }
};

TEST_F(FdfIdlCli, CheckExitCodes) {
  std::string good = Write("good.fidl", "library good;\ntype S = struct { a uint8; };\n");
  EXPECT_EQ(FdfIdl("check " + good).exit_code, 0);
  std::string bad = Write("bad.fidl", "library bad;\ntype S = struct { a Nope; };\n");
  fdfkit::idl::testing::CommandRun run = FdfIdl("check " + bad);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output, bad + ":2:21: error: [FDFIDL013] 'Nope' is not defined\n"
                              "type S = struct { a Nope; };\n"
                              "                    ^\n");
  // Syntax-only skips resolution, so the undefined name passes.
  EXPECT_EQ(FdfIdl("check --syntax-only " + bad).exit_code, 0);
  EXPECT_EQ(FdfIdl("check").exit_code, 2);
  EXPECT_EQ(FdfIdl("check --no-such-flag " + good).exit_code, 2);
  EXPECT_EQ(FdfIdl("frobnicate " + good).exit_code, 2);
  EXPECT_EQ(FdfIdl("check " + (dir_ / "missing.fidl").string()).exit_code, 2);
}

TEST_F(FdfIdlCli, SearchPathsResolveImports) {
  Write("dep.lib/dep.fidl", "library dep.lib;\ntype T = struct { x uint32; };\n");
  std::string user = Write("user.fidl", "library user;\nusing dep.lib;\ntype U = struct { t dep.lib.T; };\n");
  fdfkit::idl::testing::CommandRun without = FdfIdl("check " + user);
  EXPECT_EQ(without.exit_code, 1);
  EXPECT_NE(without.output.find("[FDFIDL015] library 'dep.lib' not found"), std::string::npos);
  EXPECT_EQ(FdfIdl("check -I " + dir_.string() + " " + user).exit_code, 0);
}

TEST_F(FdfIdlCli, IrWritesTheLibraryOfTheLastFile) {
  std::string file = Write("x.fidl", "library x;\nconst C uint8 = 7;\n");
  std::string out = (dir_ / "x.json").string();
  ASSERT_EQ(FdfIdl("ir " + file + " -o " + out).exit_code, 0);
  auto ir = nlohmann::json::parse(fdfkit::idl::testing::ReadFile(out));
  EXPECT_EQ(ir["name"], "x");
  EXPECT_EQ(ir["const_declarations"][0]["value"]["value"], "7");
  // Bad input: no IR file, exit 1.
  std::string bad = Write("bad.fidl", "library bad;\nconst C uint8 = 300;\n");
  std::string bad_out = (dir_ / "bad.json").string();
  EXPECT_EQ(FdfIdl("ir " + bad + " -o " + bad_out).exit_code, 1);
  EXPECT_FALSE(fs::exists(bad_out));
}

TEST_F(FdfIdlCli, IrOutDirWritesEveryNamedLibraryInOneRun) {
  Write("dep.lib/dep.fidl", "library dep.lib;\ntype T = struct { x uint32; };\n");
  std::string a = Write("a.fidl", "library a;\nusing dep.lib;\ntype A = struct { t dep.lib.T; };\n");
  std::string b = Write("b.fidl", "library b;\nconst C uint8 = 1;\n");
  fs::create_directories(dir_ / "out");
  std::string out = (dir_ / "out").string();
  ASSERT_EQ(FdfIdl("ir -I " + dir_.string() + " --out-dir " + out + " " + a + " " + b).exit_code, 0);
  // The named libraries only, not the import found through -I.
  std::vector<std::string> written;
  for (const auto& entry : fs::directory_iterator(out)) written.push_back(entry.path().filename());
  std::sort(written.begin(), written.end());
  EXPECT_EQ(written, (std::vector<std::string>{"a.ir.json", "b.ir.json"}));
  std::string compact = fdfkit::idl::testing::ReadFile(dir_ / "out" / "a.ir.json");
  EXPECT_EQ(std::count(compact.begin(), compact.end(), '\n'), 1);  // one line
  EXPECT_EQ(nlohmann::json::parse(compact)["library_dependencies"][0]["name"], "dep.lib");
  // --pretty is the same document, indented.
  fdfkit::idl::testing::CommandRun pretty = FdfIdl("ir --pretty -I " + dir_.string() + " " + a);
  ASSERT_EQ(pretty.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(pretty.output), nlohmann::json::parse(compact));
  EXPECT_EQ(pretty.output, nlohmann::ordered_json::parse(compact).dump(2) + "\n");
  // -o and --out-dir together, or a missing directory: usage errors.
  EXPECT_EQ(FdfIdl("ir -o x.json --out-dir " + out + " " + b).exit_code, 2);
  EXPECT_EQ(FdfIdl("ir --out-dir " + (dir_ / "nowhere").string() + " " + b).exit_code, 2);
}

TEST_F(FdfIdlCli, FormatInPlaceRewritesOnlyCleanFiles) {
  std::string legacy = Write("legacy.fidl", "library l;\nstruct S { uint8 a; };\n");
  ASSERT_EQ(FdfIdl("format --in-place " + legacy).exit_code, 0);
  EXPECT_EQ(fdfkit::idl::testing::ReadFile(legacy), "library l;\n\ntype S = struct {\n    a uint8;\n};\n");
  std::string broken_text = "library l;\nstruct S { uint8 a; \n";
  std::string broken = Write("broken.fidl", broken_text);
  EXPECT_EQ(FdfIdl("format --in-place " + broken).exit_code, 1);
  EXPECT_EQ(fdfkit::idl::testing::ReadFile(broken), broken_text);
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

// `format --in-place` rewrites the user's own file: every comment in it must survive.
TEST_F(FdfIdlCli, FormatInPlaceKeepsEveryComment) {
  auto comment_lines = [](const std::string& text) {
    std::multiset<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      size_t at = line.find("//");
      if (at != std::string::npos && line.compare(at, 3, "///") != 0) lines.insert(line.substr(at));
    }
    return lines;
  };
  fs::path samples = fs::path(FDFKIT_SOURCE_DIR) / "tests/migrate/idl/samples";
  for (const auto& entry : fs::directory_iterator(samples)) {
    std::string original = fdfkit::idl::testing::ReadFile(entry.path());
    std::string copy = Write(entry.path().filename().string(), original);
    auto run = FdfIdl("format --in-place " + copy);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    std::string formatted = fdfkit::idl::testing::ReadFile(copy);
    EXPECT_EQ(comment_lines(formatted), comment_lines(original)) << formatted;
  }
}

TEST_F(FdfIdlCli, FormatOutDirWritesTheFilesOfOneLibraryAsFidl) {
  // Two files of one library: each needs the other, so they are formatted together.
  std::string a = Write("a.banjo", "library two;\nstruct A { B b; };\n");
  std::string b = Write("b.fidl", "library two;\ntype B = struct { x uint8; };\n");
  fs::create_directories(dir_ / "out");
  EXPECT_EQ(FdfIdl("format " + a).exit_code, 1);  // alone, 'B' is not defined
  ASSERT_EQ(FdfIdl("format --out-dir " + (dir_ / "out").string() + " " + a + " " + b).exit_code, 0);
  EXPECT_EQ(fdfkit::idl::testing::ReadFile(dir_ / "out" / "a.fidl"),
            "library two;\n\ntype A = struct {\n    b B;\n};\n");
  EXPECT_EQ(fdfkit::idl::testing::ReadFile(dir_ / "out" / "b.fidl"),
            "library two;\n\ntype B = struct {\n    x uint8;\n};\n");
  EXPECT_EQ(FdfIdl("format --in-place --out-dir " + (dir_ / "out").string() + " " + b).exit_code, 2);
}

TEST_F(FdfIdlCli, GenUnknownBindingsIsAUsageError) {
  std::string file = Write("x.fidl", "library x;\n");
  fdfkit::idl::testing::CommandRun run = FdfIdl("gen --bindings=hlcpp -o " + dir_.string() + " " + file);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find("fdf-idl: error: [FDFIDL067] unknown bindings 'hlcpp'"),
            std::string::npos);
}

TEST_F(FdfIdlCli, GenWritesEveryBindingFile) {
  std::string file = Write("x.fidl", "library x;\ntype S = struct { a uint8; };\n");
  fdfkit::idl::testing::CommandRun run =
      FdfIdl("gen --bindings=wire,channel,driver -o " + dir_.string() + " " + file);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  for (const char* name : {"wire_types.h", "wire_types.cc", "wire_messaging.h", "wire.h",
                           "driver/wire.h"}) {
    EXPECT_TRUE(std::filesystem::exists(dir_ / "fidl/x/cpp" / name)) << name;
  }
}

TEST_F(FdfIdlCli, GenOnMalformedIdlWritesNothing) {
  std::string file = Write("x.fidl", "library x;\ntype S = struct { a uint8 };\n");
  fdfkit::idl::testing::CommandRun run = FdfIdl("gen --bindings=wire -o " + dir_.string() + " " + file);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "fidl"));
}

}  // namespace
