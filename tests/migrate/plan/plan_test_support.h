// Small inventories written inline for the migrate-plan tests.
#ifndef FDFKIT_TESTS_MIGRATE_PLAN_PLAN_TEST_SUPPORT_H_
#define FDFKIT_TESTS_MIGRATE_PLAN_PLAN_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "migrate/plan/inventory.h"

namespace fdfkit::plan::testing {

// Parses `json`, failing the test (with every error) if it is not a valid inventory.
inline fdfkit::plan::Inventory MustParse(const std::string& json) {
  fdfkit::plan::InventoryLoad load = fdfkit::plan::ParseInventory(json);
  for (const auto& e : load.errors) ADD_FAILURE() << e.Text();
  return load.inventory.value_or(fdfkit::plan::Inventory{});
}

// `{"id": "h<h>", "drivers": ["d<i>", ...]}`, after a comma unless it is the first host: one host
// of the random inventories the planner tests write.
inline std::string HostJson(int h, const std::set<int>& members) {
  std::string json = std::string(h ? "," : "") + R"({"id": "h)" + std::to_string(h) + R"(", "drivers": [)";
  bool first = true;
  for (int d : members) {
    json += std::string(first ? "" : ",") + "\"d" + std::to_string(d) + "\"";
    first = false;
  }
  return json + "]}";
}

}  // namespace fdfkit::plan::testing

#endif  // FDFKIT_TESTS_MIGRATE_PLAN_PLAN_TEST_SUPPORT_H_
