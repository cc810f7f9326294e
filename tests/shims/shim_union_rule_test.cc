// The selection rule a banjo union declares for the shims (@selected_by / @selected_when): a
// well-formed one shims the method and converts by it; each malformed one leaves the method out
// with a reason that names what is wrong, and nothing else of the library changes.
#include <gtest/gtest.h>

#include "tests/shims/shim_rule_support.h"

namespace fdfkit::shims {
namespace {

using testing::Outcome;

// A banjo `Op` union (members and attributes as given) queued by Ring.Put, its clone, the mapping.
Outcome Generate(const std::string& op_union) {
  std::string banjo = "library ex.u;\nusing zx;\nconst OP_A uint32 = 1;\nconst OP_B uint32 = 2;\n"
                      "type Rw = struct { command uint32; length uint32; };\n" +
                      op_union +
                      "@transport(\"Banjo\")\n@banjo_layout(\"ddk-protocol\")\n"
                      "protocol Ring {\n    Put(struct { op Op; }) -> (struct { s zx.Status; });\n"
                      "    Count() -> (struct { n uint32; });\n};\n";
  std::string clone = "library ex.u;\nusing zx;\n"
                      "type Rw = struct { command uint32; length uint32; };\n"
                      "type Op = strict union { 1: rw Rw; 2: command uint32; };\n"
                      "@discoverable\n@transport(\"Driver\")\nclosed protocol Ring {\n"
                      "    strict Put(struct { op Op; }) -> () error zx.Status;\n"
                      "    strict Count() -> (struct { n uint32; });\n};\n";
  nlohmann::json mapping = nlohmann::json::parse(R"({
    "schema": "fdfkit-mapping/1", "library": {"banjo": "ex.u", "fidl": "ex.u"},
    "protocols": [{"banjo": {"protocol": "Ring"}, "fidl": {"protocol": "Ring", "transport": "driver"},
      "methods": [
        {"banjo": {"method": "Put"}, "fidl": {"method": "Put"}, "parameters": [
          {"banjo": "op", "direction": "in", "becomes": "request", "field": "op"},
          {"banjo": "s", "direction": "out", "becomes": "error"}]},
        {"banjo": {"method": "Count"}, "fidl": {"method": "Count"}, "parameters": [
          {"banjo": "n", "direction": "out", "becomes": "response", "field": "n"}]}]}]})");
  return testing::GenerateFrom({{"banjo.fidl", banjo}}, {{"clone.fidl", clone}}, "ex.u", mapping);
}

TEST(ShimUnionRule, ADeclaredRuleShimsTheMethod) {
  Outcome out = Generate(
      "@selected_by(field=\"command\", mask=\"0xf\")\n"
      "type Op = strict union {\n    @selected_when(\"OP_A, 5\")\n    1: rw Rw;\n"
      "    2: command uint32;\n};\n");
  EXPECT_TRUE(out.left_out.empty()) << out.left_out.front();
  EXPECT_NE(out.header.find("switch (selector & 15u) {\n    case 1u:\n    case 5u:\n"
                            "      return 0;\n    default:\n      return 1;"),
            std::string::npos)
      << out.header;
}

// Without a fallback member a value no member claims sends no union (the transport refuses it).
TEST(ShimUnionRule, WithoutAFallbackAnUnclaimedValueSelectsNothing) {
  Outcome out = Generate(
      "@selected_by(\"command\")\n"
      "type Op = strict union {\n    @selected_when(\"OP_A\")\n    1: rw Rw;\n"
      "    @selected_when(\"OP_B\")\n    2: command uint32;\n};\n");
  EXPECT_TRUE(out.left_out.empty()) << out.left_out.front();
  EXPECT_NE(out.header.find("    default:\n      return -1;"), std::string::npos) << out.header;
  EXPECT_NE(out.header.find("    default:\n      return ::ex_u::wire::Op();"), std::string::npos);
}

struct Malformed {
  const char* what;
  const char* op_union;
  const char* reason;
};
// Test names and failures show the case, not the struct's bytes.
void PrintTo(const Malformed& m, std::ostream* out) { *out << m.what; }

class ShimUnionRuleMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(ShimUnionRuleMalformed, LeavesOnlyThatMethodOutAndSaysWhy) {
  Outcome out = Generate(GetParam().op_union);
  ASSERT_EQ(out.left_out.size(), 1u);
  EXPECT_EQ(out.left_out.front(), std::string("Ring.Put: ") + GetParam().reason);
  EXPECT_NE(out.header.find("CallCount"), std::string::npos);  // the rest is written
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ShimUnionRuleMalformed,
    ::testing::Values(
        Malformed{"NoRule", "type Op = strict union { 1: rw Rw; 2: command uint32; };\n",
                  "union Op is untagged in banjo: say which member is set with "
                  "@selected_by(\"<leading field>\") on it and @selected_when(\"<values>\") on "
                  "its members (shims/README.md)"},
        Malformed{"NoLeadingField",
                  "@selected_by(\"length\")\ntype Op = strict union { 1: rw Rw; 2: command "
                  "uint32; };\n",
                  "@selected_by of Op: member 'rw' does not start with the integer 'length'"},
        Malformed{"UnknownConstant",
                  "@selected_by(\"command\")\ntype Op = strict union {\n    "
                  "@selected_when(\"OP_C\")\n    1: rw Rw;\n    2: command uint32;\n};\n",
                  "@selected_when of Op.rw: 'OP_C' is no integer constant that fits uint32_t"},
        Malformed{"ValueTooWide",
                  "@selected_by(\"command\")\ntype Op = strict union {\n    "
                  "@selected_when(\"0x100000000\")\n    1: rw Rw;\n    2: command uint32;\n};\n",
                  "@selected_when of Op.rw: '0x100000000' is no integer constant that fits "
                  "uint32_t"},
        Malformed{"BadMask",
                  "@selected_by(field=\"command\", mask=\"lots\")\ntype Op = strict union { "
                  "1: rw Rw; 2: command uint32; };\n",
                  "@selected_by of Op: mask 'lots' is no integer constant"},
        Malformed{"ValueTwice",
                  "@selected_by(\"command\")\ntype Op = strict union {\n    "
                  "@selected_when(\"1\")\n    1: rw Rw;\n    @selected_when(\"OP_A\")\n    2: "
                  "command uint32;\n};\n",
                  "@selected_when of Op: OP_A selects two members"},
        Malformed{"TwoFallbacks",
                  "@selected_by(\"command\")\ntype Op = strict union { 1: rw Rw; 2: command "
                  "uint32; };\n",
                  "union Op has two members without @selected_when ('rw', 'command')"}),
    [](const ::testing::TestParamInfo<Malformed>& info) { return info.param.what; });

}  // namespace
}  // namespace fdfkit::shims
