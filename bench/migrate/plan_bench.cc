// migrate-plan at scale: generated inventories shaped like the real migration (controller/core
// pairs sharing core drivers, multi-instance drivers, boards reusing most drivers), planned from
// JSON text to plan.json text. Targets: 300 drivers / 100 protocols / 30 boards < 1 s;
// 10,000 drivers < 10 s. The series shows how time grows with the driver count.
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
// random 60 % of the hosts.
std::string GenerateInventory(int drivers, int protocols, int boards, unsigned seed) {
  std::mt19937 random(seed);
  std::string json = R"({"schema": "fdfkit-inventory/1", "protocols": [)";
  for (int p = 0; p < protocols; ++p) {
    json += std::string(p ? "," : "") + R"({"id": "p)" + std::to_string(p) + R"("})";
  }
  json += R"(], "drivers": [)";
  for (int d = 0; d < drivers; ++d) {
    json += std::string(d ? "," : "") + R"({"id": "d)" + std::to_string(d) + R"(", "team": "t)" +
            std::to_string(d % std::max(1, drivers / 10)) + R"(", "dual_binary": )" +
            (d % 60 == 0 ? "true" : "false") + R"(, "serves": ["p)" +
            std::to_string(random() % protocols) + R"("], "consumes": ["p)" +
            std::to_string(random() % protocols) + R"("]})";
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

void PlanInventory(benchmark::State& state) {
  int drivers = static_cast<int>(state.range(0));
  int protocols = std::max(10, drivers / 3);
  int boards = static_cast<int>(state.range(1));
  std::string json = GenerateInventory(drivers, protocols, boards, 7);
  PlanOptions options{.ports_per_wave = 10};
  for (auto _ : state) {
    InventoryLoad load = ParseInventory(json);
    if (!load.inventory) {
      state.SkipWithError(("generated inventory invalid: " + load.errors[0].path + ": " +
                           load.errors[0].message).c_str());
      return;
    }
    Requirements required = Require(*load.inventory);
    PlannedMigration plan = PlanMigration(*load.inventory, required, options);
    std::string out = WritePlanJson(*load.inventory, required, plan.schedule, plan.metrics,
                                    plan.lower_bound);
    benchmark::DoNotOptimize(out.data());
    state.counters["waves"] = plan.metrics.waves;
    state.counters["waves_bound"] = plan.lower_bound.waves;
    state.counters["lifetime"] = plan.metrics.dual_lifetime;
    state.counters["lifetime_bound"] = plan.lower_bound.dual_lifetime;
  }
}

BENCHMARK(PlanInventory)
    ->ArgNames({"drivers", "boards"})
    ->Args({300, 30})
    ->Args({1000, 30})
    ->Args({3000, 30})
    ->Args({10000, 30})
    ->Unit(benchmark::kMillisecond);

}  // namespace
BENCHMARK_MAIN();
