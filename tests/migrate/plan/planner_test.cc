// The planner on inventories whose best plan is known, and on random inventories checked by the
// independent verifier (every plan valid, the wave count at its exact lower bound).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/read_file.h"

#include <random>

#include "migrate/plan/lower_bounds.h"
#include "migrate/plan/plan_json.h"
#include "migrate/plan/planner.h"
#include "migrate/plan/requirements.h"
#include "migrate/plan/verifier.h"
#include "tests/migrate/plan/plan_test_support.h"

namespace {

using namespace fdfkit::plan;

struct Planned {
  Inventory inventory;
  Requirements required;
  PlannedMigration plan;
  int PortWave(const std::string& driver) const {
    return plan.schedule.port[inventory.driver_index.at(driver)];
  }
  int SwitchWave(const std::string& board, const std::string& host) const {
    int b = inventory.board_index.at(board);
    for (size_t h = 0; h < inventory.boards[b].hosts.size(); ++h) {
      if (inventory.boards[b].hosts[h].id == host) {
        return plan.schedule.switches[required.switch_of_host[b][h]];
      }
    }
    return -1;
  }
  std::vector<std::string> Violations(const PlanOptions& options) const {
    std::string text = WritePlanJson(inventory, required, plan.schedule, plan.metrics,
                                     plan.lower_bound);
    std::vector<std::string> out;
    for (const JsonDiagnostic& d : VerifyPlan(inventory, required, ReadPlanJson(text, inventory, required), options)) {
      out.push_back(d.Text());
    }
    return out;
  }
};

Planned Plan(const std::string& json, const PlanOptions& options) {
  Planned p{fdfkit::plan::testing::MustParse(json), {}, {}};
  p.required = Require(p.inventory);
  p.plan = PlanMigration(p.inventory, p.required, options);
  EXPECT_FALSE(p.plan.error) << p.plan.error->Text();
  EXPECT_EQ(p.Violations(options), std::vector<std::string>{});
  return p;
}

// A hand-written inventory without service edges (corpus/inventories/amlogic.json) loads and plans
// exactly as before; adding service edges — across hosts, on the driver transport, of unknown
// transport — changes nothing in the plan, and the verifier accepts it.
TEST(Planner, ServiceEdgesChangeNothing) {
  std::string text = fdfkit::support::ReadFile(std::string(FDFKIT_CORPUS_DIR) + "/inventories/amlogic.json").value();
  nlohmann::json doc = nlohmann::json::parse(text);
  ASSERT_FALSE(doc.contains("service_edges"));
  PlanOptions options;
  options.ports_per_wave = 3;
  Planned before = Plan(text, options);
  EXPECT_TRUE(before.inventory.service_edges.empty());
  // Edges between drivers of different hosts of one board, and one with no board.
  const nlohmann::json& board = doc["boards"][0];
  std::string a = board["hosts"][0]["drivers"][0], b = board["hosts"][1]["drivers"][0];
  doc["service_edges"] = {{{"from", a}, {"to", b}, {"service", "x.Service"}, {"board", board["id"]}},
                          {{"from", b}, {"to", a}, {"service", "y.Service"}, {"transport", "driver"}},
                          {{"from", a}, {"to", a}, {"service", "z.Service"}, {"transport", "unknown"}}};
  Planned after = Plan(doc.dump(), options);
  ASSERT_EQ(after.inventory.service_edges.size(), 3u);
  EXPECT_EQ(after.inventory.service_edges[0].transport, "channel");  // the default
  auto json = [](const Planned& p) {
    return WritePlanJson(p.inventory, p.required, p.plan.schedule, p.plan.metrics, p.plan.lower_bound);
  };
  EXPECT_EQ(json(after), json(before));
  EXPECT_EQ(after.Violations(options), std::vector<std::string>{});
}

// Two clusters of three drivers, four ports per wave: filling the first wave would split the
// second cluster and keep one of its drivers dual for a wave; the local search moves it.
TEST(Planner, KeepsClustersTogetherWhenCapacityAllows) {
  Planned p = Plan(R"({"schema": "fdfkit-inventory/1", "protocols": [{"id": "p"}],
    "drivers": [{"id": "a1", "serves": ["p"]}, {"id": "a2", "consumes": ["p"]}, {"id": "a3"},
                {"id": "b1", "serves": ["p"]}, {"id": "b2"}, {"id": "b3"}],
    "boards": [{"id": "x", "hosts": [{"id": "A", "drivers": ["a1", "a2", "a3"]},
                                     {"id": "B", "drivers": ["b1", "b2", "b3"]}]}]})",
                   {.ports_per_wave = 4});
  EXPECT_EQ(p.plan.metrics.waves, 2);
  EXPECT_EQ(p.plan.metrics.dual_lifetime, 0);
  EXPECT_EQ(p.plan.lower_bound.dual_lifetime, 0);
  EXPECT_EQ(p.PortWave("b1"), p.PortWave("b2"));
  EXPECT_EQ(p.PortWave("b1"), p.PortWave("b3"));
  // The protocol goes with the last variant referencing it, and is cloned before its first port.
  const Schedule& s = p.plan.schedule;
  EXPECT_EQ(s.clone[0], 1);
  EXPECT_EQ(s.delete_protocol[0], 2);
}

