// fdf-idl throughput: check + IR over the bundled corpus and over a large synthetic library,
// against the lexer alone over the same bytes (the baseline: no front end can beat its tokenizer).
// Counters: bytes/s of IDL text, and the process's peak RSS.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "migrate/idl/compiler.h"
#include "migrate/idl/json_ir.h"
#include "migrate/idl/lexer.h"

namespace {

namespace fs = std::filesystem;

struct Source {
  std::string name;
  std::string text;
  std::string library_dir;  // corpus sources: the folder of their library
};

const fs::path kCorpus = fs::path(FDFKIT_SOURCE_DIR) / "corpus" / "protocols";

std::vector<Source> CorpusSources() {
  std::vector<Source> out;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    auto ext = entry.path().extension();
    if (ext != ".fidl" && ext != ".banjo") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    out.push_back({entry.path().filename().string(), text.str(),
                   entry.path().parent_path().filename().string()});
  }
  std::sort(out.begin(), out.end(), [](const Source& a, const Source& b) {
    return std::tie(a.library_dir, a.name) < std::tie(b.library_dir, b.name);
  });
  return out;
}

// One library with `count` groups of enum + struct + table + union + protocol, in modern syntax.
Source SyntheticLibrary(int count) {
  std::string text = "library bench.synthetic;\nusing zx;\n";
  for (int i = 0; i < count; ++i) {
    std::string n = std::to_string(i);
    text += "/// Group " + n + ".\ntype Mode" + n +
            " = strict enum : uint8 { OFF = 0; ON = 1; AUTO = 2; };\n"
            "type Config" + n + " = struct {\n    mode Mode" + n +
            ";\n    level uint32 = 4;\n    name string:32;\n    values vector<uint16>:16;\n};\n"
            "type Info" + n + " = table { 1: config Config" + n + "; 2: serial uint64; 3: reserved; };\n"
            "type Event" + n + " = flexible union { 1: info Info" + n + "; 2: code int32; };\n"
            "@transport(\"Driver\")\nclosed protocol Device" + n + " {\n"
            "    strict Configure(struct { config Config" + n + "; }) -> () error zx.Status;\n"
            "    strict GetInfo() -> (struct { info Info" + n + "; });\n"
            "    strict GetVmo() -> (resource struct { vmo zx.Handle:VMO; });\n"
            "    -> OnEvent(struct { event Event" + n + "; });\n};\n";
  }
  return {"synthetic.fidl", text, ""};
}

size_t TotalBytes(const std::vector<Source>& sources) {
  size_t bytes = 0;
  for (const Source& s : sources) bytes += s.text.size();
  return bytes;
}

double PeakRssMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

// One compiler over every source (as `fdf-idl ir --out-dir` runs: the built-ins and shared
// imports once); diagnostics become the benchmark's error.
struct Compilation {
  fdfkit::idl::SourceFiles files;
  fdfkit::idl::Reporter reporter{&files};
  fdfkit::idl::Compiler compiler{&files, &reporter};

  bool Run(benchmark::State& state, const std::vector<Source>& sources) {
    compiler.AddSearchPath(kCorpus.string());  // only read if a library imports an absent one
    for (const Source& s : sources) compiler.AddSource(s.text, s.name);
    if (compiler.Compile()) return true;
    state.SkipWithError(reporter.Summary().c_str());
    return false;
  }
};

// Compiles `sources`, then serialises the IR of every library.
// Returns the bytes of IR written.
size_t CompileAndWrite(benchmark::State& state, const std::vector<Source>& sources, bool emit_ir) {
  Compilation c;
  if (!c.Run(state, sources)) return 0;
  size_t ir_bytes = 0;
  for (const fdfkit::idl::flat::Library* library : c.compiler.targets()) {
    if (!emit_ir) break;
    std::string ir = fdfkit::idl::IrText(*library, c.files);
    benchmark::DoNotOptimize(ir.data());
    ir_bytes += ir.size();
  }
  return ir_bytes;
}

