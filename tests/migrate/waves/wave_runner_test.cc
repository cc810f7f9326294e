// migrate-waves end to end on the fake stack (fake_stack.h), with a shell stand-in for
// fdfkit-boot: exit codes, what stops a run and where, what <out>/tree holds, and input errors.
#include "migrate/waves/wave_runner.h"

#include <gtest/gtest.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "tests/migrate/waves/fake_stack.h"

namespace fdfkit::waves {
namespace {

using testing::FakeStack;

struct Outcome {
  int exit_code = -1;
  std::string out, err;
};

Outcome RunOn(const RunOptions& options) {
  std::ostringstream out, err;
  Outcome run;
  run.exit_code = RunWaves(options, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

nlohmann::json Results(const FakeStack& stack) {
  return nlohmann::json::parse(stack.Read("out/waves.json"));
}

TEST(WaveRunner, GreenWavesBootTheRightVariants) {
  FakeStack stack;
  Outcome run = RunOn(stack.Options());
  ASSERT_EQ(run.exit_code, kExitGreen) << run.err;
  nlohmann::json results = Results(stack);
  EXPECT_EQ(results["green"], true);
  ASSERT_EQ(results["waves"].size(), 2u);
  EXPECT_EQ(results["waves"][0]["status"], "green");
  EXPECT_EQ(results["waves"][0]["boards"][0]["variants"],
            nlohmann::json::parse(R"(["a-dual", "b", "c"])"));
  EXPECT_EQ(results["waves"][1]["boards"][0]["variants"],
            nlohmann::json::parse(R"(["a-replace", "b-replace", "c"])"));
  EXPECT_EQ(results["waves"][1]["hosts"][0]["state"], "switched");
  EXPECT_EQ(results["waves"][0]["hosts"][0]["state"], "dual");
  // The tree is the last green wave's, the diff copied beside the wave's results.
  EXPECT_EQ(stack.Read("out/tree/boards/x.gni"), testing::kSwitchedGni);
  EXPECT_EQ(stack.Read("out/wave-02/1-switch-x_h.diff"), testing::kSwitchDiff);
  // What the stand-in booted is what the board file named.
  EXPECT_NE(stack.Read("out/wave-01/x.events").find("booted a-dual\n"), std::string::npos);
  EXPECT_NE(stack.Read("out/wave-01/x-board.json").find("\"nodes\""), std::string::npos);
  // The source diff of a's port; its replace source does not exist, so no diff.
  EXPECT_NE(stack.Read("out/wave-01/a.dual.diff").find("+int a() { return banjo() + transport(); }"),
            std::string::npos);
  EXPECT_FALSE(stack.Exists("out/wave-02/a.replace.diff"));
  std::string html = stack.Read("out/report.html");
  EXPECT_NE(html.find("href=\"wave-01/x.events\""), std::string::npos);
  EXPECT_NE(html.find("href=\"wave-02/1-switch-x_h.diff\""), std::string::npos);
  EXPECT_NE(html.find("href=\"wave-01/a.dual.diff\""), std::string::npos);
  EXPECT_NE(html.find("mid-migration (dual)"), std::string::npos);
}

TEST(WaveRunner, ThroughWaveStopsEarly) {
  FakeStack stack;
  RunOptions options = stack.Options();
  options.through_wave = 1;
  Outcome run = RunOn(options);
  ASSERT_EQ(run.exit_code, kExitGreen) << run.err;
  EXPECT_EQ(Results(stack)["waves"].size(), 1u);
  EXPECT_EQ(stack.Read("out/tree/boards/x.gni"), testing::kGni);
}

TEST(WaveRunner, ADiffThatDoesNotApplyStopsAtItsWave) {
  FakeStack stack;
  std::string diff = testing::kSwitchDiff;
  diff.replace(diff.find("-  \"//b\","), 9, "-  \"//q\",");
  stack.Write("plan/board-config/wave-02/switch-x_h.diff", diff);
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitWaveFailed);
  EXPECT_NE(run.err.find("migrate-waves: wave 2 failed: x: board-config diff "
                         "wave-02/switch-x_h.diff applies: "),
            std::string::npos)
      << run.err;
  // Left at wave 1, which changed no board file: the tree as given.
  EXPECT_EQ(stack.Read("out/tree/boards/x.gni"), testing::kGni);
  EXPECT_FALSE(stack.Exists("out/.staging-tree"));
  nlohmann::json results = Results(stack);
  EXPECT_EQ(results["failed_wave"], 2);
  EXPECT_EQ(results["last_green_wave"], 1);
  EXPECT_EQ(results["waves"][1]["diffs"][0]["applied"], false);
  EXPECT_NE(stack.Read("out/report.html").find("class=\"wave failed\" id=\"wave-2\""), std::string::npos);
}

TEST(WaveRunner, AMissingVariantFailsNamingIt) {
  FakeStack stack;
  std::filesystem::remove_all(stack.Path("build/drivers/a-dual"));
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitWaveFailed);
  EXPECT_NE(run.err.find("migrate-waves: wave 1 failed: x: variants built: variant a-dual not built"),
            std::string::npos)
      << run.err;
  nlohmann::json results = Results(stack);
  EXPECT_EQ(results["waves"][1]["status"], "not run");
  EXPECT_FALSE(stack.Exists("out/wave-02"));
  EXPECT_EQ(stack.Read("out/tree/boards/x.gni"), testing::kGni);
}

TEST(WaveRunner, ABoardFileAheadOfThePlanIsAMismatch) {
  FakeStack stack;
  // The switch lands in wave 1, before b is even ported.
  stack.Write("plan/board-config/updates.json", R"({"schema": "fdfkit-board-config/1",
    "waves": [{"wave": 1, "updates": [{"kind": "switch", "board": "x", "host": "h", "diff": "wave-02/switch-x_h.diff"}]}]})");
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitWaveFailed);
  EXPECT_NE(run.err.find("wave 1 failed: x: board file matches plan state: //a:a-fidl ships the "
                         "driver-transport variant of a, but no host of x holding it has switched "
                         "after wave 1"),
            std::string::npos)
      << run.err;
}

