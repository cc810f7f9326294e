// migrate-plan scan at scale: a generated Fuchsia-style tree of controller/core driver pairs
// (BUILD.gn, manifest, bind rules, C++ header each) under boards that each list a random 60 % of
// them through one shared import, scanned into an inventory. Compare: the two corpus trees (10 drivers each).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "migrate/plan/scan/scanner.h"

namespace {

namespace fs = std::filesystem;
using namespace fdfkit::plan::scan;

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

// `pairs` protocols, each with an impl driver serving it (banjo) and a core driver consuming it,
// colocated through the bind rules; `boards` boards.
fs::path GenerateTree(int pairs, int boards) {
  fs::path root = fs::temp_directory_path() / ("fdfkit-scan-bench-" + std::to_string(getpid()) + "-" + std::to_string(pairs));
  fs::remove_all(root);
  std::mt19937 random(7);
  for (int p = 0; p < pairs; ++p) {
    std::string lib = "fuchsia.hardware.gen" + std::to_string(p), proto = "Gen" + std::to_string(p) + "Impl";
    Write(root / "sdk/banjo" / lib / "BUILD.gn", "fidl(\"" + lib + "\") { sources = [ \"x.fidl\" ] }\n");
    Write(root / "sdk/banjo" / lib / "x.fidl", "library " + lib + ";\n\nprotocol " + proto + " {\n};\n");
    for (const char* role : {"impl", "core"}) {
      std::string name = std::string(role) + std::to_string(p), dir = "src/devices/team" + std::to_string(p % 20) + "/drivers/" + name;
      bool impl = std::string(role) == "impl";
      Write(root / dir / "BUILD.gn",
            "driver_bind_rules(\"bind\") {\n  rules = \"" + name + ".bind\"\n}\n"
            "fuchsia_driver(\"driver\") {\n  sources = [ \"" + name + ".h\" ]\n  deps = [ \":bind\", \"//sdk/banjo/" + lib + ":" + lib + "_banjo_cpp\" ]\n}\n"
            "fuchsia_driver_component(\"component\") {\n  component_name = \"" + name + "\"\n  manifest = \"meta/" + name + ".cml\"\n  deps = [ \":driver\" ]\n}\n"
            "fuchsia_driver_package(\"" + name + "\") {\n  driver_components = [ \":component\" ]\n}\n");
      Write(root / dir / "meta" / (name + ".cml"), "{ program: { runner: 'driver', colocate: 'true' } }\n");
      Write(root / dir / (name + ".bind"), impl ? "fuchsia.BIND_PROTOCOL == fuchsia.platform.BIND_PROTOCOL.DEVICE;\n"
                                                 : "fuchsia.BIND_PROTOCOL == fuchsia.gen.BIND_PROTOCOL.P" + std::to_string(p) + ";\n");
      Write(root / dir / (name + ".h"), impl ? "class A : public ddk::" + proto + "Protocol<A> {};\n"
                                             : "class B { ddk::" + proto + "ProtocolClient c_; };\n");
    }
  }
  std::string common = "board_bootfs_labels += [\n";
  for (int p = 0; p < pairs; p += 10) common += "  \"//src/devices/team" + std::to_string(p % 20) + "/drivers/impl" + std::to_string(p) + "\",\n";
  Write(root / "boards/common/common.gni", common + "]\n");
  for (int b = 0; b < boards; ++b) {
    std::string gni = "import(\"//boards/common/common.gni\")\nboard_bootfs_labels += [\n";
    for (int p = 0; p < pairs; ++p) {
      if (random() % 10 >= 6) continue;
      for (const char* role : {"impl", "core"}) {
        if (std::string(role) == "impl" && p % 10 == 0) continue;  // from the common import
        gni += "  \"//src/devices/team" + std::to_string(p % 20) + "/drivers/" + role + std::to_string(p) + "\",\n";
      }
    }
    Write(root / "boards" / ("board" + std::to_string(b) + ".gni"), gni + "]\n");
  }
  return root;
}

ScanOverlay BenchOverlay(int pairs, ScanRules* rules) {
  ScanRulesLoad load = LoadScanRules("", "");
  *rules = *load.rules;
  for (int p = 0; p < pairs; ++p) {
    rules->bind_protocols["fuchsia.gen.BIND_PROTOCOL.P" + std::to_string(p)] = "fuchsia.hardware.gen" + std::to_string(p);
  }
  return load.overlay;
}

void BM_ScanGeneratedTree(benchmark::State& state) {
  int pairs = static_cast<int>(state.range(0)), boards = static_cast<int>(state.range(1));
  fs::path root = GenerateTree(pairs, boards);
  ScanRules rules;
  ScanOverlay overlay = BenchOverlay(pairs, &rules);
  size_t hosts = 0;
  for (auto _ : state) {
    ScanResult result = ScanTree(root.string(), rules, overlay);
    if (!result.errors.empty()) state.SkipWithError(result.errors[0].Text().c_str());
    hosts = 0;
    for (const auto& b : result.inventory["boards"]) hosts += b["hosts"].size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["drivers"] = 2.0 * pairs;
  state.counters["hosts"] = static_cast<double>(hosts);
  fs::remove_all(root);
}
BENCHMARK(BM_ScanGeneratedTree)->Args({50, 5})->Args({150, 30})->Args({500, 30})->Args({1500, 30})
    ->Unit(benchmark::kMillisecond);

// The two corpus trees: the tidy one and the one shaped as a real checkout (templates, foreach,
// board input bundles, a board argument re-reading a BUILD.gn).
void BM_ScanCorpusTree(benchmark::State& state, const char* name) {
  ScanRulesLoad load = LoadScanRules("", "");
  for (auto _ : state) {
    ScanResult result = ScanTree(std::string(FDFKIT_SOURCE_DIR) + "/corpus/" + name, *load.rules, load.overlay);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK_CAPTURE(BM_ScanCorpusTree, tree, "tree")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ScanCorpusTree, fuchsia_tree, "fuchsia-tree")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
