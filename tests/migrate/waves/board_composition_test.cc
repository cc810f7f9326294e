#include "migrate/waves/board_composition.h"

#include <gtest/gtest.h>

#include "migrate/plan/plan_json.h"
#include "tests/migrate/waves/fake_stack.h"

namespace fdfkit::waves {
namespace {

class BoardComposition : public ::testing::Test {
 protected:
  void SetUp() override {
    inventory_ = *plan::ParseInventory(testing::kInventory).inventory;
    required_ = plan::Require(inventory_);
    schedule_ = plan::ReadPlanJson(testing::kPlan, inventory_, required_).schedule;
    board_.board = 0;
    board_.config.id = "x";
    board_.gni = "boards/x.gni";
    board_.lists = {"board_bootfs_labels"};
    for (const char* d : {"a", "b", "c"}) {
      std::string id = d;
      board_.labels.push_back({inventory_.driver_index.at(id), "//" + id, "//" + id + ":" + id + "-fidl"});
    }
    board_.base = nlohmann::json::parse(
        R"({"name": "x", "drivers": ["a/a.cml"], "nodes": [{"name": "sys"}], "extra": 7})");
  }

  void UsePlan(const char* plan) {
    plan::PlanRead read = plan::ReadPlanJson(plan, inventory_, required_);
    ASSERT_TRUE(read.errors.empty()) << read.errors[0].Text();
    schedule_ = read.schedule;
  }

  ComposedBoard Compose(int wave, const std::vector<std::string>& labels) {
    MigrationState state(inventory_, required_, schedule_);
    return ComposeBoard(board_, inventory_, state, wave, labels, "/drivers");
  }

