// Board-config updates of a plan over a scanned tree (migrate/plan/board_config.cc), on trees
// written here: a board in both formats, and labels the board files compute.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "migrate/plan/board_config.h"
#include "migrate/plan/planner.h"
#include "migrate/plan/scan/scanner.h"

namespace fdfkit::plan {
namespace {

namespace fs = std::filesystem;

class BoardConfigOfTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("fdfkit-board-config-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    // Two controllers, each a host of its own, each depending on a banjo library of its own.
    for (const char* d : {"d1", "d2"}) {
      Write(std::string(d) + "/BUILD.gn", std::string("fuchsia_driver_component(\"") + d + "\") {\n  deps = [ \"//sdk/banjo/" +
                                              d + ":" + d + "_banjo_cpp\" ]\n}\n");
    }
    Write("g/BUILD.gn", "group(\"g\") {\n  deps = [ \"//d1\", \"//d2\" ]\n}\n");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& path, const std::string& text) {
    fs::create_directories((root_ / path).parent_path());
    std::ofstream(root_ / path) << text;
  }
  // Scans, plans one port per wave, and returns the board-config updates in wave order.
  std::vector<BoardConfigUpdate> Plan() {
    scan::ScanRulesLoad rules = scan::LoadScanRules("", "");
    scan::ScanResult scanned = scan::ScanTree(root_.string(), *rules.rules, rules.overlay);
    EXPECT_TRUE(scanned.errors.empty()) << scanned.errors[0].Text();
    InventoryLoad load = ParseInventory(scanned.inventory.dump());
    EXPECT_TRUE(load.errors.empty());
    Requirements required = Require(*load.inventory);
    PlanOptions options;
    options.ports_per_wave = 1;
    PlannedMigration planned = PlanMigration(*load.inventory, required, options);
    BoardConfig config = PlanBoardConfig(load.document, *load.inventory, required, planned.schedule, root_.string());
    for (const FileDiagnostic& e : config.errors) ADD_FAILURE() << e.Text();
    std::vector<BoardConfigUpdate> switches;
    for (BoardConfigUpdate& u : config.updates) {
      if (u.kind == "switch") switches.push_back(std::move(u));
    }
    return switches;
  }
  fs::path root_;
};

std::string Notes(const BoardConfigUpdate& u) {
  std::string all;
  for (const std::string& note : u.notes) all += note + "\n";
  return all;
}

// vim3 mid-move: a .gni and a board_configuration. A label of its bundle reaching drivers of two
// hosts is the board's own: the first host's switch adds the new label beside it, the second
// drops the old one (not "shared with other boards", which would wait and add nothing).
TEST_F(BoardConfigOfTree, ABoardsConfigurationIsItsOwnFile) {
  Write("boards/b.gni", "board_bootfs_labels = []\n");
  Write("boards/b/BUILD.gn",
        "board_configuration(\"b\") {\n  input_bundles = [ \":bundle\" ]\n}\n"
        "board_input_bundle(\"bundle\") {\n  drivers = [\n    {\n      package_target = \"//g\"\n    },\n  ]\n}\n");
  std::vector<BoardConfigUpdate> switches = Plan();
  ASSERT_EQ(switches.size(), 2u);
  EXPECT_NE(Notes(switches[0]).find("//g:g-fidl added beside //g"), std::string::npos) << Notes(switches[0]);
  // A second driver is a second entry of the bundle; at the last switch the old entry goes.
  EXPECT_NE(switches[0].diff.find("     {\n       package_target = \"//g\"\n     },\n+    {\n"
                                  "+      package_target = \"//g:g-fidl\"\n+    },\n"),
            std::string::npos)
      << switches[0].diff;
  EXPECT_NE(switches[1].diff.find("-      package_target = \"//g\"\n"), std::string::npos) << switches[1].diff;
  EXPECT_EQ(switches[1].diff.find("+"), switches[1].diff.find("+++"));  // nothing added: the entry goes
}

// A label the board file computes (`"//" + d` in a foreach) has no text to edit: each switch says
// what to do by hand, beside the old label while another host needs it, in its place at the last;
// the plan is not refused.
TEST_F(BoardConfigOfTree, AComputedLabelIsLeftToAHandEdit) {
  Write("boards/b.gni", "board_bootfs_labels = []\nforeach(d, [ \"g\" ]) {\n  board_bootfs_labels += [ \"//\" + d ]\n}\n");
  std::vector<BoardConfigUpdate> switches = Plan();
  ASSERT_EQ(switches.size(), 2u);
  EXPECT_TRUE(switches[0].diff.empty());
  EXPECT_NE(Notes(switches[0]).find("//g is computed from \"//\" + \"g\" (boards/b.gni:3); add //g:g-fidl beside it by hand"),
            std::string::npos)
      << Notes(switches[0]);
  EXPECT_NE(Notes(switches[1]).find("; replace it by //g:g-fidl there by hand"), std::string::npos) << Notes(switches[1]);
}

}  // namespace
}  // namespace fdfkit::plan
