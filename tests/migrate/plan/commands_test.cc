// The subcommands as library functions: what each prints, its exit code, and that a failure
// writes nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "migrate/plan/commands.h"
#include "migrate/plan/inventory.h"
#include "support/read_file.h"

#ifndef FDFKIT_CORPUS_DIR
#error "FDFKIT_CORPUS_DIR must name corpus/"
#endif

namespace fdfkit::plan {
namespace {

namespace fs = std::filesystem;

constexpr char kInventory[] = R"({"schema": "fdfkit-inventory/1",
  "protocols": [{"id": "p"}],
  "drivers": [{"id": "a", "team": "t", "serves": ["p"]}, {"id": "b", "team": "t", "consumes": ["p"]}],
  "boards": [{"id": "x", "hosts": [{"id": "x/h", "drivers": ["a", "b"]}]}]})";

class Commands : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fdfkit-commands-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("inventory.json", kInventory);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  void Write(const std::string& name, const std::string& text) const { std::ofstream(dir_ / name) << text; }
  std::string Read(const std::string& name) const { return support::ReadFile(Path(name)).value_or(""); }
  // Plans inventory.json into plan/.
  void Plan() {
    PlanCommand plan;
    plan.inventory = Path("inventory.json");
    plan.out_dir = Path("plan");
    ASSERT_EQ(RunPlan(plan, out_, err_), kExitDone) << err_.str();
    out_.str("");
  }
  fs::path dir_;
  std::ostringstream out_, err_;
};

TEST_F(Commands, PlanWritesThePlanAndPrintsItsMetrics) {
  PlanCommand plan;
  plan.inventory = Path("inventory.json");
  plan.out_dir = Path("out");
  plan.options.ports_per_wave = 1;
  EXPECT_EQ(RunPlan(plan, out_, err_), kExitDone);
  EXPECT_EQ(err_.str(), "");
  EXPECT_EQ(out_.str(), "wrote " + Path("out/plan.json") + "\n"
                        "  waves         2  (lower bound 2)\n"
                        "  duplication   0  (lower bound 0)\n"
                        "  dual_lifetime 1  (lower bound 1)\n"
                        "  switches      1  (fixed by the inventory)\n"
                        "  certificate   optimal: the heuristic plan meets the combinatorial lower bounds: "
                        "optimal without a solver\n");
  EXPECT_NE(Read("out/plan.json").find("\"schema\": \"fdfkit-plan/1\""), std::string::npos);
  EXPECT_NE(Read("out/plan.json").find("\"status\": \"optimal\""), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "out/board-config"));  // not a scanned inventory
}

