// migrate-driver per translation unit, side by side with what it is measured against, each a
// process on the same TU with the same compile command (the build's compile_commands.json):
//   ClangSyntaxOnly  clang++-14 -fsyntax-only: parsing, the floor every tool pays
//   ClangTidy        clang-tidy-14 with one check (modernize-use-nullptr)
//   MigrateDriver    migrate-driver --dry-run, --mode=replace and --mode=dual
// and, with --header-filter naming the corpus's own headers (the TU includes three), clang-tidy
// (which only filters what it reports) and migrate-driver (which first preprocesses the given
// files to see which headers each may rewrite).
// The TU is corpus/drivers/pmic-steps/pmic_steps.cc (a DFv2 driver: the framework's and the FIDL
// bindings' headers), with the mapping of its library. Target: MigrateDriver ≤ 1.3× ClangTidy.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

extern char** environ;

namespace {

const std::string kSource =
    std::string(FDFKIT_SOURCE_DIR) + "/corpus/drivers/pmic-steps/pmic_steps.cc";
const std::string kMapping = std::string(FDFKIT_SOURCE_DIR) +
                             "/tests/migrate/protocol/golden/fuchsia.hardware.powerimpl.mapping.json";

// Runs `argv` with its output discarded; its exit status.
int Run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void RunEach(benchmark::State& state, const std::vector<std::string>& argv, int ok_status) {
  for (auto _ : state) {
    int status = Run(argv);
    if (status != 0 && status != ok_status) {
      state.SkipWithError(("exit status " + std::to_string(status) + " from " + argv[0]).c_str());
      return;
    }
  }
}

void ClangSyntaxOnly(benchmark::State& state) {
  // The driver's own compile command, as clang-tidy and migrate-driver read it: clang-check runs
  // only the front end, like -fsyntax-only, with the database's flags.
  RunEach(state, {"clang-check-14", "-p", FDFKIT_BINARY_DIR, kSource}, 0);
}
BENCHMARK(ClangSyntaxOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

const std::string kHeaderFilter = "--header-filter=corpus/drivers/";

void ClangTidy(benchmark::State& state, bool header_filter) {
  std::vector<std::string> argv = {"clang-tidy-14", "-p", FDFKIT_BINARY_DIR, "--quiet",
                                   "--checks=-*,modernize-use-nullptr"};
  if (header_filter) argv.push_back(kHeaderFilter);
  argv.push_back(kSource);
  RunEach(state, argv, 0);
}
BENCHMARK_CAPTURE(ClangTidy, OneCheck, false)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(ClangTidy, HeaderFilter, true)->Unit(benchmark::kMillisecond)->UseRealTime();

void MigrateDriver(benchmark::State& state, const char* mode, bool header_filter) {
  std::vector<std::string> argv = {FDFKIT_MIGRATE_DRIVER, "-p",      FDFKIT_BINARY_DIR,
                                   "--mapping",           kMapping, std::string("--mode=") + mode,
                                   "--dry-run"};
  if (header_filter) argv.push_back(kHeaderFilter);
  argv.push_back(kSource);
  RunEach(state, argv, 1);  // 1: something left for a human, still a full run
}
BENCHMARK_CAPTURE(MigrateDriver, Replace, "replace", false)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(MigrateDriver, Dual, "dual", false)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(MigrateDriver, ReplaceHeaderFilter, "replace", true)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
