// The exact planner and the certificate: inventories whose optimum is known by hand, random
// inventories where the solver's plan is never worse than the heuristic's and always verifies, and
// the heuristic's plan with a clear note when the solver is off or out of time. No timing is
// asserted: time limits here are either generous or zero.
#include <gtest/gtest.h>

#include <climits>
#include <random>
#include <set>
#include <tuple>

#include "migrate/plan/derived_schedule.h"
#include "migrate/plan/mip_solver.h"
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
};

// Plans `json` and checks what every plan must satisfy: the verifier accepts it under the
// options, every bound is at most its value, and the status says whether they all meet.
Planned Plan(const std::string& json, const PlanOptions& options) {
  Planned p{fdfkit::plan::testing::MustParse(json), {}, {}};
  p.required = Require(p.inventory);
  p.plan = PlanMigration(p.inventory, p.required, options);
  EXPECT_FALSE(p.plan.error) << p.plan.error->Text();
  std::string text = WritePlanJson(p.inventory, p.required, p.plan.schedule, p.plan.metrics,
                                   p.plan.lower_bound, &p.plan.certificate);
  for (const JsonDiagnostic& d :
       VerifyPlan(p.inventory, p.required, ReadPlanJson(text, p.inventory, p.required), options)) {
    ADD_FAILURE() << d.Text();
  }
  const Certificate& c = p.plan.certificate;
  EXPECT_EQ(c.objectives.size(), 3u);
  bool all_met = true;
  for (const ObjectiveBound& o : c.objectives) {
    EXPECT_LE(o.bound, o.value) << o.objective;
    all_met = all_met && o.bound == o.value;
  }
  EXPECT_EQ(c.status == PlanStatus::kOptimal, all_met);
  EXPECT_EQ(p.plan.lower_bound.waves, c.objectives[0].bound);
  EXPECT_EQ(p.plan.lower_bound.dual_lifetime, c.objectives[2].bound);
  return p;
}

PlanOptions With(PlanOptions options, SolverChoice solver, double seconds = 60) {
  options.solver = solver;
  options.time_limit_seconds = seconds;
  return options;
}

bool HaveSolver() { return MipSolver().available; }

// Six drivers in hosts of their own, efforts 5, 4, 4, 3, 2, 2 and 10 units per wave: 20 units fit
// two waves only as {5, 3, 2} and {4, 4, 2}. The list schedule (in either order) takes 5 and 4
// first, leaves 1 unit unused and needs a third wave.
constexpr char kPacking[] = R"({"schema": "fdfkit-inventory/1", "protocols": [],
  "drivers": [{"id": "a", "effort": 5}, {"id": "b", "effort": 4}, {"id": "c", "effort": 4},
              {"id": "d", "effort": 3}, {"id": "e", "effort": 2}, {"id": "f", "effort": 2}],
  "boards": [{"id": "x", "hosts": [{"id": "A", "drivers": ["a"]}, {"id": "B", "drivers": ["b"]},
    {"id": "C", "drivers": ["c"]}, {"id": "D", "drivers": ["d"]}, {"id": "E", "drivers": ["e"]},
    {"id": "F", "drivers": ["f"]}]}]})";

TEST(ExactPlanner, EffortPackingTheHeuristicMisses) {
  PlanOptions options{.effort_per_wave = 10};
  Planned heuristic = Plan(kPacking, With(options, SolverChoice::kNone));
  EXPECT_EQ(heuristic.plan.metrics.waves, 3);
  EXPECT_EQ(heuristic.plan.lower_bound.waves, 2);
  EXPECT_EQ(heuristic.plan.certificate.status, PlanStatus::kHeuristic);
  EXPECT_EQ(heuristic.plan.certificate.note,
            "no solver was asked for (--solver none); the heuristic plan is given with its "
            "combinatorial lower bounds");
  EXPECT_NEAR(heuristic.plan.certificate.objectives[0].Gap(), 1.0 / 3, 1e-9);
  if (!HaveSolver()) GTEST_SKIP() << "built without CBC";
  Planned exact = Plan(kPacking, With(options, SolverChoice::kCbc));
  EXPECT_EQ(exact.plan.metrics.waves, 2);
  EXPECT_EQ(exact.plan.certificate.status, PlanStatus::kOptimal);
  EXPECT_EQ(exact.plan.certificate.found_by, "solver");
  EXPECT_EQ(exact.plan.certificate.solver, "cbc");
  EXPECT_EQ(exact.plan.certificate.objectives[0].attempts.size(), 1u);
  EXPECT_EQ(exact.plan.certificate.objectives[0].attempts[0].result, "feasible");
}

