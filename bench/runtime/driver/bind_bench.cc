// Bind matching at the scale of a large board: every node checked against every registered
// driver, as the driver index does when a board boots or a driver is registered. Target (issue
// 19): 1,000 drivers × 1,000 nodes in under 100 ms. The baseline in this binary evaluates the same
// rules the obvious way (conditions over a std::map of property names, strings compared), so the
// ratio shows what compiling to symbols buys.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "runtime/driver/bind/compiler.h"
#include "runtime/driver/bind/matcher.h"

namespace fdfkit::bind {
namespace {

constexpr int kDrivers = 1000;
constexpr int kNodes = 1000;

constexpr char kLibrary[] = R"(library fuchsia.bench;
string FUNCTION;
enum Bus { I2C, SPI, MMIO };
)";

// A mix of the shapes real rules have: platform-device triples, accept lists, a dual binding
// through if/else, enum and string keys.
std::string DriverRules(int i) {
  std::string protocol = std::to_string(i % 50);
  switch (i % 4) {
    case 0:
      return "fuchsia.BIND_PROTOCOL == " + protocol + ";\nfuchsia.BIND_PLATFORM_DEV_VID == " +
             std::to_string(i % 7) + ";\nfuchsia.BIND_PLATFORM_DEV_DID == " + std::to_string(i) + ";\n";
    case 1:
      return "accept fuchsia.BIND_PROTOCOL { " + protocol + ", " + std::to_string(i % 50 + 50) +
             ", 200 }\nfuchsia.BIND_PLATFORM_DEV_DID == " + std::to_string(i) + ";\n";
    case 2:
      return "using fuchsia.bench;\nif fuchsia.bench.FUNCTION == \"f" + std::to_string(i) +
             "\" {\n  true;\n} else {\n  fuchsia.BIND_PROTOCOL == " + protocol +
             ";\n  fuchsia.BIND_PLATFORM_DEV_DID == " + std::to_string(i) + ";\n}\n";
    default:
      return "using fuchsia.bench;\nfuchsia.bench.Bus == fuchsia.bench.Bus.I2C;\n"
             "fuchsia.BIND_I2C_ADDRESS == " + std::to_string(i) + ";\n";
  }
}

Properties NodeProperties(int j) {
  Properties properties = {{0x0001u, static_cast<uint32_t>(j % 50)},
                           {0x0300u, static_cast<uint32_t>(j % 7)},
                           {0x0302u, static_cast<uint32_t>(j)},
                           {std::string("fuchsia.bench.FUNCTION"), "f" + std::to_string(j + 1)}};
  if (j % 4 == 3) {
    properties.push_back({std::string("fuchsia.bench.Bus"), EnumValue{"fuchsia.bench.Bus.I2C"}});
    properties.push_back({0x0A02u, static_cast<uint32_t>(j)});
  }
  return properties;
}

std::vector<Program> CompileDrivers() {
  std::vector<Program> programs;
  for (int i = 0; i < kDrivers; ++i) {
    Diagnostics diagnostics;
    Compiler compiler(&diagnostics);
    compiler.AddLibrary(std::make_unique<SourceFile>("bench.bind", kLibrary));
    SourceFile rules("driver" + std::to_string(i) + ".bind", DriverRules(i));
    std::optional<CompiledRules> compiled = compiler.Compile(rules);
    if (!compiled) std::abort();
    programs.push_back(std::move(compiled->program));
  }
  return programs;
}

void BM_BindMatch_1000DriversX1000Nodes(benchmark::State& state) {
  std::vector<Program> programs = CompileDrivers();
  SymbolTable symbols;
  std::vector<LoadedProgram> loaded;
  loaded.reserve(programs.size());
  for (const Program& program : programs) loaded.emplace_back(program, &symbols);
  std::vector<Properties> nodes;
  for (int j = 0; j < kNodes; ++j) nodes.push_back(NodeProperties(j));
  size_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (const Properties& node : nodes) {
      PropertySet set(node, symbols);  // once per node, as the index converts a new node
      for (const LoadedProgram& program : loaded) matches += program.Matches(0, set);
    }
    benchmark::DoNotOptimize(matches);
  }
  state.counters["matches"] = static_cast<double>(matches);
  state.counters["ns_per_pair"] = benchmark::Counter(
      static_cast<double>(kDrivers) * kNodes, benchmark::Counter::kIsIterationInvariantRate |
                                                  benchmark::Counter::kInvert);
}
BENCHMARK(BM_BindMatch_1000DriversX1000Nodes)->Unit(benchmark::kMillisecond);

// The baseline: the same programs interpreted over names, each node a std::map from key name to
// value, strings compared at every step.
using NamedValue = std::variant<uint32_t, std::string, bool, EnumValue>;
bool NamedHolds(const Program& program, const Instruction& step,
                const std::map<std::string, NamedValue>& node) {
  auto it = node.find(program.Symbol(step.key));
  bool any = false;
  if (it != node.end()) {
    for (const ProgramValue& value : step.values) {
      NamedValue wanted;
      switch (value.type) {
        case ValueType::kUint: wanted = value.payload; break;
        case ValueType::kString: wanted = program.Symbol(value.payload); break;
        case ValueType::kBool: wanted = value.payload != 0; break;
        case ValueType::kEnum: wanted = EnumValue{program.Symbol(value.payload)}; break;
      }
      any = any || wanted == it->second;
    }
  }
  return step.equal ? any : !any;
}

bool NamedMatches(const Program& program, const std::map<std::string, NamedValue>& node) {
  const std::vector<Instruction>& code = program.nodes[0].code;
  for (size_t pc = 0; pc < code.size();) {
    const Instruction& step = code[pc];
    if (step.op == Op::kMatch) return true;
    if (step.op == Op::kAbort) return false;
    bool holds = NamedHolds(program, step, node);
    if (step.op == Op::kAbortUnless && !holds) return false;
    pc = step.op == Op::kJumpUnless && !holds ? step.target : pc + 1;
  }
  return false;
}

void BM_BindMatchBaseline_NamedMaps_1000DriversX1000Nodes(benchmark::State& state) {
  std::vector<Program> programs = CompileDrivers();
  std::vector<std::map<std::string, NamedValue>> nodes;
  for (int j = 0; j < kNodes; ++j) {
    std::map<std::string, NamedValue> node;
    for (const Property& property : NodeProperties(j)) node[KeyName(property.key)] = property.value;
    nodes.push_back(std::move(node));
  }
  size_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (const auto& node : nodes) {
      for (const Program& program : programs) matches += NamedMatches(program, node);
    }
    benchmark::DoNotOptimize(matches);
  }
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_BindMatchBaseline_NamedMaps_1000DriversX1000Nodes)->Unit(benchmark::kMillisecond);

void BM_BindCompile_OneDriver(benchmark::State& state) {
  int i = 0;
  for (auto _ : state) {
    Diagnostics diagnostics;
    Compiler compiler(&diagnostics);
    compiler.AddLibrary(std::make_unique<SourceFile>("bench.bind", kLibrary));
    SourceFile rules("driver.bind", DriverRules(i++ % 4));
    benchmark::DoNotOptimize(compiler.Compile(rules));
  }
}
BENCHMARK(BM_BindCompile_OneDriver)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace fdfkit::bind

BENCHMARK_MAIN();
