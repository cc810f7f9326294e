// migrate-plan at scale: generated inventories shaped like the real migration (controller/core
// pairs sharing core drivers, multi-instance drivers, boards reusing most drivers), planned from
// JSON text to plan.json text.
//
// Targets (issue 6, issue 23):
//   - the heuristic: 300 drivers / 100 protocols / 30 boards < 1 s, 10,000 drivers < 10 s, with
//     unit ports and with effort budgets (PlanHeuristic);
//   - the exact planner: a 300-driver, 30-board inventory with efforts solved to proven
//     optimality, or a gap of at most 5 %, within 30 s (PlanExact). Its baseline, measured in the
//     same binary, is the heuristic alone on the same inventory (PlanHeuristic/.../effort:1).
// Counters: waves and dual-support lifetime with their proven bounds, the certificate's status
// (0 optimal, 1 feasible, 2 heuristic), each objective's gap in percent and the solver's seconds.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "migrate/plan/inventory.h"
#include "migrate/plan/plan_json.h"
#include "migrate/plan/planner.h"
#include "migrate/plan/requirements.h"

namespace {

using namespace fdfkit::plan;

// `drivers` drivers in `drivers / 10` teams over `protocols` protocols and `boards` boards. One
// driver in twenty is a core driver that several controllers' hosts share; every board carries a
// random 60 % of the hosts. With `efforts`, drivers take 1-5 effort units (most 1 or 2) and
// clones 1-3.
std::string GenerateInventory(int drivers, int protocols, int boards, unsigned seed, bool efforts) {
  std::mt19937 random(seed);
  std::string json = R"({"schema": "fdfkit-inventory/1", "protocols": [)";
  for (int p = 0; p < protocols; ++p) {
    json += std::string(p ? "," : "") + R"({"id": "p)" + std::to_string(p) + R"(")";
    if (efforts) json += R"(, "clone_effort": )" + std::to_string(1 + random() % 3);
    json += "}";
  }
  json += R"(], "drivers": [)";
  for (int d = 0; d < drivers; ++d) {
    json += std::string(d ? "," : "") + R"({"id": "d)" + std::to_string(d) + R"(", "team": "t)" +
            std::to_string(d % std::max(1, drivers / 10)) + R"(", "dual_binary": )" +
            (d % 60 == 0 ? "true" : "false") + R"(, "serves": ["p)" +
            std::to_string(random() % protocols) + R"("], "consumes": ["p)" +
            std::to_string(random() % protocols) + R"("])";
    if (efforts) {
      static const int kEfforts[] = {1, 1, 1, 2, 2, 2, 3, 3, 4, 5};
      json += R"(, "effort": )" + std::to_string(kEfforts[random() % 10]);
    }
    json += "}";
  }
  // Hosts: a controller with up to two leaf drivers, plus sometimes a shared core driver.
  std::vector<std::string> hosts;
  for (int d = 0; d < drivers;) {
    int size = 1 + random() % 3, start = d;
    std::string members;
    for (int i = 0; i < size && d < drivers; ++i, ++d) {
      members += std::string(i ? "," : "") + "\"d" + std::to_string(d) + "\"";
    }
    int core = 20 * static_cast<int>(random() % (drivers / 20 + 1)) % drivers;
    if (random() % 4 == 0 && (core < start || core >= d)) {
      members += ",\"d" + std::to_string(core) + "\"";
    }
    hosts.push_back(members);
  }
  json += R"(], "boards": [)";
  for (int b = 0; b < boards; ++b) {
    json += std::string(b ? "," : "") + R"({"id": "b)" + std::to_string(b) + R"(", "hosts": [)";
    bool first = true;
    for (size_t h = 0; h < hosts.size(); ++h) {
      if (b > 0 && random() % 10 >= 6) continue;  // board 0 carries every host
      json += std::string(first ? "" : ",") + R"({"id": "h)" + std::to_string(h) +
              R"(", "drivers": [)" + hosts[h] + "]}";
      first = false;
    }
    json += "]}";
  }
  return json + "]}";
}

// Unit ports: 10 per wave. With efforts: 30 effort units per wave (ports and clones), each team at
// most 8 per wave, and no count of ports.
PlanOptions OptionsFor(bool efforts, int drivers) {
  PlanOptions options{.ports_per_wave = 10};
  if (efforts) {
    options.ports_per_wave = 0;
    options.effort_per_wave = 30;
    for (int t = 0; t < std::max(1, drivers / 10); ++t) options.team_effort["t" + std::to_string(t)] = 8;
  }
  return options;
}

void Plan(benchmark::State& state, const std::string& json, const PlanOptions& options) {
  for (auto _ : state) {
    InventoryLoad load = ParseInventory(json);
    if (!load.inventory) {
      state.SkipWithError(("generated inventory invalid: " + load.errors[0].path + ": " +
                           load.errors[0].message).c_str());
      return;
    }
    Requirements required = Require(*load.inventory);
    PlannedMigration plan = PlanMigration(*load.inventory, required, options);
    if (plan.error) {
      state.SkipWithError(plan.error->Text().c_str());
      return;
    }
    std::string out = WritePlanJson(*load.inventory, required, plan.schedule, plan.metrics,
                                    plan.lower_bound, &plan.certificate);
    benchmark::DoNotOptimize(out.data());
    const Certificate& c = plan.certificate;
    state.counters["waves"] = plan.metrics.waves;
    state.counters["waves_bound"] = plan.lower_bound.waves;
    state.counters["lifetime"] = plan.metrics.dual_lifetime;
    state.counters["lifetime_bound"] = plan.lower_bound.dual_lifetime;
    state.counters["status"] = static_cast<int>(c.status);
    state.counters["gap_waves_pct"] = 100 * c.objectives[0].Gap();
    state.counters["gap_lifetime_pct"] = 100 * c.objectives[2].Gap();
    state.counters["solver_s"] = c.seconds;
  }
}

// The heuristic alone (--solver none).
void PlanHeuristic(benchmark::State& state) {
  int drivers = static_cast<int>(state.range(0)), boards = static_cast<int>(state.range(1));
  bool efforts = state.range(2) != 0;
  PlanOptions options = OptionsFor(efforts, drivers);
  options.solver = SolverChoice::kNone;
  Plan(state, GenerateInventory(drivers, std::max(10, drivers / 3), boards, 7, efforts), options);
}

// The heuristic, then the exact planner within 30 s.
void PlanExact(benchmark::State& state) {
  int drivers = static_cast<int>(state.range(0)), boards = static_cast<int>(state.range(1));
  bool efforts = state.range(2) != 0;
  PlanOptions options = OptionsFor(efforts, drivers);
  options.time_limit_seconds = 30;
  Plan(state, GenerateInventory(drivers, std::max(10, drivers / 3), boards, 7, efforts), options);
}

BENCHMARK(PlanHeuristic)
    ->ArgNames({"drivers", "boards", "effort"})
    ->Args({300, 30, 0})
    ->Args({1000, 30, 0})
    ->Args({3000, 30, 0})
    ->Args({10000, 30, 0})
    ->Args({300, 30, 1})
    ->Args({10000, 30, 1})
    ->Unit(benchmark::kMillisecond);

BENCHMARK(PlanExact)
    ->ArgNames({"drivers", "boards", "effort"})
    ->Args({300, 30, 0})
    ->Args({300, 30, 1})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace
BENCHMARK_MAIN();