// Four hosts of 3, 3, 2 and 2 drivers, 5 ports per wave: only {3, 2} and {3, 2} keep every host
// whole in two waves. Cluster order (smallest first) takes 2, 2 and splits a 3; no single move or
// swap of a port mends that.
constexpr char kGroups[] = R"({"schema": "fdfkit-inventory/1", "protocols": [],
  "drivers": [{"id": "a1"}, {"id": "a2"}, {"id": "a3"}, {"id": "b1"}, {"id": "b2"}, {"id": "b3"},
              {"id": "c1"}, {"id": "c2"}, {"id": "d1"}, {"id": "d2"}],
  "boards": [{"id": "x", "hosts": [{"id": "A", "drivers": ["a1", "a2", "a3"]},
    {"id": "B", "drivers": ["b1", "b2", "b3"]}, {"id": "C", "drivers": ["c1", "c2"]},
    {"id": "D", "drivers": ["d1", "d2"]}]}]})";

TEST(ExactPlanner, LifetimeTheLocalSearchMisses) {
  PlanOptions options{.ports_per_wave = 5};
  Planned heuristic = Plan(kGroups, With(options, SolverChoice::kNone));
  EXPECT_EQ(heuristic.plan.metrics.waves, 2);
  EXPECT_GT(heuristic.plan.metrics.dual_lifetime, 0);
  EXPECT_EQ(heuristic.plan.lower_bound.dual_lifetime, 0);
  if (!HaveSolver()) GTEST_SKIP() << "built without CBC";
  Planned exact = Plan(kGroups, With(options, SolverChoice::kCbc));
  EXPECT_EQ(exact.plan.metrics.waves, 2);
  EXPECT_EQ(exact.plan.metrics.dual_lifetime, 0);
  EXPECT_EQ(exact.plan.certificate.status, PlanStatus::kOptimal);
  EXPECT_EQ(exact.plan.certificate.found_by, "solver");
}

// Hosts of 3, 3 and 2 drivers, 4 ports per wave: two waves force a split. Splitting the pair
// keeps one driver dual for one wave; splitting a triple costs more. No combinatorial bound sees
// it (every host fits a wave), so the solver proves the 1.
TEST(ExactPlanner, TheSolverProvesTheLifetimeBound) {
  if (!HaveSolver()) GTEST_SKIP() << "built without CBC";
  Planned exact = Plan(R"({"schema": "fdfkit-inventory/1", "protocols": [],
    "drivers": [{"id": "a1"}, {"id": "a2"}, {"id": "a3"}, {"id": "b1"}, {"id": "b2"}, {"id": "b3"},
                {"id": "c1"}, {"id": "c2"}],
    "boards": [{"id": "x", "hosts": [{"id": "A", "drivers": ["a1", "a2", "a3"]},
      {"id": "B", "drivers": ["b1", "b2", "b3"]}, {"id": "C", "drivers": ["c1", "c2"]}]}]})",
                       With({.ports_per_wave = 4}, SolverChoice::kCbc));
  EXPECT_EQ(exact.plan.metrics.waves, 2);
  EXPECT_EQ(exact.plan.metrics.dual_lifetime, 1);
  EXPECT_EQ(exact.plan.lower_bound.dual_lifetime, 1);
  EXPECT_EQ(exact.plan.certificate.objectives[2].proof, "solver");
  EXPECT_EQ(exact.plan.certificate.status, PlanStatus::kOptimal);
}