TEST(WaveRunner, TheSwitchMayComeBeforeTheDeleteVariant) {
  FakeStack stack;
  stack.Write("plan/plan.json", testing::kLateDeletePlan);
  stack.Write("plan/board-config/updates.json", testing::kLateDeleteUpdates);
  Outcome run = RunOn(stack.Options());
  ASSERT_EQ(run.exit_code, kExitGreen) << run.err;
  nlohmann::json results = Results(stack);
  ASSERT_EQ(results["waves"].size(), 3u);
  // Switched, not yet deleted: the ported labels boot the dual variants.
  EXPECT_EQ(results["waves"][1]["boards"][0]["variants"],
            nlohmann::json::parse(R"(["a-dual", "b-dual", "c"])"));
  EXPECT_EQ(results["waves"][2]["boards"][0]["variants"],
            nlohmann::json::parse(R"(["a-replace", "b-replace", "c"])"));
  EXPECT_EQ(stack.Read("out/tree/boards/x.gni"), testing::kSwitchedGni);
}

TEST(WaveRunner, ABootThatHangsIsKilledAtTheTimeoutWithItsGroup) {
  FakeStack stack;
  // A grandchild in the boot's process group, as a driver host is; it must not outlive the run.
  const std::string pid_file = stack.Path("grandchild.pid");
  stack.Write("boot.sh", "#!/bin/sh\ntail -f /dev/null &\necho $! > " + pid_file +
                             ".tmp\nmv " + pid_file + ".tmp " + pid_file + "\nexec tail -f /dev/null\n");
  std::string config = testing::kConfig;
  config.replace(config.find("\"timeout_seconds\": 20"), 21, "\"timeout_seconds\": 1");
  stack.Write("config.json", config);
  testing::Subreaper reaper;  // the orphaned grandchild is reaped here, so "gone" is observable
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitWaveFailed);
  EXPECT_NE(run.err.find("wave 1 failed: x: boot: timed out after 1 s"), std::string::npos) << run.err;
  ASSERT_TRUE(stack.Exists("grandchild.pid"));
  pid_t grandchild = std::stoi(stack.Read("grandchild.pid"));
  EXPECT_TRUE(reaper.Gone(grandchild)) << "grandchild " << grandchild << " outlived the boot";
}

