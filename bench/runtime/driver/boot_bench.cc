// Booting a board of 100 drivers in 10 hosts, from reading the board (as fdfkit-boot starts) to
// every driver started (issue 19's target: under 2 s), then stopping it (not timed). The board is generated: 10 root
// drivers, each in a host of its own, add 9 children each, bound by 90 colocated drivers (one
// shared object, 100 manifests and compiled bind programs). Baseline in the same binary: starting
// and reaping 10 bare driver host processes, the floor any boot pays.
#include <benchmark/benchmark.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/syscalls.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "runtime/driver/bind/compiler.h"
#include "runtime/driver/boot/booted_system.h"
#include "runtime/driver/config/board_loader.h"

extern char** environ;

namespace fdfkit::driver {
namespace {

namespace fs = std::filesystem;
constexpr int kHosts = 10;
constexpr int kDriversPerHost = 10;

void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Writes the board, manifests and bind programs under `dir`; returns the board's path.
std::string GenerateBoard(const fs::path& dir) {
  const char* library = "library fdfkit.bench;\nstring DEVICE;\n";
  std::string board = "{ name: \"bench\", drivers: [";
  std::string nodes;
  auto add_driver = [&](const std::string& name, const std::string& device, bool colocate,
                        const std::string& children) {
    bind::Diagnostics diagnostics;
    bind::Compiler compiler(&diagnostics);
    compiler.AddLibrary(std::make_unique<bind::SourceFile>("bench.bind", library));
    bind::SourceFile rules(name + ".bind",
                           "using fdfkit.bench;\nfdfkit.bench.DEVICE == \"" + device + "\";\n");
    std::optional<bind::CompiledRules> compiled = compiler.Compile(rules);
    if (!compiled) std::abort();
    std::vector<uint8_t> bytes = bind::Encode(compiled->program);
    WriteFile(dir / name / (name + ".bindbc"), std::string(bytes.begin(), bytes.end()));
    WriteFile(dir / name / (name + ".cml"),
              std::string("{ program: { runner: \"driver\", binary: \"") + BENCH_DRIVER_PATH +
                  "\", bind: \"" + name + ".bindbc\", colocate: \"" + (colocate ? "true" : "false") +
                  "\", children: \"" + children + "\" } }\n");
    board += "\"" + name + "/" + name + ".cml\",";
  };
  for (int h = 0; h < kHosts; ++h) {
    std::string children;
    for (int d = 1; d < kDriversPerHost; ++d) {
      std::string leaf = "leaf-" + std::to_string(h) + "-" + std::to_string(d);
      children += (children.empty() ? "" : ",") + leaf;
      add_driver(leaf, leaf, true, "");
    }
    std::string root = "root-" + std::to_string(h);
    add_driver(root, root, false, children);
    nodes += "{ name: \"" + root + "\", properties: { \"fdfkit.bench.DEVICE\": \"" + root + "\" } },";
  }
  board += "], nodes: [" + nodes + "] }\n";
  WriteFile(dir / "board.json", board);
  return (dir / "board.json").string();
}

void BM_Boot_100DriversIn10Hosts(benchmark::State& state) {
  fs::path dir = fs::temp_directory_path() / ("fdfkit-boot-bench-" + std::to_string(getpid()));
  std::string board_path = GenerateBoard(dir);
  size_t started = 0;
  for (auto _ : state) {
    // As fdfkit-boot does from its start: read the board, every manifest and compiled rules,
    // start the manager, bind, and wait until every driver has started.
    auto begin = std::chrono::steady_clock::now();
    Diagnostics diagnostics;
    std::optional<LoadedBoard> board = LoadBoard(board_path, &diagnostics);
    if (!board) {
      state.SkipWithError(diagnostics.Text().c_str());
      break;
    }
    zx::result system = BootedSystem::Start(std::move(*board), {FDFKIT_HOST_BINARY});
    if (system.is_error() || !(*system)->WaitUntilSettled(std::chrono::seconds(60))) {
      state.SkipWithError("boot failed");
      break;
    }
    auto booted = std::chrono::steady_clock::now();
    state.SetIterationTime(std::chrono::duration<double>(booted - begin).count());
    (*system)->WithManager([&](Manager& manager) {
      started = 0;
      for (const Manager::HostSummary& host : manager.Hosts()) started += host.drivers.size();
    });
    (*system)->Shutdown();
    if (started != kHosts * kDriversPerHost) {
      state.SkipWithError("not every driver started");
      break;
    }
  }
  state.counters["drivers_started"] = static_cast<double>(started);
  fs::remove_all(dir);
}
BENCHMARK(BM_Boot_100DriversIn10Hosts)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_BootBaseline_Spawn10BareHosts(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<pid_t> pids;
    std::vector<zx_handle_t> ends;
    for (int h = 0; h < kHosts; ++h) {
      zx_handle_t mine, theirs;
      zx_channel_create(0, &mine, &theirs);
      posix_spawn_file_actions_t actions;
      posix_spawn_file_actions_init(&actions);
      posix_spawn_file_actions_adddup2(&actions, zx_linux_handle_to_fd(theirs), 3);
      char path[] = FDFKIT_HOST_BINARY;
      char* argv[] = {path, nullptr};
      pid_t pid;
      posix_spawn(&pid, path, &actions, nullptr, argv, environ);
      posix_spawn_file_actions_destroy(&actions);
      zx_handle_close(theirs);
      pids.push_back(pid);
      ends.push_back(mine);
    }
    for (zx_handle_t end : ends) zx_handle_close(end);  // each host exits when its channel closes
    for (pid_t pid : pids) waitpid(pid, nullptr, 0);
  }
}
BENCHMARK(BM_BootBaseline_Spawn10BareHosts)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace fdfkit::driver

BENCHMARK_MAIN();
