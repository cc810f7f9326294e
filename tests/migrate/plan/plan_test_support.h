// Small inventories written inline for the migrate-plan tests.
#ifndef FDFKIT_TESTS_MIGRATE_PLAN_PLAN_TEST_SUPPORT_H_
#define FDFKIT_TESTS_MIGRATE_PLAN_PLAN_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <string>

#include "migrate/plan/inventory.h"

namespace fdfkit::plan::testing {

// Parses `json`, failing the test (with every error) if it is not a valid inventory.
inline fdfkit::plan::Inventory MustParse(const std::string& json) {
  fdfkit::plan::InventoryLoad load = fdfkit::plan::ParseInventory(json);
  for (const auto& e : load.errors) ADD_FAILURE() << e.Text();
  return load.inventory.value_or(fdfkit::plan::Inventory{});
}

}  // namespace fdfkit::plan::testing

#endif  // FDFKIT_TESTS_MIGRATE_PLAN_PLAN_TEST_SUPPORT_H_