TEST(WaveRunner, WhatTheBootLeavesInItsGroupIsKilled) {
  FakeStack stack;
  const std::string pid_file = stack.Path("grandchild.pid");
  stack.Write("boot.sh", "#!/bin/sh\ntail -f /dev/null &\necho $! > " + pid_file + ".tmp\nmv " +
                             pid_file + ".tmp " + pid_file + "\n" + testing::kBootStubBody);
  testing::Subreaper reaper;
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitGreen) << run.err;
  ASSERT_TRUE(stack.Exists("grandchild.pid"));
  EXPECT_TRUE(reaper.Gone(std::stoi(stack.Read("grandchild.pid"))));
}

TEST(WaveRunner, AFailingCheckNamesItsPattern) {
  FakeStack stack;
  stack.Write("boot.sh", "#!/bin/sh\necho 'stack broken' >> \"$FDFKIT_DRIVER_EVENT_LOG\"\n");
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitWaveFailed);
  EXPECT_NE(run.err.find("wave 1 failed: x: stack works: no line of wave-01/x.events matches "
                         "/^stack ok$/ (1 lines)"),
            std::string::npos)
      << run.err;
}

TEST(WaveRunner, BadConfigExitsTwoWithItsLocationAndWritesNothing) {
  FakeStack stack;
  std::string config = testing::kConfig;
  config.replace(config.find("^stack ok$"), 10, "(unclosed");
  config.replace(config.find("\"base\""), 6, "\"bsae\"");
  stack.Write("config.json", config);
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitBadInput);
  const std::string file = stack.Path("config.json");
  EXPECT_NE(run.err.find(file + ": $.boards[0].checks[0].event: error: [FDFWAVE023] not a valid "
                                "regular expression"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(file + ": $.boards[0].bsae: error: [FDFWAVE016] unknown field \"bsae\""),
            std::string::npos);
  EXPECT_NE(run.err.find(file + ": $.boards[0].base: error: [FDFWAVE017] missing"), std::string::npos);
  EXPECT_FALSE(stack.Exists("out"));
}

TEST(WaveRunner, BadPlanExitsTwoWithItsLocationAndWritesNothing) {
  FakeStack stack;
  std::string plan = testing::kPlan;
  plan.replace(plan.find("\"driver\": \"a\"}]}"), 13, "\"driver\": \"zed\"");
  stack.Write("plan/plan.json", plan);
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitBadInput);
  EXPECT_NE(run.err.find(stack.Path("plan/plan.json") + ": $.waves[0].actions[1].driver: error: "
                                                        "[FDFPLAN033] unknown driver \"zed\""),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(stack.Exists("out"));
}

TEST(WaveRunner, MissingDiffAndUnknownBoardExitTwo) {
  FakeStack stack;
  std::filesystem::remove(stack.Path("plan/board-config/wave-02/switch-x_h.diff"));
  std::string config = testing::kConfig;
  config.replace(config.find("\"id\": \"x\""), 9, "\"id\": \"y\"");
  stack.Write("config.json", config);
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitBadInput);
  EXPECT_NE(run.err.find(stack.Path("plan/board-config/updates.json") +
                         ": $.waves[0].updates[0].diff: error: [FDFWAVE031] diff "),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(stack.Path("config.json") +
                         ": $.boards[0].id: error: [FDFWAVE020] board \"y\" is not in the inventory"),
            std::string::npos);
  EXPECT_FALSE(stack.Exists("out"));
}

// Every file under `root` (relative path → contents).
std::map<std::string, std::string> Files(const std::string& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[std::filesystem::relative(entry.path(), root).string()] = text.str();
  }
  return files;
}

