// The verifier names every kind of broken plan.
#include <gtest/gtest.h>

#include "migrate/plan/plan_json.h"
#include "migrate/plan/planner.h"
#include "migrate/plan/requirements.h"
#include "migrate/plan/verifier.h"
#include "tests/migrate/plan/plan_test_support.h"

namespace {

using namespace fdfkit::plan;

constexpr char kInventory[] = R"({"schema": "fdfkit-inventory/1",
  "protocols": [{"id": "p"}, {"id": "q", "status": "cloned"}],
  "drivers": [{"id": "a", "team": "t", "serves": ["p"]}, {"id": "b", "team": "t", "consumes": ["p", "q"]},
              {"id": "c", "status": "ported"}],
  "boards": [{"id": "x", "hosts": [{"id": "h", "drivers": ["a", "b"]}, {"id": "done", "drivers": ["c"]}]}]})";

// Every problem of `plan`, as "[path: ]error: [code] message" lines.
std::vector<std::string> Verify(const std::string& plan, PlanOptions options = {}) {
  Inventory inventory = fdfkit::plan::testing::MustParse(kInventory);
  Requirements required = Require(inventory);
  std::vector<std::string> out;
  for (const JsonDiagnostic& d : VerifyPlan(inventory, required, ReadPlanJson(plan, inventory, required), options)) {
    out.push_back(d.Text());
  }
  return out;
}

std::string PlanJson(const std::string& waves, const std::string& metrics =
                         R"({"waves": 2, "duplication": 0, "dual_lifetime": 1, "switches": 1})") {
  return R"({"schema": "fdfkit-plan/1", "waves": )" + waves + R"(, "metrics": )" + metrics + "}";
}

constexpr char kGoodWaves[] = R"([
  {"wave": 1, "actions": [{"kind": "clone", "protocol": "p"}, {"kind": "port", "driver": "a"}]},
  {"wave": 2, "actions": [{"kind": "port", "driver": "b"}, {"kind": "switch", "board": "x", "host": "h"},
                          {"kind": "delete_variant", "driver": "a"}, {"kind": "delete_variant", "driver": "b"},
                          {"kind": "delete_protocol", "protocol": "p"}, {"kind": "delete_protocol", "protocol": "q"}]}])";

TEST(Verifier, AcceptsAValidPlan) {
  EXPECT_EQ(Verify(PlanJson(kGoodWaves)), std::vector<std::string>{});
}

TEST(Verifier, CapacityPerWaveAndPerTeam) {
  std::string both_in_one = R"([{"wave": 1, "actions": [{"kind": "clone", "protocol": "p"},
    {"kind": "port", "driver": "a"}, {"kind": "port", "driver": "b"}, {"kind": "switch", "board": "x", "host": "h"},
    {"kind": "delete_variant", "driver": "a"}, {"kind": "delete_variant", "driver": "b"},
    {"kind": "delete_protocol", "protocol": "p"}, {"kind": "delete_protocol", "protocol": "q"}]}])";
  std::string plan = PlanJson(both_in_one, R"({"waves": 1, "duplication": 0, "dual_lifetime": 0, "switches": 1})");
  EXPECT_EQ(Verify(plan), std::vector<std::string>{});
  EXPECT_EQ(Verify(plan, {.ports_per_wave = 1}),
            std::vector<std::string>{"error: [FDFPLAN053] capacity: wave 1 ports 2 drivers; at most 1 allowed"});
  EXPECT_EQ(Verify(plan, {.team_cap = {{"t", 1}}}),
            std::vector<std::string>{
                "error: [FDFPLAN054] capacity: wave 1 ports 2 drivers of team t; at most 1 allowed"});
}

// Effort: a port costs its driver's effort (1 by default), a clone its protocol's clone_effort
// (1 by default), both against the overall budget; a team's budget counts its ports only.
TEST(Verifier, EffortPerWaveAndPerTeam) {
  std::string plan = PlanJson(kGoodWaves);
  EXPECT_EQ(Verify(plan, {.effort_per_wave = 2}), std::vector<std::string>{});  // wave 1: clone p and port a
  EXPECT_EQ(Verify(plan, {.effort_per_wave = 1}),
            std::vector<std::string>{"error: [FDFPLAN160] capacity: wave 1 takes 2 effort units (ports and "
                                     "clones); at most 1 allowed"});
  EXPECT_EQ(Verify(plan, {.team_effort = {{"t", 1}}}), std::vector<std::string>{});  // one port a wave
  EXPECT_EQ(Verify(plan, {.team_effort = {{"t", 0}}}),
            (std::vector<std::string>{
                "error: [FDFPLAN161] capacity: wave 1 takes 1 effort units of team t; at most 0 allowed",
                "error: [FDFPLAN161] capacity: wave 2 takes 1 effort units of team t; at most 0 allowed"}));
}

TEST(Verifier, OrderMissingDuplicateUnneededUnknown) {
  std::string waves = R"([
    {"wave": 1, "actions": [{"kind": "port", "driver": "a"}, {"kind": "switch", "board": "x", "host": "h"},
                            {"kind": "port", "driver": "c"}, {"kind": "port", "driver": "zed"},
                            {"kind": "launch"}]},
    {"wave": 2, "actions": [{"kind": "clone", "protocol": "p"}, {"kind": "port", "driver": "b"},
                            {"kind": "port", "driver": "a"}, {"kind": "delete_variant", "driver": "a"},
                            {"kind": "delete_variant", "driver": "b"}, {"kind": "delete_protocol", "protocol": "p"}]}])";
  std::vector<std::string> expected = {
      "$.waves[0].actions[2]: error: [FDFPLAN045] port of driver \"c\" is not needed (status ported)",
      "$.waves[0].actions[3].driver: error: [FDFPLAN033] unknown driver \"zed\"",
      "$.waves[0].actions[4].kind: error: [FDFPLAN047] expected clone, port, switch, delete_variant or "
      "delete_protocol",
      "$.waves[1].actions[2]: error: [FDFPLAN048] port a appears twice (first at $.waves[0].actions[0])",
      "error: [FDFPLAN051] missing: delete_protocol q",
      "error: [FDFPLAN052] order: clone p (wave 2) must not come after port a (wave 1)",
      "error: [FDFPLAN052] order: port b (wave 2) must not come after switch x/h (wave 1)",
  };
  EXPECT_EQ(Verify(PlanJson(waves)), expected);
}

TEST(Verifier, StatedMetricsMustBeTheRealOnes) {
  std::string plan = PlanJson(kGoodWaves, R"({"waves": 2, "duplication": 0, "dual_lifetime": 0, "switches": 1})");
  EXPECT_EQ(Verify(plan),
            std::vector<std::string>{"error: [FDFPLAN055] metrics: dual_lifetime is 1, the plan states 0"});
}

TEST(Verifier, WavesMustIncreaseAndSchemaMustMatch) {
  std::string waves = R"([{"wave": 2, "actions": []}, {"wave": 1, "actions": []}])";
  auto violations = Verify(PlanJson(waves));
  ASSERT_FALSE(violations.empty());
  EXPECT_EQ(violations[0], "$.waves[1].wave: error: [FDFPLAN050] wave numbers must increase");
  EXPECT_EQ(Verify(R"({"schema": "other", "waves": []})"),
            std::vector<std::string>{"$.schema: error: [FDFPLAN016] expected \"fdfkit-plan/1\""});
}

}  // namespace
