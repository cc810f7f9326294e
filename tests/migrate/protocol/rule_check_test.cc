// A rule that names a library, protocol, method, declaration or member the input does not have
// is an error naming its key: a typo must not silently do nothing.
#include "migrate/protocol/rule_check.h"

#include <gtest/gtest.h>

#include <set>

#include "migrate/protocol/migrate_protocol.h"
#include "tests/migrate/idl/idl_test_support.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kBus = R"(library example.bus;
using zx;
type Op = struct { @mutable data vector<uint8>:MAX; stop bool; };
type Info = table { 1: name string:MAX; };
@transport("Banjo")
protocol Bus {
    Transfer(struct { ops vector<Op>:MAX; id uint32; }) -> (struct { s zx.Status; });
};
)";

std::string Problems(const std::string& rules) {
  auto compiled = fdfkit::idl::testing::Compile({{"bus.fidl", kBus}});
  EXPECT_TRUE(compiled.ok) << compiled.errors();
  std::string out;
  for (const auto& problem : fdfkit::protocol::CheckRulesNameTheInput(
           Json::parse(rules), "my.json", compiled.compiler->targets())) {
    out += problem.Text() + "\n";
  }
  return out;
}

TEST(RuleCheck, KeysThatNameTheInputPass) {
  EXPECT_EQ(Problems(R"({
    "libraries": {"example.bus": {"types": {"Op": "Operation"}, "bounds": {"Op.data": 16,
                                                                           "Info.name": 8}},
                  "zx": {"unmigrated": "copy"}},
    "protocols": {"example.bus/Bus": {"methods": {"Transfer": "Move"},
                                      "bounds": {"Transfer.ops": 4},
                                      "in_place": {"Transfer.ops": {"field": "r", "type": "R"}}}},
    "types": {"example.bus/Op": {"to": "uint64"}, "usize": {"to": "uint64"}}})"),
            "");
}

TEST(RuleCheck, EachKeyThatNamesNothingIsAnErrorAtItsPath) {
  EXPECT_EQ(Problems(R"({"libraries": {"example.bsu": {}}})"),
            "my.json: $.libraries[\"example.bsu\"]: error: [FDFMIG020] library 'example.bsu' is "
            "neither migrated in this run nor imported by a library that is\n");
  EXPECT_EQ(Problems(R"({"protocols": {"example.bus/Buss": {}}})"),
            "my.json: $.protocols[\"example.bus/Buss\"]: error: [FDFMIG021] library 'example.bus' "
            "has no protocol 'Buss'\n");
  EXPECT_EQ(Problems(R"({"protocols": {"example.bus/Op": {}}})"),
            "my.json: $.protocols[\"example.bus/Op\"]: error: [FDFMIG021] library 'example.bus' "
            "has no protocol 'Op'\n");
  EXPECT_EQ(Problems(R"({"protocols": {"example.bus/Bus": {"methods": {"Transfre": "X"}}}})"),
            "my.json: $.protocols[\"example.bus/Bus\"].methods.Transfre: error: [FDFMIG022] "
            "protocol 'Bus' has no method 'Transfre'\n");
  EXPECT_EQ(Problems(R"({"protocols": {"example.bus/Bus": {"bounds": {"Transfer.op": 4}}}})"),
            "my.json: $.protocols[\"example.bus/Bus\"].bounds[\"Transfer.op\"]: error: "
            "[FDFMIG024] 'Bus.Transfer' has no member 'op'\n");
  EXPECT_EQ(Problems(R"({"protocols": {"example.bus/Bus": {"in_place": {"Transfer.id":
                                                              {"field": "r", "type": "R"}}}}})"),
            "my.json: $.protocols[\"example.bus/Bus\"].in_place[\"Transfer.id\"]: error: "
            "[FDFMIG025] 'Transfer.id' is not a request parameter whose contents the callee "
            "writes in place\n");
  EXPECT_EQ(Problems(R"({"libraries": {"example.bus": {"types": {"Opp": "X"},
                                                        "bounds": {"Op.dat": 4}}}})"),
            "my.json: $.libraries[\"example.bus\"].types.Opp: error: [FDFMIG023] library "
            "'example.bus' declares no 'Opp'\n"
            "my.json: $.libraries[\"example.bus\"].bounds[\"Op.dat\"]: error: [FDFMIG024] 'Op' "
            "has no member 'dat'\n");
  EXPECT_EQ(Problems(R"({"types": {"example.bus/Nope": {"to": "uint8"}}})"),
            "my.json: $.types[\"example.bus/Nope\"]: error: [FDFMIG023] library 'example.bus' "
            "declares no 'Nope'\n");
}

// Through the tool: exit 2, the problem, and nothing written.
TEST(RuleCheck, MigrateProtocolRefusesRulesWithTyposAndWritesNothing) {
  fdfkit::protocol::RulesProblem problem;
  auto rules = fdfkit::protocol::LoadRules(R"({"protocols": {"example.bus/Bus": {
      "methods": {"Transfre": "Move"}}}})", "typo.json", &problem);
  ASSERT_TRUE(rules) << problem.Text();
  auto result = fdfkit::protocol::MigrateSources({{"bus.fidl", kBus}}, {}, {*rules});
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(result.invalid_rules);
  EXPECT_TRUE(result.files.empty());
  EXPECT_EQ(result.errors, "typo.json: $.protocols[\"example.bus/Bus\"].methods.Transfre: error: "
                           "[FDFMIG022] protocol 'Bus' has no method 'Transfre'\n");
}

// The default rules describe libraries in general; where they name a corpus library, every key
// names something that library has.
TEST(RuleCheck, TheDefaultRulesNameTheCorpusCorrectly) {
  std::vector<std::pair<std::string, std::string>> sources;
  std::set<std::string> corpus;
  for (const auto& file : fdfkit::idl::testing::CorpusFiles()) {
    sources.emplace_back(file.string(), fdfkit::idl::testing::ReadFile(file));
    corpus.insert(file.parent_path().filename().string());
  }
  auto compiled = fdfkit::idl::testing::Compile(sources, {fdfkit::idl::testing::CorpusDir().string()});
  ASSERT_TRUE(compiled.ok) << compiled.errors();
  for (const auto& problem : fdfkit::protocol::CheckRulesNameTheInput(
           Json::parse(fdfkit::protocol::DefaultRulesText()), fdfkit::protocol::kDefaultRulesFile,
           compiled.compiler->targets())) {
    // Only libraries outside the corpus may be unknown (vreg, hdmi, sysmem, ...).
    EXPECT_EQ(problem.diagnostic.info, &fdfkit::protocol::diag::kRuleNamesUnknownLibrary.info())
        << problem.Text();
    for (const std::string& library : corpus) {
      EXPECT_EQ(problem.where.find("\"" + library + "\""), std::string::npos) << problem.Text();
    }
  }
}

}  // namespace