TEST(WaveRunner, AWaveThatPatchesThenFailsToBootLeavesTheGreenTree) {
  FakeStack stack;
  stack.Write("plan/plan.json", testing::kLateDeletePlan);
  // Wave 3 patches a source too, then its boot fails (the replace variants crash).
  stack.Write("plan/board-config/wave-03/touch.diff",
              "--- a/a/a.cc\n+++ b/a/a.cc\n@@ -1 +1 @@\n-int a() { return banjo(); }\n+int a();\n");
  stack.Write("plan/board-config/updates.json", R"({"schema": "fdfkit-board-config/1",
    "waves": [{"wave": 2, "updates": [{"kind": "switch", "board": "x", "host": "h", "diff": "wave-02/switch-x_h.diff"}]},
              {"wave": 3, "updates": [{"kind": "switch", "board": "x", "host": "h", "diff": "wave-03/touch.diff"}]}]})");
  stack.Write("boot.sh", std::string("#!/bin/sh\ngrep -q a-replace \"$1\" && exit 3\n") +
                             testing::kBootStubBody);
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitWaveFailed);
  EXPECT_NE(run.err.find("wave 3 failed: x: boot: exit 3"), std::string::npos) << run.err;
  nlohmann::json results = Results(stack);
  EXPECT_EQ(results["waves"][2]["diffs"][0]["applied"], true);
  EXPECT_EQ(results["last_green_wave"], 2);
  // Byte for byte wave 2's tree: the given tree with the switch applied, wave 3's patch undone.
  std::map<std::string, std::string> expected = Files(stack.Path("tree"));
  expected["boards/x.gni"] = testing::kSwitchedGni;
  EXPECT_EQ(Files(stack.Path("out/tree")), expected);
  EXPECT_FALSE(stack.Exists("out/.staging-tree"));
}

TEST(WaveRunner, DiffsWithOneFileNameAreKeptApart) {
  FakeStack stack;
  const char kOther[] = "--- a/a/a.cc\n+++ b/a/a.cc\n@@ -1 +1 @@\n-int a() { return banjo(); }\n+int a();\n";
  stack.Write("plan/board-config/other/switch-x_h.diff", kOther);
  stack.Write("plan/board-config/updates.json", R"({"schema": "fdfkit-board-config/1",
    "waves": [{"wave": 2, "updates": [{"kind": "switch", "board": "x", "host": "h", "diff": "wave-02/switch-x_h.diff"},
                                      {"kind": "switch", "board": "x", "host": "h", "diff": "other/switch-x_h.diff"}]}]})");
  Outcome run = RunOn(stack.Options());
  ASSERT_EQ(run.exit_code, kExitGreen) << run.err;
  EXPECT_EQ(stack.Read("out/wave-02/1-switch-x_h.diff"), testing::kSwitchDiff);
  EXPECT_EQ(stack.Read("out/wave-02/2-switch-x_h.diff"), kOther);
  nlohmann::json results = Results(stack);
  EXPECT_EQ(results["waves"][1]["diffs"][1]["copy"], "wave-02/2-switch-x_h.diff");
}

TEST(WaveRunner, AStartThatFailsExitsOneAndLeavesNoTree) {
  FakeStack stack;
  // A FIFO cannot be copied; a previous run's tree must not stay behind as if it were this run's.
  ASSERT_EQ(mkfifo(stack.Path("tree/pipe").c_str(), 0644), 0);
  stack.Write("out/tree/boards/x.gni", "stale\n");
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitWaveFailed);
  EXPECT_NE(run.err.find("migrate-waves: the start failed, no wave ran: start: cannot copy"),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(stack.Exists("out/tree"));
  EXPECT_FALSE(stack.Exists("out/.staging-tree"));
  nlohmann::json results = Results(stack);
  EXPECT_EQ(results["green"], false);
  EXPECT_EQ(results["start_failed"], true);
  EXPECT_EQ(results["waves"][0]["status"], "not run");
  EXPECT_NE(stack.Read("out/report.html").find("The start failed"), std::string::npos);
}

TEST(WaveRunner, AnOutputThatCannotBeWrittenIsNotAFailedWave) {
  FakeStack stack;
  stack.Write("out/waves.json/in-the-way", "");  // a non-empty folder where waves.json goes
  Outcome run = RunOn(stack.Options());
  EXPECT_EQ(run.exit_code, kExitCannotWrite);
  EXPECT_NE(run.err.find("migrate-waves: error: [FDFWAVE002] cannot write " +
                         stack.Path("out/waves.json")),
            std::string::npos)
      << run.err;
}

}  // namespace
}  // namespace fdfkit::waves
