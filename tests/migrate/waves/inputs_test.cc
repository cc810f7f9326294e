// migrate-waves's input checks on the fake stack (fake_stack.h): ids that name output files,
// config paths and board-config diffs that could reach outside their folders, --out inside
// --tree, --through-wave past the plan. Each is exit 2 with a located diagnostic, nothing written.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "migrate/waves/wave_runner.h"
#include "tests/migrate/waves/fake_stack.h"

namespace fdfkit::waves {
namespace {

using testing::FakeStack;

// Runs on `options` and expects a bad-input exit naming every one of `expected` in stderr.
void ExpectRefused(const FakeStack& stack, const RunOptions& options,
                   const std::vector<std::string>& expected) {
  std::ostringstream out, err;
  EXPECT_EQ(RunWaves(options, out, err), kExitBadInput) << err.str();
  for (const std::string& text : expected) {
    EXPECT_NE(err.str().find(text), std::string::npos) << "want: " << text << "\ngot:\n" << err.str();
  }
  EXPECT_FALSE(std::filesystem::exists(options.out)) << "written: " << options.out;
  EXPECT_FALSE(stack.Exists("tree/out"));
}

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

TEST(Inputs, IdsThatNameFilesMustBePlainNames) {
  FakeStack stack;
  std::string config = Replaced(testing::kConfig, "\"id\": \"x\"", "\"id\": \"../x\"");
  config = Replaced(config, "\"drivers\": {\"a\":", "\"drivers\": {\"../a\":");
  stack.Write("config.json", config);
  const std::string file = stack.Path("config.json");
  ExpectRefused(stack, stack.Options(),
                {file + ": $.boards[0].id: error: [FDFWAVE029] \"../x\" names output files",
                 file + ": $.drivers[\"../a\"]: error: [FDFWAVE029] \"../a\" names output files"});
  for (const char* id : {".", "..", "a/b"}) {
    stack.Write("config.json", Replaced(testing::kConfig, "\"id\": \"x\"",
                                        std::string("\"id\": \"") + id + "\""));
    ExpectRefused(stack, stack.Options(), {"[FDFWAVE029] \"" + std::string(id) + "\""});
  }
}

TEST(Inputs, BaseBoardMustStayInsideDrivers) {
  FakeStack stack;
  stack.Write("config.json",
              Replaced(testing::kConfig, "\"x-board.json\"", "\"../../x-board.json\""));
  ExpectRefused(stack, stack.Options(),
                {stack.Path("config.json") + ": $.boards[0].base: error: [FDFWAVE035] "
                                             "\"../../x-board.json\" leaves " +
                 stack.Path("build/drivers")});
}

TEST(Inputs, RewrittenSourcesMustStayInsideTheBuildDir) {
  FakeStack stack;
  std::string config = Replaced(testing::kConfig, "\"rewritten/dual/a.cc\"", "\"../../etc/passwd\"");
  config = Replaced(config, "\"rewritten/replace/missing.cc\"", "\"/etc/passwd\"");
  stack.Write("config.json", config);
  const std::string file = stack.Path("config.json");
  ExpectRefused(stack, stack.Options(),
                {file + ": $.drivers[\"a\"].dual: error: [FDFWAVE035] \"../../etc/passwd\" leaves",
                 file + ": $.drivers[\"a\"].replace: error: [FDFWAVE035] \"/etc/passwd\" leaves"});
}

TEST(Inputs, BoardDiffsMustBePlainDiffsOfTreeFiles) {
  const std::string diff_path = "plan/board-config/wave-02/switch-x_h.diff";
  struct Case {
    std::string from, to, expected;
  } cases[] = {
      {"--- a/boards/x.gni", "--- boards/x.gni", ":line 1: error: [FDFWAVE034] "},
      {"+++ b/boards/x.gni", "+++ boards/x.gni", ":line 2: error: [FDFWAVE034] "},
      {"--- a/boards/x.gni\n+++ b/boards/x.gni",
       "--- a/../../outside.gni\n+++ b/../../outside.gni", "leaves the tree"},
      {"--- a/boards/x.gni\n+++ b/boards/x.gni", "--- a/boards/y.gni\n+++ b/boards/y.gni",
       "target \"boards/y.gni\" is not a file of the tree"},
      {"--- a/boards/x.gni", "diff --git a/boards/x.gni b/boards/x.gni\n--- a/boards/x.gni",
       ":line 1: error: [FDFWAVE034] not a board-config diff migrate-plan writes: git extended"},
      {"--- a/boards/x.gni",
       "diff --git a/x b/x\nnew file mode 120000\n--- a/boards/x.gni", ":line 2: error: [FDFWAVE034]"},
      {"--- a/boards/x.gni", "rename from boards/x.gni\n--- a/boards/x.gni", "git extended header"},
  };
  for (const Case& c : cases) {
    FakeStack stack;
    stack.Write(diff_path, Replaced(testing::kSwitchDiff, c.from, c.to));
    // "<diff>: line N: ..."; the diff file is named by its path.
    std::string expected = c.expected;
    if (expected.rfind(":line ", 0) == 0) expected = stack.Path(diff_path) + ": " + expected.substr(1);
    ExpectRefused(stack, stack.Options(), {expected});
  }
}

TEST(Inputs, HunkLinesThatLookLikeHeadersAreAccepted) {
  // "--- old" inside a hunk is the removed line "-- old", not a header.
  FakeStack stack;
  stack.Write("tree/a/a.cc", "int a() { return banjo(); }\n-- old\n");
  stack.Write("plan/board-config/wave-02/switch-x_h.diff",
              std::string(testing::kSwitchDiff) +
                  "--- a/a/a.cc\n+++ b/a/a.cc\n@@ -1,2 +1 @@\n int a() { return banjo(); }\n--- old\n");
  std::ostringstream out, err;
  EXPECT_EQ(RunWaves(stack.Options(), out, err), kExitGreen) << err.str();
  EXPECT_EQ(stack.Read("out/tree/a/a.cc"), "int a() { return banjo(); }\n");
}

TEST(Inputs, OutMustNotBeInsideTheTree) {
  FakeStack stack;
  RunOptions options = stack.Options();
  options.out = stack.Path("tree/out");
  ExpectRefused(stack, options, {"migrate-waves: error: [FDFWAVE007] --out " + options.out});
  options.out = stack.Path("tree/boards/../out");
  ExpectRefused(stack, options, {"[FDFWAVE007]"});
  options.out = stack.Path("tree");  // exists: only check that nothing was added to it
  std::ostringstream out, err;
  EXPECT_EQ(RunWaves(options, out, err), kExitBadInput);
  EXPECT_NE(err.str().find("[FDFWAVE007]"), std::string::npos) << err.str();
  EXPECT_FALSE(stack.Exists("tree/waves.json"));
  EXPECT_FALSE(stack.Exists("tree/tree"));
}

TEST(Inputs, ThroughWavePastThePlan) {
  FakeStack stack;
  RunOptions options = stack.Options();
  options.through_wave = 3;
  ExpectRefused(stack, options,
                {"migrate-waves: error: [FDFWAVE008] --through-wave 3 is past the plan's last wave 2"});
}

}  // namespace
}  // namespace fdfkit::waves