// A shared driver without a dual binary couples its hosts on a board: they switch together, so
// the board never ships both variants. With a dual binary each host switches on its own.
TEST(Planner, SharedDriversCoupleHostsUnlessDualBinary) {
  const char* json = R"({"schema": "fdfkit-inventory/1", "protocols": [{"id": "gpioimpl"}],
    "drivers": [{"id": "aml-gpio", "team": "t1", "serves": ["gpioimpl"]},
                {"id": "tca6408", "team": "t2", "serves": ["gpioimpl"]},
                {"id": "gpio-core", "team": "t1", "consumes": ["gpioimpl"], "dual_binary": %s}],
    "boards": [{"id": "vim3", "hosts": [{"id": "soc", "drivers": ["aml-gpio", "gpio-core"]},
                                        {"id": "expander", "drivers": ["tca6408", "gpio-core"]}]}]})";
  char text[2048];
  PlanOptions options{.ports_per_wave = 1};
  std::snprintf(text, sizeof(text), json, "false");
  Planned coupled = Plan(text, options);
  EXPECT_EQ(coupled.plan.metrics.waves, 3);
  EXPECT_EQ(coupled.plan.metrics.duplication, 0);
  EXPECT_EQ(coupled.SwitchWave("vim3", "soc"), 3);
  EXPECT_EQ(coupled.SwitchWave("vim3", "expander"), 3);

  std::snprintf(text, sizeof(text), json, "true");
  Planned dual = Plan(text, options);
  EXPECT_EQ(dual.plan.metrics.duplication, 0);
  EXPECT_LT(std::min(dual.SwitchWave("vim3", "soc"), dual.SwitchWave("vim3", "expander")), 3);
}

TEST(Planner, TeamCapsSetTheWaveCountExactly) {
  std::string json = R"({"schema": "fdfkit-inventory/1", "protocols": [], "drivers": [)";
  std::string hosts;
  for (int i = 0; i < 10; ++i) {
    std::string id = "d" + std::to_string(i);
    json += std::string(i ? "," : "") + R"({"id": ")" + id + R"(", "team": ")" +
            (i < 6 ? "busy" : "idle") + R"("})";
    hosts += std::string(i ? "," : "") + R"({"id": "h)" + std::to_string(i) + R"(", "drivers": [")" + id + R"("]})";
  }
  json += R"(], "boards": [{"id": "b", "hosts": [)" + hosts + "]}]}";
  PlanOptions options{.ports_per_wave = 5, .team_cap = {{"busy", 2}}};
  Planned p = Plan(json, options);
  EXPECT_EQ(p.plan.metrics.waves, 3);  // ceil(6 / 2): the busy team is the bottleneck
  EXPECT_EQ(p.plan.lower_bound.waves, 3);
}

TEST(LowerBounds, BinPacking) {
  EXPECT_EQ(BinPackingBound({}, 10), 0);
  EXPECT_EQ(BinPackingBound({0, 0}, 10), 0);  // effort 0 takes no room
  EXPECT_EQ(BinPackingBound({3, 3}, 100), 1);
  EXPECT_EQ(BinPackingBound({6, 6, 6}, 10), 3);  // more than half a wave each: a wave each
  EXPECT_EQ(BinPackingBound({5, 4, 4, 3, 2, 2}, 10), 2);
  EXPECT_EQ(BinPackingBound({7, 7, 3, 3}, 10), 2);
  EXPECT_EQ(BinPackingBound({6, 6, 5, 5}, 10), 3);
  EXPECT_EQ(BinPackingBound({8, 8, 3, 3, 3}, 10), 3);  // the 3s fit beside no 8, but together
}