// A dual driver alone in its host adds one wave of lifetime whatever the plan: the whole
// program's objective counts it, or its bound would cut the optimum off. The case above with
// such a driver is still solved to lifetime 2, proven.
TEST(ExactPlanner, ALifetimeNoPortMovesIsCountedOnce) {
  if (!HaveSolver()) GTEST_SKIP() << "built without CBC";
  Planned exact = Plan(R"({"schema": "fdfkit-inventory/1", "protocols": [],
    "drivers": [{"id": "a1"}, {"id": "a2"}, {"id": "a3"}, {"id": "b1"}, {"id": "b2"}, {"id": "b3"},
                {"id": "c1"}, {"id": "c2"}, {"id": "z0", "status": "dual"}],
    "boards": [{"id": "x", "hosts": [{"id": "A", "drivers": ["a1", "a2", "a3"]},
      {"id": "B", "drivers": ["b1", "b2", "b3"]}, {"id": "C", "drivers": ["c1", "c2"]},
      {"id": "Z", "drivers": ["z0"]}]}]})",
                       With({.ports_per_wave = 4}, SolverChoice::kCbc));
  EXPECT_EQ(exact.plan.metrics.dual_lifetime, 2);
  EXPECT_EQ(exact.plan.lower_bound.dual_lifetime, 2);
  EXPECT_EQ(exact.plan.certificate.status, PlanStatus::kOptimal);
}

// Clones that cost effort are scheduled like ports: before every port needing them, within the
// wave budget. Protocol p (3 units) is needed by a and b (2 each), 5 units per wave: the clone
// cannot share a wave with both ports.
TEST(ExactPlanner, ClonesCostEffortBeforeTheirPorts) {
  const char* json =
      R"({"schema": "fdfkit-inventory/1", "protocols": [{"id": "p", "clone_effort": 3}],
    "drivers": [{"id": "a", "effort": 2, "serves": ["p"]}, {"id": "b", "effort": 2, "consumes": ["p"]}],
    "boards": [{"id": "x", "hosts": [{"id": "h", "drivers": ["a", "b"]}]}]})";
  for (SolverChoice solver : {SolverChoice::kNone, SolverChoice::kCbc}) {
    if (solver == SolverChoice::kCbc && !HaveSolver()) continue;
    Planned p = Plan(json, With({.effort_per_wave = 5}, solver));
    EXPECT_EQ(p.plan.metrics.waves, 2);
    EXPECT_EQ(p.plan.schedule.clone[0], 1);
    EXPECT_EQ(p.plan.metrics.dual_lifetime, 0);  // both ports in wave 2 with the switch
    EXPECT_EQ(p.plan.certificate.status, PlanStatus::kOptimal);
  }
}

TEST(ExactPlanner, NoTimeLeavesTheHeuristicPlanWithANote) {
  if (!HaveSolver()) GTEST_SKIP() << "built without CBC";
  Planned heuristic = Plan(kPacking, With({.effort_per_wave = 10}, SolverChoice::kNone));
  Planned out_of_time = Plan(kPacking, With({.effort_per_wave = 10}, SolverChoice::kCbc, 1e-9));
  EXPECT_EQ(out_of_time.plan.schedule.port, heuristic.plan.schedule.port);
  EXPECT_EQ(out_of_time.plan.certificate.status, PlanStatus::kHeuristic);
  EXPECT_EQ(out_of_time.plan.certificate.found_by, "heuristic");
  EXPECT_EQ(out_of_time.plan.certificate.note.rfind("the time limit (", 0), 0u)
      << out_of_time.plan.certificate.note;
  EXPECT_NE(out_of_time.plan.certificate.note.find(
                "before cbc found a better plan; the heuristic plan stands"),
            std::string::npos)
      << out_of_time.plan.certificate.note;
  Planned zero = Plan(kPacking, With({.effort_per_wave = 10}, SolverChoice::kCbc, 0));
  EXPECT_EQ(
      zero.plan.certificate.note,
      "the time limit is 0 (--time-limit); the heuristic plan is given with its combinatorial "
      "lower bounds");
}

