// migrate-protocol speed: the whole bundled corpus (target: < 1 s) migrated in one run and one
// library at a time (as the main job does), against the baseline of only compiling the same
// files with fdf-idl, which every migration does first. A large synthetic banjo library shows how
// the translation scales.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "migrate/idl/compiler.h"
#include "migrate/protocol/migrate_protocol.h"

namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(FDFKIT_SOURCE_DIR) / "corpus" / "protocols";

std::map<std::string, std::vector<std::string>> CorpusLibraries() {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    auto ext = entry.path().extension();
    if (ext == ".fidl" || ext == ".banjo") {
      out[entry.path().parent_path().filename().string()].push_back(entry.path().string());
    }
  }
  for (auto& [name, files] : out) std::sort(files.begin(), files.end());
  return out;
}

std::vector<std::string> AllFiles() {
  std::vector<std::string> all;
  for (const auto& [name, files] : CorpusLibraries()) all.insert(all.end(), files.begin(), files.end());
  return all;
}

int64_t Bytes(const std::vector<std::string>& files) {
  int64_t total = 0;
  for (const std::string& f : files) total += static_cast<int64_t>(fs::file_size(f));
  return total;
}

void Check(bool ok, benchmark::State& state, const std::string& errors) {
  if (!ok) state.SkipWithError(errors.c_str());
}

// Baseline: what every migration pays first, compiling the inputs.
void BM_CompileCorpusOnly(benchmark::State& state) {
  std::vector<std::string> files = AllFiles();
  for (auto _ : state) {
    fdfkit::idl::SourceFiles sources;
    fdfkit::idl::Reporter reporter(&sources);
    fdfkit::idl::Compiler compiler(&sources, &reporter);
    compiler.AddSearchPath(kCorpus.string());
    for (const std::string& f : files) compiler.AddFile(f);
    bool ok = compiler.Compile();
    benchmark::DoNotOptimize(ok);
  }
  state.SetBytesProcessed(state.iterations() * Bytes(files));
}
BENCHMARK(BM_CompileCorpusOnly)->Unit(benchmark::kMillisecond);

void BM_MigrateCorpus_OneRun(benchmark::State& state) {
  std::vector<std::string> files = AllFiles();
  fdfkit::protocol::MigrateOptions options = fdfkit::protocol::DefaultOptions();
  for (auto _ : state) {
    auto result = fdfkit::protocol::MigrateProtocols(files, {kCorpus.string()}, options);
    Check(result.ok, state, result.errors);
    benchmark::DoNotOptimize(result.files.data());
  }
  state.SetBytesProcessed(state.iterations() * Bytes(files));
  state.counters["libraries"] = static_cast<double>(CorpusLibraries().size());
}
BENCHMARK(BM_MigrateCorpus_OneRun)->Unit(benchmark::kMillisecond);

// The main job's way: one library per run, dependencies imported or copied by rule.
void BM_MigrateCorpus_PerLibrary(benchmark::State& state) {
  auto libraries = CorpusLibraries();
  fdfkit::protocol::MigrateOptions options = fdfkit::protocol::DefaultOptions();
  for (auto _ : state) {
    for (const auto& [name, files] : libraries) {
      auto result = fdfkit::protocol::MigrateProtocols(files, {kCorpus.string()}, options);
      Check(result.ok, state, result.errors);
      benchmark::DoNotOptimize(result.files.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * Bytes(AllFiles()));
}
BENCHMARK(BM_MigrateCorpus_PerLibrary)->Unit(benchmark::kMillisecond);

// A banjo v2 library with `n` protocols of five methods each, every translation row in play.
void BM_MigrateSynthetic(benchmark::State& state) {
  std::string text = "library bench.banjo;\nusing zx;\n";
  for (int64_t i = 0; i < state.range(0); ++i) {
    std::string n = std::to_string(i);
    text += "struct Info" + n + " { uint32 id; string:32 name; array<uint16>:8 levels_list; "
            "uint8 levels_count; };\n[BanjoLayout = \"ddk-interface\"]\nprotocol Ifc" + n +
            " { Changed(uint32 state) -> (); };\n[BanjoLayout = \"ddk-protocol\"]\nprotocol Dev" + n +
            " {\n  GetInfo() -> (zx.status s, Info" + n + " info);\n  Start(Ifc" + n +
            " ifc) -> (zx.status s);\n  [Async]\n  Queue(vector<uint8>:256 data) -> (zx.status s);\n"
            "  Read(uint32 offset) -> (zx.status s, vector<uint8>:MAX data);\n"
            "  Reset() -> ();\n};\n";
  }
  fs::path path = fs::temp_directory_path() / ("bench-synthetic-" + std::to_string(state.range(0)) +
                                               ".banjo");
  std::ofstream(path, std::ios::binary) << text;
  fdfkit::protocol::MigrateOptions options = fdfkit::protocol::DefaultOptions();
  for (auto _ : state) {
    auto result = fdfkit::protocol::MigrateProtocols({path.string()}, {}, options);
    Check(result.ok, state, result.errors);
    benchmark::DoNotOptimize(result.files.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  fs::remove(path);
}
BENCHMARK(BM_MigrateSynthetic)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
