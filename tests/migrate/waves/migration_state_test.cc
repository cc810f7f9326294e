#include "migrate/waves/migration_state.h"

#include <gtest/gtest.h>

#include "migrate/plan/plan_json.h"
#include "tests/migrate/waves/fake_stack.h"

namespace fdfkit::waves {
namespace {

struct Loaded {
  plan::Inventory inventory;
  plan::Requirements required;
  plan::Schedule schedule;
};

Loaded Load() {
  plan::InventoryLoad load = plan::ParseInventory(testing::kInventory);
  EXPECT_TRUE(load.errors.empty());
  Loaded l{*load.inventory, plan::Require(*load.inventory), {}};
  plan::PlanRead read = plan::ReadPlanJson(testing::kPlan, l.inventory, l.required);
  EXPECT_TRUE(read.errors.empty());
  l.schedule = read.schedule;
  return l;
}

TEST(MigrationState, DriversMoveBanjoDualReplace) {
  Loaded l = Load();
  MigrationState state(l.inventory, l.required, l.schedule);
  int a = l.inventory.driver_index.at("a"), b = l.inventory.driver_index.at("b"),
      c = l.inventory.driver_index.at("c");
  EXPECT_EQ(state.DriverAfter(a, 0), VariantKind::kBanjo);
  EXPECT_EQ(state.DriverAfter(a, 1), VariantKind::kDual);
  EXPECT_EQ(state.DriverAfter(a, 2), VariantKind::kReplace);
  EXPECT_EQ(state.DriverAfter(b, 1), VariantKind::kBanjo);
  // Ported and deleted in one wave: the replace variant at once.
  EXPECT_EQ(state.DriverAfter(b, 2), VariantKind::kReplace);
  // Never named by the plan: keeps the variant it has.
  EXPECT_EQ(state.DriverAfter(c, 2), VariantKind::kBanjo);
  EXPECT_EQ(state.PortWave(a), 1);
  EXPECT_EQ(state.DeleteVariantWave(b), 2);
  EXPECT_EQ(state.PortWave(c), 0);
}

TEST(MigrationState, HostsBanjoMidMigrationSwitched) {
  Loaded l = Load();
  MigrationState state(l.inventory, l.required, l.schedule);
  EXPECT_EQ(state.HostAfter(0, 0, 0), HostState::kBanjo);
  EXPECT_EQ(state.HostAfter(0, 0, 1), HostState::kMidMigration);
  EXPECT_EQ(state.HostAfter(0, 0, 2), HostState::kSwitched);
  // A host of ported drivers needs no switch.
  EXPECT_EQ(state.HostAfter(0, 1, 0), HostState::kSwitched);
}

TEST(MigrationState, VariantNames) {
  EXPECT_EQ(VariantName("sdmmc", VariantKind::kBanjo), "sdmmc");
  EXPECT_EQ(VariantName("sdmmc", VariantKind::kDual), "sdmmc-dual");
  EXPECT_EQ(VariantName("sdmmc", VariantKind::kReplace), "sdmmc-replace");
  EXPECT_STREQ(HostStateName(HostState::kMidMigration), "mid-migration (dual)");
}

}  // namespace
}  // namespace fdfkit::waves