  plan::Inventory inventory_;
  plan::Requirements required_;
  plan::Schedule schedule_;
  BoardInputs board_;
};

TEST_F(BoardComposition, BanjoLabelsFollowTheState) {
  ComposedBoard c = Compose(1, {"//a", "//b", "//c"});
  EXPECT_EQ(c.variants, (std::vector<std::string>{"a-dual", "b", "c"}));
  EXPECT_TRUE(c.mismatches.empty());
  EXPECT_EQ(c.board["drivers"], nlohmann::json::parse(
      R"(["/drivers/a-dual/a-dual.cml", "/drivers/b/b.cml", "/drivers/c/c.cml"])"));
  // Everything else of the base board is kept.
  EXPECT_EQ(c.board["name"], "x");
  EXPECT_EQ(c.board["extra"], 7);
  EXPECT_EQ(c.board["nodes"][0]["name"], "sys");
}

TEST_F(BoardComposition, PortedLabelsAreTheReplaceVariants) {
  ComposedBoard c = Compose(2, {"//a:a-fidl", "//b:b-fidl", "//c"});
  EXPECT_EQ(c.variants, (std::vector<std::string>{"a-replace", "b-replace", "c"}));
  EXPECT_TRUE(c.mismatches.empty());
}

TEST_F(BoardComposition, BoardFileAndPlanStateMismatch) {
  ComposedBoard early = Compose(1, {"//a:a-fidl", "//b", "//c"});
  ASSERT_EQ(early.mismatches.size(), 1u);
  EXPECT_EQ(early.mismatches[0],
            "//a:a-fidl ships the driver-transport variant of a, but no host of x holding it has "
            "switched after wave 1");
  ComposedBoard late = Compose(2, {"//a", "//b:b-fidl", "//c"});
  ASSERT_EQ(late.mismatches.size(), 1u);
  EXPECT_EQ(late.mismatches[0],
            "//a ships the banjo label of a, but the plan has deleted its banjo variant after wave 2");
}

TEST_F(BoardComposition, PortedLabelsBootDualBetweenSwitchAndDelete) {
  UsePlan(testing::kLateDeletePlan);
  ComposedBoard switched = Compose(2, {"//a:a-fidl", "//b:b-fidl", "//c"});
  EXPECT_EQ(switched.variants, (std::vector<std::string>{"a-dual", "b-dual", "c"}));
  EXPECT_TRUE(switched.mismatches.empty()) << switched.mismatches[0];
  ComposedBoard deleted = Compose(3, {"//a:a-fidl", "//b:b-fidl", "//c"});
  EXPECT_EQ(deleted.variants, (std::vector<std::string>{"a-replace", "b-replace", "c"}));
  EXPECT_TRUE(deleted.mismatches.empty());
  // Before the switch the ported label is still a mismatch; the banjo label after the delete too.
  EXPECT_EQ(Compose(1, {"//a:a-fidl", "//b", "//c"}).mismatches.size(), 1u);
  EXPECT_EQ(Compose(3, {"//a", "//b:b-fidl", "//c"}).mismatches.size(), 1u);
  EXPECT_TRUE(Compose(2, {"//a", "//b", "//c"}).mismatches.empty());
}

TEST(BoardCompositionHosts, BothLabelsWhileAnotherHostHoldingTheDriverIsUnswitched) {
  // a runs in hosts h and g of x; h switches in wave 2, g in wave 3. In wave 2 migrate-plan's
  // board file lists a's banjo label and its ported label side by side.
  std::string text = testing::kInventory;
  text.replace(text.find("{\"id\": \"done\""), 0, "{\"id\": \"g\", \"drivers\": [\"a\"]}, ");
  plan::Inventory inventory = *plan::ParseInventory(text).inventory;
  plan::Requirements required = plan::Require(inventory);
  plan::PlanRead read = plan::ReadPlanJson(R"({"schema": "fdfkit-plan/1", "waves": [
    {"wave": 1, "actions": [{"kind": "clone", "protocol": "p"}, {"kind": "port", "driver": "a"}]},
    {"wave": 2, "actions": [{"kind": "port", "driver": "b"}, {"kind": "switch", "board": "x", "host": "h"}]},
    {"wave": 3, "actions": [{"kind": "switch", "board": "x", "host": "g"},
                            {"kind": "delete_variant", "driver": "a"}, {"kind": "delete_variant", "driver": "b"},
                            {"kind": "delete_protocol", "protocol": "p"}]}]})",
                                           inventory, required);
  ASSERT_TRUE(read.errors.empty()) << read.errors[0].Text();
  MigrationState state(inventory, required, read.schedule);
  BoardInputs board;
  board.board = 0;
  board.config.id = "x";
  for (const char* d : {"a", "b", "c"}) {
    std::string id = d;
    board.labels.push_back({inventory.driver_index.at(id), "//" + id, "//" + id + ":" + id + "-fidl"});
  }
  ComposedBoard c = ComposeBoard(board, inventory, state, 2, {"//a", "//a:a-fidl", "//b:b-fidl", "//c"},
                                 "/drivers");
  EXPECT_TRUE(c.mismatches.empty()) << c.mismatches[0];
  EXPECT_EQ(c.variants, (std::vector<std::string>{"a-dual", "b-dual", "c"}));
  EXPECT_EQ(ComposeBoard(board, inventory, state, 1, {"//a", "//a:a-fidl", "//b", "//c"}, "/drivers")
                .mismatches.size(),
            1u);
}

TEST_F(BoardComposition, UnknownLabelsAndDuplicates) {
  ComposedBoard c = Compose(0, {"//a", "//a", "//zed"});
  EXPECT_EQ(c.variants, std::vector<std::string>{"a"});
  EXPECT_EQ(c.unknown_labels, std::vector<std::string>{"//zed"});
}

TEST(BoardLabels, ReadFromTheStagedGni) {
  testing::FakeStack stack;
  std::string why;
  auto labels = ReadBoardLabels(stack.Path("tree"), "boards/x.gni", {"board_bootfs_labels"}, &why);
  ASSERT_TRUE(labels) << why;
  EXPECT_EQ(*labels, (std::vector<std::string>{"//a", "//b", "//c"}));
  EXPECT_FALSE(ReadBoardLabels(stack.Path("tree"), "boards/none.gni", {"board_bootfs_labels"}, &why));
  EXPECT_EQ(why, "cannot read boards/none.gni");
}

}  // namespace
}  // namespace fdfkit::waves