TEST_F(Commands, PlanRefusesInvalidInputAndWritesNothing) {
  Write("bad.json", R"({"schema": "fdfkit-inventory/1", "protocols": [], "drivers": [{"id": "d"}], "boards": []})");
  PlanCommand plan;
  plan.inventory = Path("bad.json");
  plan.out_dir = Path("out");
  EXPECT_EQ(RunPlan(plan, out_, err_), kExitInvalid);
  EXPECT_EQ(err_.str(), Path("bad.json") + ": $.drivers[0]: error: [FDFPLAN037] driver \"d\" is in no host on any board\n");

  std::ostringstream err;
  plan.inventory = Path("inventory.json");
  plan.options.team_cap = {{"t", 0}};
  EXPECT_EQ(RunPlan(plan, out_, err), kExitInvalid);
  EXPECT_EQ(err.str(), "migrate-plan: error: [FDFPLAN004] team \"t\" has drivers to port but a capacity of 0 ports per wave\n");
  EXPECT_EQ(out_.str(), "");
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(Commands, AnOutputThatCannotBeWrittenIsReported) {
  PlanCommand plan;
  plan.inventory = Path("inventory.json");
  plan.out_dir = Path("inventory.json/out");  // a directory inside a file
  EXPECT_EQ(RunPlan(plan, out_, err_), kExitInvalid);
  EXPECT_EQ(err_.str(), "migrate-plan: error: [FDFPLAN002] cannot write " + Path("inventory.json/out/plan.json") + "\n");
}

TEST_F(Commands, VerifyPrintsValidOrEveryViolation) {
  Plan();
  VerifyCommand verify;
  verify.inventory = Path("inventory.json");
  verify.plan = Path("plan/plan.json");
  EXPECT_EQ(RunVerify(verify, out_, err_), kExitDone);
  EXPECT_EQ(out_.str(), Path("plan/plan.json") + ": valid\n");

  std::ostringstream out;
  verify.options.ports_per_wave = 1;  // the plan ports both drivers in one wave
  EXPECT_EQ(RunVerify(verify, out, err_), kExitInvalid);
  EXPECT_EQ(out.str(), Path("plan/plan.json") +
                           ": error: [FDFPLAN053] capacity: wave 1 ports 2 drivers; at most 1 allowed\n1 violation\n");
  EXPECT_EQ(err_.str(), "");

  verify.plan = Path("missing.json");
  EXPECT_EQ(RunVerify(verify, out_, err_), kExitInvalid);
  EXPECT_EQ(err_.str(), "migrate-plan: error: [FDFPLAN001] cannot read " + Path("missing.json") + "\n");
}

TEST_F(Commands, ReportDrawsAValidPlanAndRefusesABrokenOne) {
  Plan();
  ReportCommand report;
  report.inventory = Path("inventory.json");
  report.plan = Path("plan/plan.json");
  report.out_dir = Path("report");
  EXPECT_EQ(RunReport(report, out_, err_), kExitDone) << err_.str();
  EXPECT_EQ(out_.str(), "wrote " + Path("report/index.md") + " and " + Path("report/report.html") + "\n");
  EXPECT_TRUE(fs::exists(dir_ / "report/boards/x.md"));

  Write("broken.json", R"({"schema": "fdfkit-plan/1", "waves": []})");
  report.plan = Path("broken.json");
  report.out_dir = Path("broken-report");
  std::ostringstream err;
  EXPECT_EQ(RunReport(report, out_, err), kExitInvalid);
  std::string missing = Path("broken.json") + ": error: [FDFPLAN051] missing: ";
  EXPECT_EQ(err.str(), "migrate-plan: error: [FDFPLAN056] the plan is not valid for this inventory, so no report "
                       "is written; its violations follow\n" +
                           missing + "clone p\n" + missing + "delete_protocol p\n" + missing + "port a\n" + missing +
                           "delete_variant a\n" + missing + "port b\n" + missing + "delete_variant b\n" + missing +
                           "switch x/x/h\n");
  EXPECT_FALSE(fs::exists(dir_ / "broken-report"));
}

// corpus/drivers end to end: the i2c core's Zircon-channel service to temp-sensor, in another
// host, is in the report beside the banjo edges (a cross-host service edge is legal), and the plan
// verifies.
TEST_F(Commands, ReportShowsServiceEdgesAcrossHosts) {
  std::string tree = std::string(FDFKIT_CORPUS_DIR) + "/drivers";
  ScanCommand scan;
  scan.tree = tree;
  scan.overlay = tree + "/scan-overlay.json";
  scan.out = Path("drivers/inventory.json");
  ASSERT_EQ(RunScan(scan, out_, err_), kExitDone) << err_.str();
  PlanCommand plan;
  plan.inventory = scan.out;
  plan.out_dir = Path("drivers/plan");
  ASSERT_EQ(RunPlan(plan, out_, err_), kExitDone) << err_.str();
  VerifyCommand verify;
  verify.inventory = scan.out;
  verify.plan = Path("drivers/plan/plan.json");
  EXPECT_EQ(RunVerify(verify, out_, err_), kExitDone) << err_.str();
  ReportCommand report;
  report.inventory = scan.out;
  report.plan = Path("drivers/plan/plan.json");
  report.out_dir = Path("drivers/report");
  ASSERT_EQ(RunReport(report, out_, err_), kExitDone) << err_.str();
  std::string board = Read("drivers/report/boards/gpio-i2c.md");
  EXPECT_NE(board.find("- i2c-impl → i2c: `fuchsia.hardware.i2cimpl` (banjo)\n"), std::string::npos) << board;
  EXPECT_NE(board.find("Service edges (FIDL; nothing to migrate):\n\n- i2c → temp-sensor: "
                       "`fdfkit.examples.i2c.Service` (channel, to host gpio-i2c/temp-sensor)\n"),
            std::string::npos)
      << board;
  EXPECT_NE(board.find("- i2c → temp-sensor: `fdfkit.examples.i2c.Service` (channel, from host gpio-i2c/gpio-impl)\n"),
            std::string::npos)
      << board;
  std::string html = Read("drivers/report/report.html");
  EXPECT_NE(html.find("<li class=\"service-channel\">i2c → temp-sensor: <code>fdfkit.examples.i2c.Service</code> "
                      "(channel, to host gpio-i2c/temp-sensor)</li>"),
            std::string::npos);
}

TEST_F(Commands, ScanWritesAnInventoryAndPlanWritesItsBoardConfig) {
  std::string tree = std::string(FDFKIT_CORPUS_DIR) + "/tree";
  ScanCommand scan;
  scan.tree = tree;
  scan.overlay = tree + "/overlay.json";
  scan.out = Path("scanned/inventory.json");
  EXPECT_EQ(RunScan(scan, out_, err_), kExitDone);
  EXPECT_EQ(err_.str(), tree + "/boards/vim3.gni:17: warning: [FDFPLAN132] unresolved: board label "
                               "//src/devices/bus/drivers/pci:bus-pci is not defined in the tree; its drivers are "
                               "not in the inventory\n");
  EXPECT_EQ(out_.str(), "wrote " + scan.out + ": 10 drivers, 6 banjo protocols, 2 boards, 9 hosts, "
                                              "8 banjo edges, 0 service edges, 1 unresolved "
                                              "(listed in $.scan.unresolved)\n");
  EXPECT_TRUE(ParseInventory(Read("scanned/inventory.json")).errors.empty());

  PlanCommand plan;
  plan.inventory = scan.out;
  plan.out_dir = Path("scanned/plan");
  plan.options.ports_per_wave = 2;
  std::ostringstream out;
  EXPECT_EQ(RunPlan(plan, out, err_), kExitDone);
  EXPECT_NE(out.str().find("wrote " + Path("scanned/plan/board-config/updates.json") + " (9 board-file diffs)"),
            std::string::npos)
      << out.str();

  // The tree moved: its board files cannot be read, so nothing is written.
  plan.tree = Path("nowhere");
  plan.out_dir = Path("moved");
  std::ostringstream err;
  EXPECT_EQ(RunPlan(plan, out, err), kExitInvalid);
  EXPECT_NE(err.str().find("migrate-plan: board config: boards/vim3.gni: error: [FDFPLAN120] cannot read board "
                           "file under " + Path("nowhere") + "\n"),
            std::string::npos)
      << err.str();
  EXPECT_FALSE(fs::exists(dir_ / "moved"));
}

TEST_F(Commands, ScanReportsBrokenInputsAndWritesNothing) {
  ScanCommand scan;
  scan.tree = Path("inventory.json");
  scan.out = Path("out.json");
  EXPECT_EQ(RunScan(scan, out_, err_), kExitInvalid);
  EXPECT_EQ(err_.str(), "migrate-plan: error: [FDFPLAN090] " + Path("inventory.json") +
                            " is not a directory\nmigrate-plan: 1 error(s); nothing written\n");

  std::ostringstream err;
  scan.tree = Path(".");
  scan.overlay = Path("missing-overlay.json");
  EXPECT_EQ(RunScan(scan, out_, err), kExitInvalid);
  EXPECT_EQ(err.str(), "migrate-plan: error: [FDFPLAN001] cannot read " + Path("missing-overlay.json") + "\n");

  std::ostringstream overlay_err;
  Write("overlay.json", R"({"schema": "fdfkit-scan-overlay/1", "rules": 3})");
  scan.overlay = Path("overlay.json");
  EXPECT_EQ(RunScan(scan, out_, overlay_err), kExitInvalid);
  EXPECT_EQ(overlay_err.str(),
            Path("overlay.json") + ": $.rules: error: [FDFPLAN071] expected an object (a merge patch over the scan rules)\n");
  EXPECT_FALSE(fs::exists(dir_ / "out.json"));
  EXPECT_EQ(out_.str(), "");
}

}  // namespace
}  // namespace fdfkit::plan
