// The planner on inventories whose best plan is known, and on random inventories checked by the
// independent verifier (every plan valid, the wave count at its exact lower bound).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/read_file.h"

#include <random>

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

// Random inventories: boards with hosts sharing drivers, teams, statuses. Every plan must verify,
// reach the exact wave bound and stay duplication-free; no metric may beat its lower bound.
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
        json += std::string(h ? "," : "") + R"({"id": "h)" + std::to_string(h) + R"(", "drivers": [)";
        bool first = true;
        for (int d : members) {
          json += std::string(first ? "" : ",") + "\"d" + std::to_string(d) + "\"";
          first = false;
        }
        json += "]}";
      }
      json += "]}";
    }
    json += "]}";
    PlanOptions options{.ports_per_wave = 1 + static_cast<int>(random() % 5)};
    if (random() % 2) options.team_cap["t0"] = 1 + random() % 2;
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

}  // namespace