// Effort budgets: a team of three 3-unit ports with 4 units per wave needs three waves; the
// overall budget of 7 leaves room for the other team's 1-unit ports beside them.
TEST(Planner, EffortBudgetsAreWavesToo) {
  PlanOptions options{.effort_per_wave = 7, .team_effort = {{"slow", 4}}, .solver = SolverChoice::kNone};
  Planned p = Plan(R"({"schema": "fdfkit-inventory/1", "protocols": [],
    "drivers": [{"id": "s1", "team": "slow", "effort": 3}, {"id": "s2", "team": "slow", "effort": 3},
                {"id": "s3", "team": "slow", "effort": 3}, {"id": "f1", "team": "fast"},
                {"id": "f2", "team": "fast"}, {"id": "f3", "team": "fast"}, {"id": "f4", "team": "fast"}],
    "boards": [{"id": "b", "hosts": [{"id": "S1", "drivers": ["s1"]}, {"id": "S2", "drivers": ["s2"]},
      {"id": "S3", "drivers": ["s3"]}, {"id": "F", "drivers": ["f1", "f2", "f3", "f4"]}]}]})", options);
  EXPECT_EQ(p.plan.metrics.waves, 3);
  EXPECT_EQ(p.plan.lower_bound.waves, 3);
  EXPECT_EQ(p.plan.certificate.status, PlanStatus::kOptimal);
}

TEST(Planner, CapacitiesThatLeaveNoPlan) {
  Inventory inventory = fdfkit::plan::testing::MustParse(R"({"schema": "fdfkit-inventory/1",
    "protocols": [{"id": "p", "clone_effort": 4}],
    "drivers": [{"id": "d", "team": "t", "effort": 3, "serves": ["p"]}],
    "boards": [{"id": "b", "hosts": [{"id": "h", "drivers": ["d"]}]}]})");
  Requirements required = Require(inventory);
  auto error = [&](const PlanOptions& options) {
    PlannedMigration plan = PlanMigration(inventory, required, options);
    return plan.error ? plan.error->Text() : std::string("no error");
  };
  EXPECT_EQ(error({.effort_per_wave = 2}),
            "error: [FDFPLAN162] driver \"d\" takes 3 effort units to port, more than the 2 a wave "
            "allows (--effort-per-wave): no plan exists");
  EXPECT_EQ(error({.team_effort = {{"t", 2}}}),
            "error: [FDFPLAN163] driver \"d\" of team t takes 3 effort units to port, more than the 2 "
            "the team may spend per wave (--team-effort): no plan exists");
  EXPECT_EQ(error({.effort_per_wave = 3}),
            "error: [FDFPLAN164] cloning protocol \"p\" takes 4 effort units, more than the 3 a wave "
            "allows (--effort-per-wave): no plan exists");
  EXPECT_EQ(error({.effort_per_wave = 4, .solver = SolverChoice::kNone}), "no error");  // clone first
}

TEST(Planner, ATeamWithWorkAndNoCapacityHasNoPlan) {
  Inventory inventory = fdfkit::plan::testing::MustParse(R"({"schema": "fdfkit-inventory/1", "protocols": [],
    "drivers": [{"id": "d", "team": "t"}], "boards": [{"id": "b", "hosts": [{"id": "h", "drivers": ["d"]}]}]})");
  PlannedMigration plan = PlanMigration(inventory, Require(inventory), {.team_cap = {{"t", 0}}});
  ASSERT_TRUE(plan.error);
  EXPECT_EQ(plan.error->Text(),
            "error: [FDFPLAN004] team \"t\" has drivers to port but a capacity of 0 ports per wave");
}

TEST(Planner, StatusesShrinkThePlan) {
  Planned p = Plan(R"({"schema": "fdfkit-inventory/1",
    "protocols": [{"id": "old", "status": "cloned"}, {"id": "done", "status": "deleted"}],
    "drivers": [{"id": "dual", "status": "dual", "consumes": ["old"]},
                {"id": "new", "status": "ported", "consumes": ["done"]}],
    "boards": [{"id": "b", "hosts": [{"id": "h1", "drivers": ["dual"]}, {"id": "h2", "drivers": ["new"]}]}]})",
                   {});
  const Schedule& s = p.plan.schedule;
  EXPECT_EQ(s.port, (std::vector<int>{0, 0}));           // nothing left to port
  EXPECT_EQ(s.delete_variant, (std::vector<int>{1, 0}));  // the dual driver's variant goes
  EXPECT_EQ(s.switches, (std::vector<int>{1}));           // only h1 still runs banjo
  EXPECT_EQ(s.clone, (std::vector<int>{0, 0}));
  EXPECT_EQ(s.delete_protocol, (std::vector<int>{1, 0}));
  EXPECT_EQ(p.plan.metrics.dual_lifetime, 1);
}

