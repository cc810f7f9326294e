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
  // Ported already (inventory status): driver transport only throughout, under its own name.
  EXPECT_EQ(state.DriverAfter(c, 0), VariantKind::kReplace);
  EXPECT_EQ(state.DriverAfter(c, 2), VariantKind::kReplace);
  EXPECT_EQ(state.VariantAfter(c, 2), "c");
  EXPECT_EQ(state.VariantAfter(a, 1), "a-dual");
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

TEST(MigrationState, ADriverWithoutBanjoDoesNotMakeItsHostMixed) {
  std::string text = testing::kInventory;
  std::string hosts = R"({"id": "h", "drivers": ["a", "b"]}, {"id": "done", "drivers": ["c"]})";
  text.replace(text.find(hosts), hosts.size(), R"({"id": "h", "drivers": ["a", "b", "c"]})");
  plan::InventoryLoad load = plan::ParseInventory(text);
  ASSERT_TRUE(load.errors.empty());
  plan::Requirements required = plan::Require(*load.inventory);
  plan::PlanRead read = plan::ReadPlanJson(testing::kPlan, *load.inventory, required);
  ASSERT_TRUE(read.errors.empty());
  MigrationState state(*load.inventory, required, read.schedule);
  EXPECT_EQ(state.HostAfter(0, 0, 0), HostState::kBanjo);
  EXPECT_EQ(state.HostAfter(0, 0, 1), HostState::kMidMigration);
  EXPECT_EQ(state.HostAfter(0, 0, 2), HostState::kSwitched);
}

TEST(MigrationState, AnInventoryDualDriverStartsDual) {
  std::string text = testing::kInventory;
  text.replace(text.find("\"serves\": [\"p\"]}"), 16, "\"serves\": [\"p\"], \"status\": \"dual\"}");
  plan::InventoryLoad load = plan::ParseInventory(text);
  ASSERT_TRUE(load.inventory) << (load.errors.empty() ? "" : load.errors[0].Text());
  plan::Requirements required = plan::Require(*load.inventory);
  size_t drivers = load.inventory->drivers.size();
  plan::Schedule schedule;  // nothing scheduled yet
  schedule.port.assign(drivers, 0);
  schedule.delete_variant.assign(drivers, 0);
  schedule.clone.assign(load.inventory->protocols.size(), 0);
  schedule.delete_protocol.assign(load.inventory->protocols.size(), 0);
  schedule.switches.assign(required.switches.size(), 0);
  MigrationState state(*load.inventory, required, schedule);
  int a = load.inventory->driver_index.at("a");
  EXPECT_EQ(state.DriverAfter(a, 0), VariantKind::kDual);
  EXPECT_EQ(state.VariantAfter(a, 0), "a-dual");
  schedule.delete_variant[a] = 2;
  EXPECT_EQ(state.DriverAfter(a, 1), VariantKind::kDual);
  EXPECT_EQ(state.DriverAfter(a, 2), VariantKind::kReplace);
}

TEST(MigrationState, VariantNames) {
  EXPECT_EQ(VariantName("sdmmc", VariantKind::kBanjo), "sdmmc");
  EXPECT_EQ(VariantName("sdmmc", VariantKind::kDual), "sdmmc-dual");
  EXPECT_EQ(VariantName("sdmmc", VariantKind::kReplace), "sdmmc-replace");
  EXPECT_STREQ(HostStateName(HostState::kMidMigration), "mid-migration (dual)");
}

}  // namespace
}  // namespace fdfkit::waves
