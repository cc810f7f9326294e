// Fuchsia's bind test format: plain and composite specs, every way to write a device value, and
// failing cases named by their place in the spec.
#include <gtest/gtest.h>

#include "runtime/driver/bind/bind_test.h"
#include "tests/runtime/driver/bind/bind_test_support.h"

namespace fdfkit::bind::testing {
namespace {

struct SpecRun {
  std::vector<BindTestResult> results;
  std::string diagnostics;
};

SpecRun RunSpec(const std::string& rules, const std::string& spec) {
  Compilation c(rules, {kExampleLibrary});
  EXPECT_TRUE(c.compiled) << c.diagnostics.Summary();
  SpecRun run;
  if (!c.compiled) return run;
  SourceFile spec_file("spec.json", spec);
  Diagnostics diagnostics;
  run.results = RunBindTests(*c.compiled, c.compiler.libraries(), spec_file, &diagnostics);
  run.diagnostics = diagnostics.Summary();
  return run;
}

constexpr char kRules[] = R"(using fuchsia.example;
fuchsia.BIND_PROTOCOL == fuchsia.example.BIND_PROTOCOL.DEVICE;
fuchsia.example.NAME != "other";
)";

TEST(BindTests, EveryValueFormResolves) {
  SpecRun run = RunSpec(kRules, R"([
    {"name": "by name", "expected": "match",
     "device": {"fuchsia.BIND_PROTOCOL": "fuchsia.example.BIND_PROTOCOL.DEVICE"}},
    {"name": "by number", "expected": "match", "device": {"fuchsia.BIND_PROTOCOL": 10}},
    {"name": "quoted string", "expected": "abort",
     "device": {"fuchsia.BIND_PROTOCOL": 10, "fuchsia.example.NAME": "\"other\""}},
    {"name": "bare string for a string key", "expected": "abort",
     "device": {"fuchsia.BIND_PROTOCOL": 10, "fuchsia.example.NAME": "other"}},
    {"name": "named string value", "expected": "match",
     "device": {"fuchsia.BIND_PROTOCOL": 10, "fuchsia.example.NAME": "fuchsia.example.NAME.FIRST"}},
    {"name": "bool and enum", "expected": "match",
     "device": {"fuchsia.BIND_PROTOCOL": 10, "fuchsia.example.FLAG": true,
                "fuchsia.example.Mode": "fuchsia.example.Mode.FAST"}},
    {"name": "empty device", "expected": "abort", "device": {}}
  ])");
  EXPECT_EQ(run.diagnostics, "");
  ASSERT_EQ(run.results.size(), 7u);
  for (const BindTestResult& result : run.results) EXPECT_TRUE(result.passed()) << result.name;
  EXPECT_EQ(run.results[3].path, "$[3]");
}

TEST(BindTests, AFailingCaseIsNamedWithItsPlace) {
  SpecRun run = RunSpec(kRules, R"([
    {"name": "ok", "expected": "match", "device": {"fuchsia.BIND_PROTOCOL": 10}},
    {"name": "wrong", "expected": "match", "device": {"fuchsia.BIND_PROTOCOL": 11}}
  ])");
  EXPECT_EQ(run.diagnostics,
            "spec.json: error: [FDFBIND044] $[1]: case \"wrong\" expected match, got abort\n");
  ASSERT_EQ(run.results.size(), 2u);
  EXPECT_TRUE(run.results[0].passed());
  EXPECT_FALSE(run.results[1].passed());
}

TEST(BindTests, CompositeSpecsTestEachNode) {
  SpecRun run = RunSpec(R"(composite pair;
using fuchsia.example;
primary node "pdev" {
  fuchsia.BIND_PROTOCOL == fuchsia.example.BIND_PROTOCOL.DEVICE;
}
node "gpio" {
  fuchsia.BIND_GPIO_PIN == 3;
}
)", R"([
    {"node": "pdev", "tests": [
      {"name": "device", "expected": "match", "device": {"fuchsia.BIND_PROTOCOL": 10}},
      {"name": "pin", "expected": "abort", "device": {"fuchsia.BIND_GPIO_PIN": 3}}]},
    {"node": "gpio", "tests": [
      {"name": "pin", "expected": "match", "device": {"fuchsia.BIND_GPIO_PIN": 3}},
      {"name": "wrong pin", "expected": "match", "device": {"fuchsia.BIND_GPIO_PIN": 4}}]}
  ])");
  EXPECT_EQ(run.diagnostics, "spec.json: error: [FDFBIND044] $[1].tests[1]: case \"wrong pin\" "
                             "expected match, got abort\n");
  ASSERT_EQ(run.results.size(), 4u);
  EXPECT_EQ(run.results[2].node, "gpio");
}

TEST(BindTests, SpecProblemsRunNoCase) {
  auto first_line = [](const std::string& rules, const std::string& spec) {
    SpecRun run = RunSpec(rules, spec);
    EXPECT_TRUE(run.results.empty());
    return run.diagnostics;
  };
  EXPECT_EQ(first_line(kRules, "{}"),
            "spec.json: error: [FDFBIND041] $: expected a non-empty list of test cases\n");
  EXPECT_EQ(first_line(kRules, R"([{"name": "x", "expected": "match"}])"),
            "spec.json: error: [FDFBIND041] $[0].device: expected an object of properties\n");
  EXPECT_EQ(first_line(kRules, R"([{"name": "x", "expected": "match", "device": {"NOPE": 1}}])"),
            "spec.json: error: [FDFBIND043] $[0].device[\"NOPE\"]: 'NOPE' is not declared\n");
  EXPECT_EQ(first_line(kRules, R"([{"name": "x", "expected": "match",
                                    "device": {"fuchsia.BIND_PROTOCOL": "\"ten\""}}])"),
            "spec.json: error: [FDFBIND043] $[0].device[\"fuchsia.BIND_PROTOCOL\"]: key "
            "'fuchsia.BIND_PROTOCOL' holds uint values; \"\\\"ten\\\"\" is a string\n");
  EXPECT_EQ(first_line(kRules, R"([{"name": "x", "expected": "match",
                                    "device": {"fuchsia.BIND_PROTOCOL": 4294967296}}])"),
            "spec.json: error: [FDFBIND043] $[0].device[\"fuchsia.BIND_PROTOCOL\"]: 4294967296 "
            "does not fit in 32 bits\n");
  EXPECT_EQ(first_line(kRules, "[\n  {\"name\": 1}\n]"),
            "spec.json: error: [FDFBIND041] $[0].name: expected a string\n");
  EXPECT_EQ(first_line(kRules, "[\n  {\"name\": \n"),
            "spec.json:3:1: error: [FDFBIND040] malformed test spec: syntax error while parsing "
            "value - unexpected end of input; expected '[', '{', or a literal\n");
}

}  // namespace
}  // namespace fdfkit::bind::testing