// A build without CBC (FDFKIT_WITH_CBC=OFF, or coinor-libcbc-dev absent) plans all the same.
TEST(ExactPlanner, AnAbsentSolverIsSaid) {
  if (HaveSolver()) GTEST_SKIP() << "built with CBC";
  Planned p = Plan(kPacking, With({.effort_per_wave = 10}, SolverChoice::kCbc));
  EXPECT_EQ(p.plan.metrics.waves, 3);
  EXPECT_EQ(p.plan.certificate.status, PlanStatus::kHeuristic);
  EXPECT_EQ(
      p.plan.certificate.note,
      "no solver in this build (fdfkit was built without COIN-OR CBC, coinor-libcbc-dev); the "
      "heuristic plan is given with its combinatorial lower bounds");
}

TEST(ExactPlanner, TooLargeKeepsTheHeuristicPlan) {
  PlanOptions options = With({.effort_per_wave = 10}, SolverChoice::kCbc);
  options.max_binaries = 3;
  Planned p = Plan(kPacking, options);
  EXPECT_EQ(p.plan.metrics.waves, 3);
  EXPECT_EQ(p.plan.certificate.status, PlanStatus::kHeuristic);
  if (HaveSolver()) {
    EXPECT_EQ(
        p.plan.certificate.note,
        "the inventory is too large for the exact planner (12 binary variables over 3 waves, "
        "above its limit of 3); the heuristic plan is given with its combinatorial lower bounds");
  }
}

TEST(ExactPlanner, AHeuristicPlanAtItsBoundsNeedsNoSolver) {
  Planned p = Plan(kGroups, With({}, SolverChoice::kCbc));  // no capacity: one wave
  EXPECT_EQ(p.plan.metrics.waves, 1);
  EXPECT_EQ(p.plan.certificate.status, PlanStatus::kOptimal);
  EXPECT_EQ(p.plan.certificate.solver, "");
  EXPECT_EQ(p.plan.certificate.note,
            "the heuristic plan meets the combinatorial lower bounds: optimal without a solver");
}

// The certificate survives plan.json.
TEST(ExactPlanner, CertificateRoundTripsThroughPlanJson) {
  Planned p = Plan(kPacking, With({.effort_per_wave = 10}, SolverChoice::kNone));
  std::string text = WritePlanJson(p.inventory, p.required, p.plan.schedule, p.plan.metrics,
                                   p.plan.lower_bound, &p.plan.certificate);
  std::optional<Certificate> read = ReadCertificate(nlohmann::json::parse(text));
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, PlanStatus::kHeuristic);
  EXPECT_EQ(read->note, p.plan.certificate.note);
  ASSERT_EQ(read->objectives.size(), 3u);
  EXPECT_EQ(read->objectives[0].value, 3);
  EXPECT_EQ(read->objectives[0].bound, 2);
  EXPECT_EQ(read->objectives[2].given,
            (std::vector<std::pair<std::string, int>>{{"waves", 3}, {"duplication", 0}}));
  nlohmann::json json = nlohmann::json::parse(text)["certificate"];
  EXPECT_EQ(json["objectives"][0]["gap"], 0.3333);
  EXPECT_EQ(json["objectives"][0]["status"], "feasible");
  EXPECT_TRUE(json["solver"].is_null());
  EXPECT_FALSE(ReadCertificate(nlohmann::json::parse(R"({"certificate": {"status": "great"}})")));
}