// `per_library`: each library compiled by a compiler of its own, as one `fdf-idl` run per library
// (its imports read from the corpus folder).
void CheckAndIr(benchmark::State& state, const std::vector<Source>& sources, bool emit_ir = true,
                bool per_library = false) {
  size_t bytes = TotalBytes(sources);
  size_t ir_bytes = 0;  // per iteration
  for (auto _ : state) {
    if (!per_library) {
      ir_bytes = CompileAndWrite(state, sources, emit_ir);
      continue;
    }
    ir_bytes = 0;
    for (size_t i = 0; i < sources.size();) {
      size_t end = i;
      while (end < sources.size() && sources[end].library_dir == sources[i].library_dir) ++end;
      ir_bytes += CompileAndWrite(state, {sources.begin() + i, sources.begin() + end}, emit_ir);
      i = end;
    }
  }
  if (emit_ir) state.counters["ir_bytes"] = static_cast<double>(ir_bytes);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["idl_bytes"] = static_cast<double>(bytes);
  state.counters["peak_rss_MB"] = PeakRssMegabytes();
}

// The IR writer alone: the corpus compiled once, then only serialised.
void BM_IrOnly_Corpus(benchmark::State& state) {
  std::vector<Source> sources = CorpusSources();
  Compilation c;
  if (!c.Run(state, sources)) return;
  size_t ir_bytes = 0;
  for (auto _ : state) {
    ir_bytes = 0;
    for (const fdfkit::idl::flat::Library* library : c.compiler.targets()) {
      std::string ir = fdfkit::idl::IrText(*library, c.files);
      ir_bytes += ir.size();
      benchmark::DoNotOptimize(ir.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(sources)));
  state.counters["ir_bytes"] = static_cast<double>(ir_bytes);
}

void LexOnly(benchmark::State& state, const std::vector<Source>& sources) {
  size_t bytes = TotalBytes(sources);
  for (auto _ : state) {
    for (const Source& s : sources) {
      fdfkit::idl::SourceFiles files;
      fdfkit::idl::Reporter reporter(&files);
      auto tokens = fdfkit::idl::Lex(s.text, &reporter);
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BM_CheckAndIr_Corpus(benchmark::State& state) { CheckAndIr(state, CorpusSources()); }
void BM_CheckAndIr_Synthetic(benchmark::State& state) {
  CheckAndIr(state, {SyntheticLibrary(static_cast<int>(state.range(0)))});
}
void BM_CheckAndIr_CorpusPerLibrary(benchmark::State& state) {
  CheckAndIr(state, CorpusSources(), true, /*per_library=*/true);
}
void BM_CheckOnly_Corpus(benchmark::State& state) { CheckAndIr(state, CorpusSources(), false); }
// The fixed cost of every run: an empty library still compiles the built-in `zx` and `fidl`.
void BM_CheckOnly_EmptyLibrary(benchmark::State& state) {
  CheckAndIr(state, {{"empty.fidl", "library empty;\n", ""}}, false);
}
void BM_Baseline_LexOnly_Corpus(benchmark::State& state) { LexOnly(state, CorpusSources()); }
void BM_CheckOnly_Synthetic(benchmark::State& state) {
  CheckAndIr(state, {SyntheticLibrary(static_cast<int>(state.range(0)))}, false);
}
void BM_Baseline_LexOnly_Synthetic(benchmark::State& state) {
  LexOnly(state, {SyntheticLibrary(static_cast<int>(state.range(0)))});
}

BENCHMARK(BM_Baseline_LexOnly_Corpus)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CheckOnly_Corpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckAndIr_Corpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckAndIr_CorpusPerLibrary)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckOnly_EmptyLibrary)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_IrOnly_Corpus)->Unit(benchmark::kMicrosecond);
// 1000 groups ≈ 0.8 MB of IDL: a library far larger than any real banjo file.
BENCHMARK(BM_Baseline_LexOnly_Synthetic)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckOnly_Synthetic)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckAndIr_Synthetic)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