// Random inventories: boards with hosts sharing drivers, teams, statuses. Every plan of the
// heuristic must verify, reach the exact wave bound and stay duplication-free; no metric may beat
// its lower bound. (The exact planner's random inventories are in exact_planner_test.cc.)
TEST(Planner, RandomInventoriesGiveValidPlansAtTheWaveBound) {
  std::mt19937 random(6);
  for (int round = 0; round < 150; ++round) {
    int protocols = 1 + random() % 6, drivers = 1 + random() % 25, boards = 1 + random() % 4;
    std::string json = R"({"schema": "fdfkit-inventory/1", "protocols": [)";
    for (int p = 0; p < protocols; ++p) {
      json += std::string(p ? "," : "") + R"({"id": "p)" + std::to_string(p) + R"(", "status": ")" +
              (random() % 4 == 0 ? "cloned" : "banjo") + R"("})";
    }
    json += R"(], "drivers": [)";
    for (int d = 0; d < drivers; ++d) {
      const char* statuses[] = {"banjo", "banjo", "banjo", "dual", "ported"};
      json += std::string(d ? "," : "") + R"({"id": "d)" + std::to_string(d) + R"(", "team": "t)" +
              std::to_string(random() % 3) + R"(", "status": ")" + statuses[random() % 5] +
              R"(", "dual_binary": )" + (random() % 5 == 0 ? "true" : "false") +
              R"(, "serves": ["p)" + std::to_string(random() % protocols) + R"("], "consumes": ["p)" +
              std::to_string(random() % protocols) + R"("]})";
    }
    json += R"(], "boards": [)";
    for (int b = 0; b < boards; ++b) {
      json += std::string(b ? "," : "") + R"({"id": "b)" + std::to_string(b) + R"(", "hosts": [)";
      int hosts = 1 + random() % 6;
      for (int h = 0; h < hosts; ++h) {
        std::set<int> members;
        int size = 1 + random() % 4;
        for (int i = 0; i < size; ++i) members.insert(random() % drivers);
        if (b == 0 && h == 0) {
          for (int d = 0; d < drivers; ++d) members.insert(d);  // every driver placed somewhere
        }
        json += fdfkit::plan::testing::HostJson(h, members);
      }
      json += "]}";
    }
    json += "]}";
    PlanOptions options{.ports_per_wave = 1 + static_cast<int>(random() % 5)};
    if (random() % 2) options.team_cap["t0"] = 1 + random() % 2;
    options.solver = SolverChoice::kNone;
    SCOPED_TRACE("round " + std::to_string(round) + ": " + json);
    Planned p = Plan(json, options);
    const Metrics& m = p.plan.metrics;
    const Metrics& bound = p.plan.lower_bound;
    EXPECT_EQ(m.waves, bound.waves);
    EXPECT_EQ(m.duplication, 0);
    EXPECT_GE(m.dual_lifetime, bound.dual_lifetime);
    EXPECT_EQ(m.switches, bound.switches);
  }
}

// Random inventories under effort budgets, the heuristic alone: every plan verifies against
// every capacity, and no wave count beats its proven bound.
TEST(Planner, RandomInventoriesUnderEffortBudgets) {
  std::mt19937 random(16);
  for (int round = 0; round < 60; ++round) {
    int protocols = 1 + random() % 5, drivers = 1 + random() % 20;
    std::string json = R"({"schema": "fdfkit-inventory/1", "protocols": [)";
    for (int p = 0; p < protocols; ++p) {
      json += std::string(p ? "," : "") + R"({"id": "p)" + std::to_string(p) + R"(", "clone_effort": )" +
              std::to_string(random() % 4) + "}";
    }
    json += R"(], "drivers": [)";
    std::string hosts;
    for (int d = 0; d < drivers; ++d) {
      json += std::string(d ? "," : "") + R"({"id": "d)" + std::to_string(d) + R"(", "team": "t)" +
              std::to_string(random() % 3) + R"(", "effort": )" + std::to_string(random() % 5) +
              R"(, "serves": ["p)" + std::to_string(random() % protocols) + R"("]})";
      hosts += std::string(d ? "," : "") + R"({"id": "h)" + std::to_string(d) + R"(", "drivers": ["d)" +
               std::to_string(d) + "\"" + (d > 0 && random() % 3 == 0 ? ", \"d" + std::to_string(d - 1) + "\"" : "") + "]}";
    }
    json += R"(], "boards": [{"id": "b", "hosts": [)" + hosts + "]}]}";
    PlanOptions options{.effort_per_wave = 4 + static_cast<int64_t>(random() % 6), .solver = SolverChoice::kNone};
    if (random() % 2) options.team_effort["t0"] = 4;
    if (random() % 2) options.ports_per_wave = 2 + random() % 3;
    SCOPED_TRACE("round " + std::to_string(round) + ": " + json);
    Planned p = Plan(json, options);
    EXPECT_GE(p.plan.metrics.waves, p.plan.lower_bound.waves);
    EXPECT_EQ(p.plan.metrics.duplication, 0);
  }
}

}  // namespace