// Random small inventories (seeded): boards whose hosts share drivers, teams, statuses, efforts,
// clone efforts, every kind of capacity. The solver's plan is never lexicographically worse than
// the heuristic's, every plan verifies (Plan checks it), and a plan the solver calls optimal is
// not beaten by the heuristic.
TEST(ExactPlanner, RandomInventoriesNeverWorseThanTheHeuristic) {
  if (!HaveSolver()) GTEST_SKIP() << "built without CBC";
  std::mt19937 random(23);
  int improved = 0;
  for (int round = 0; round < 40; ++round) {
    int protocols = 1 + random() % 4, drivers = 2 + random() % 10, boards = 1 + random() % 3;
    std::string json = R"({"schema": "fdfkit-inventory/1", "protocols": [)";
    for (int p = 0; p < protocols; ++p) {
      json += std::string(p ? "," : "") + R"({"id": "p)" + std::to_string(p) +
              R"(", "clone_effort": )" + std::to_string(random() % 3) + R"(, "status": ")" +
              (random() % 4 == 0 ? "cloned" : "banjo") + R"("})";
    }
    json += R"(], "drivers": [)";
    for (int d = 0; d < drivers; ++d) {
      const char* statuses[] = {"banjo", "banjo", "banjo", "banjo", "dual", "ported"};
      json += std::string(d ? "," : "") + R"({"id": "d)" + std::to_string(d) + R"(", "team": "t)" +
              std::to_string(random() % 2) + R"(", "effort": )" + std::to_string(1 + random() % 3) +
              R"(, "status": ")" + statuses[random() % 6] + R"(", "dual_binary": )" +
              (random() % 6 == 0 ? "true" : "false") + R"(, "serves": ["p)" +
              std::to_string(random() % protocols) + R"("], "consumes": ["p)" +
              std::to_string(random() % protocols) + R"("]})";
    }
    json += R"(], "boards": [)";
    for (int b = 0; b < boards; ++b) {
      json += std::string(b ? "," : "") + R"({"id": "b)" + std::to_string(b) + R"(", "hosts": [)";
      int hosts = 1 + random() % 5;
      for (int h = 0; h < hosts; ++h) {
        std::set<int> members;
        int size = 1 + random() % 3;
        for (int i = 0; i < size; ++i) members.insert(random() % drivers);
        if (b == 0 && h == 0) {
          for (int d = 0; d < drivers; d += 2) members.insert(d);
        }
        if (b == 0 && h == 1 % hosts) {
          for (int d = 1; d < drivers; d += 2) members.insert(d);
        }
        json += fdfkit::plan::testing::HostJson(h, members);
      }
      json += "]}";
    }
    json += "]}";
    PlanOptions options;
    switch (round % 4) {
      case 0:
        options.ports_per_wave = 1 + random() % 3;
        break;
      case 1:
        options.effort_per_wave = 3 + random() % 4;
        break;
      case 2:
        options.team_effort = {{"t0", 3 + static_cast<int64_t>(random() % 3)}};
        options.team_cap = {{"t1", 1}};
        break;
      case 3:
        options.effort_per_wave = 4 + random() % 3;
        options.ports_per_wave = 2;
        break;
    }
    SCOPED_TRACE("round " + std::to_string(round) + ": " + json);
    Planned heuristic = Plan(json, With(options, SolverChoice::kNone));
    Planned exact = Plan(json, With(options, SolverChoice::kCbc));
    const Metrics& h = heuristic.plan.metrics;
    const Metrics& e = exact.plan.metrics;
    EXPECT_LE(std::tie(e.waves, e.duplication, e.dual_lifetime),
              std::tie(h.waves, h.duplication, h.dual_lifetime));
    EXPECT_EQ(e.duplication, 0);
    // Small programs are solved whole in far less than a minute: every one is proven.
    EXPECT_EQ(exact.plan.certificate.status, PlanStatus::kOptimal) << exact.plan.certificate.note;
    // Bounds are proven: the heuristic's plan never beats one.
    EXPECT_GE(h.waves, exact.plan.lower_bound.waves);
    if (h.waves == e.waves) {
      EXPECT_GE(h.dual_lifetime, exact.plan.lower_bound.dual_lifetime);
    }
    improved += std::tie(e.waves, e.dual_lifetime) < std::tie(h.waves, h.dual_lifetime);
  }
  EXPECT_GT(improved, 0);  // the solver does improve some of them
}

// Tiny random inventories against every plan there is: each assignment of the ports to waves
// within `ports_per_wave`, the rest derived (whole switch groups, clones just in time), measured.
// The exact planner's plan is the lexicographic optimum, every bound it states is at most it, and
// "optimal" means the bounds meet it. Shapes include dual drivers alone in their hosts and dual
// drivers waiting for ports, and drivers in several hosts of a board.
TEST(ExactPlanner, TinyInventoriesMatchEveryPlanThereIs) {
  if (!HaveSolver()) GTEST_SKIP() << "built without CBC";
  std::mt19937 random(23);
  for (int round = 0; round < 60; ++round) {
    int drivers = 3 + static_cast<int>(random() % 4), boards = 1 + static_cast<int>(random() % 2);
    std::string json = R"({"schema": "fdfkit-inventory/1", "protocols": [{"id": "p"}], "drivers": [)";
    for (int d = 0; d < drivers; ++d) {
      const char* statuses[] = {"banjo", "banjo", "banjo", "dual"};
      json += std::string(d ? "," : "") + R"({"id": "d)" + std::to_string(d) + R"(", "status": ")" +
              statuses[random() % 4] + R"(", "dual_binary": )" + (random() % 6 == 0 ? "true" : "false") +
              (random() % 2 ? R"(, "consumes": ["p"])" : "") + "}";
    }
    json += R"(], "boards": [)";
    for (int b = 0; b < boards; ++b) {
      json += std::string(b ? "," : "") + R"({"id": "b)" + std::to_string(b) + R"(", "hosts": [)";
      int hosts = 1 + static_cast<int>(random() % 3);
      for (int h = 0; h < hosts; ++h) {
        std::set<int> members = {static_cast<int>(random() % drivers)};
        if (random() % 2) members.insert(static_cast<int>(random() % drivers));
        if (b == 0 && h == 0) {
          for (int d = 0; d < drivers; d += 2) members.insert(d);
        }
        if (b == 0 && h == hosts - 1) {
          for (int d = 1; d < drivers; d += 2) members.insert(d);
        }
        json += fdfkit::plan::testing::HostJson(h, members);
      }
      json += "]}";
    }
    json += "]}";
    PlanOptions options{.ports_per_wave = 1 + static_cast<int>(random() % 2)};
    SCOPED_TRACE("round " + std::to_string(round) + ": " + json);
    Planned exact = Plan(json, With(options, SolverChoice::kCbc));

    std::vector<int> ports;
    for (size_t d = 0; d < exact.inventory.drivers.size(); ++d) {
      if (exact.required.port[d]) ports.push_back(static_cast<int>(d));
    }
    SwitchGroups groups = GroupSwitches(exact.inventory, exact.required);
    std::tuple<int, int, int> best{INT_MAX, INT_MAX, INT_MAX};
    std::vector<int> port(exact.inventory.drivers.size(), 0), clone(exact.inventory.protocols.size(), 0);
    int n = static_cast<int>(ports.size());
    std::vector<int> choice(static_cast<size_t>(n), 1);
    while (true) {  // every assignment of n ports to waves 1..n
      std::vector<int> load(static_cast<size_t>(n) + 1, 0);
      bool fits = true;
      for (int i = 0; i < n; ++i) fits = fits && ++load[static_cast<size_t>(choice[static_cast<size_t>(i)])] <= options.ports_per_wave;
      if (fits) {
        for (int i = 0; i < n; ++i) port[static_cast<size_t>(ports[static_cast<size_t>(i)])] = choice[static_cast<size_t>(i)];
        Schedule s = CompressedSchedule(exact.inventory, exact.required, groups, port, clone);
        Metrics m = Measure(exact.inventory, exact.required, s);
        best = std::min(best, std::make_tuple(m.waves, m.duplication, m.dual_lifetime));
      }
      int i = 0;
      while (i < n && choice[static_cast<size_t>(i)] == n) choice[static_cast<size_t>(i++)] = 1;
      if (i == n) break;
      ++choice[static_cast<size_t>(i)];
    }
    const Metrics& m = exact.plan.metrics;
    EXPECT_EQ(std::make_tuple(m.waves, m.duplication, m.dual_lifetime), best);
    EXPECT_EQ(exact.plan.certificate.status, PlanStatus::kOptimal);
  }
}

}  // namespace

