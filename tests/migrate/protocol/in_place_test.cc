// Data a banjo callee wrote in place comes back in the clone's response, or the method is
// refused with a located decision: never a clone that cannot return what banjo returned.
#include <gtest/gtest.h>

#include "migrate/protocol/migrate_protocol.h"
#include "tests/migrate/idl/idl_test_support.h"

namespace {

using Json = nlohmann::json;

struct Clone {
  fdfkit::protocol::MigrateResult result;
  const std::string& fidl() const { return result.files[0].text; }
  Json mapping() const { return Json::parse(result.files[1].text); }
  const std::string& report() const { return result.files[2].text; }
};

Clone Migrate(const std::string& text) {
  Clone clone{fdfkit::protocol::MigrateSources({{"bus.fidl", text}}, {},
                                               fdfkit::protocol::DefaultOptions())};
  EXPECT_TRUE(clone.result.ok) << clone.result.errors;
  return clone;
}

constexpr const char* kHead = R"(library example.bus;
using zx;
const MAX_OPS uint32 = 4;
type Op = struct {
    address uint16;
    @mutable
    data vector<uint8>:MAX;
    @in_out
    count uint32;
};
type Request = struct {
    id uint32;
    @mutable
    status_word uint32;
};
type Nested = struct {
    inner Op;
};
)";

TEST(InPlace, FieldsOfVectorElementsComeBackOnePerElement) {
  Clone clone = Migrate(std::string(kHead) + R"(
@transport("Banjo")
@banjo_layout("ddk-protocol")
protocol Bus {
    Transfer(struct { ops vector<Op>:MAX_OPS; }) -> (struct { s zx.Status; });
};
)");
  EXPECT_NE(clone.fidl().find(R"(    strict Transfer(struct {
        ops vector<Op>:MAX_OPS;
    }) -> (struct {
        ops_written vector<OpWritten>:MAX_OPS;
    }) error zx.Status;)"),
            std::string::npos)
      << clone.fidl();
  EXPECT_NE(clone.fidl().find(R"(/// The fields of one 'ops' element that the callee wrote in place.
type OpWritten = struct {
    data vector<uint8>:MAX;
    count uint32;
};)"),
            std::string::npos)
      << clone.fidl();
  Json mapping = clone.mapping();
  const Json& returned = mapping["protocols"][0]["methods"][0]["parameters"].back();
  EXPECT_EQ(returned["banjo"], "ops[].data");
  EXPECT_EQ(returned["becomes"], "response");
  EXPECT_EQ(returned["field"], "ops_written");
  EXPECT_NE(clone.report().find("wrote 'data', 'count' of each 'ops' element in place: the "
                                "response returns them as 'ops_written', one OpWritten per "
                                "element, in order"),
            std::string::npos)
      << clone.report();
}

TEST(InPlace, FieldsOfAStructParameterComeBackByName) {
  Clone clone = Migrate(std::string(kHead) + R"(
@transport("Banjo")
@banjo_layout("ddk-protocol")
protocol Bus {
    Submit(struct { req Request; }) -> ();
};
)");
  EXPECT_NE(clone.fidl().find(R"(    strict Submit(struct {
        req Request;
    }) -> (struct {
        req_status_word uint32;
    });)"),
            std::string::npos)
      << clone.fidl();
}

// Derived names step aside from names the library or the response already has; a second method
// returning the same fields reuses the element struct.
TEST(InPlace, DerivedNamesStepAsideFromTakenOnes) {
  Clone clone = Migrate(std::string(kHead) + R"(
type OpWritten = struct {
    unrelated uint64;
};
@transport("Banjo")
@banjo_layout("ddk-protocol")
protocol Bus {
    Transfer(struct { ops vector<Op>:MAX_OPS; }) -> (struct { s zx.Status; ops_written uint32; });
    Again(struct { ops vector<Op>:MAX_OPS; }) -> (struct { s zx.Status; });
    Submit(struct { req Request; }) -> (struct { req_status_word uint64; });
};
)");
  EXPECT_NE(clone.fidl().find(R"(    }) -> (struct {
        ops_written uint32;
        ops_written_2 vector<OpWritten2>:MAX_OPS;
    }) error zx.Status;)"),
            std::string::npos)
      << clone.fidl();
  EXPECT_NE(clone.fidl().find(R"(    }) -> (struct {
        ops_written vector<OpWritten2>:MAX_OPS;
    }) error zx.Status;)"),
            std::string::npos)
      << clone.fidl();
  EXPECT_NE(clone.fidl().find(R"(        req_status_word uint64;
        req_status_word_2 uint32;)"),
            std::string::npos)
      << clone.fidl();
  EXPECT_NE(clone.fidl().find("type OpWritten2 = struct {"), std::string::npos) << clone.fidl();
  EXPECT_EQ(clone.fidl().find("type OpWritten2 = struct {"), clone.fidl().rfind("type OpWritten2 = struct {"))
      << clone.fidl();
}

TEST(InPlace, AOneWayMethodThatWroteInPlaceBecomesTwoWay) {
  Clone clone = Migrate(std::string(kHead) + R"(
@transport("Banjo")
@banjo_layout("ddk-protocol")
protocol Bus {
    Fill(struct { @in_out req Request; });
};
)");
  EXPECT_NE(clone.fidl().find(R"(    strict Fill(struct {
        req Request;
    }) -> (struct {
        req Request;
    });)"),
            std::string::npos)
      << clone.fidl();
  EXPECT_EQ(clone.mapping()["protocols"][0]["methods"][0]["fidl"]["kind"], "two-way");
  EXPECT_NE(clone.report().find("'Fill' was one-way, but the callee wrote into the caller's "
                                "memory: the clone is two-way"),
            std::string::npos);
}

TEST(InPlace, DataWrittenDeeperIsRefusedWithALocatedDecision) {
  Clone clone = Migrate(std::string(kHead) + R"(
@transport("Banjo")
@banjo_layout("ddk-protocol")
protocol Bus {
    Deep(struct { all vector<Nested>:MAX; }) -> ();
    Fine() -> ();
};
)");
  EXPECT_EQ(clone.fidl().find("Deep("), std::string::npos) << clone.fidl();
  EXPECT_NE(clone.fidl().find("strict Fine() -> ();"), std::string::npos);
  Json mapping = clone.mapping();
  const Json& deep = mapping["protocols"][0]["methods"][0];
  EXPECT_TRUE(deep["fidl"].is_null());
  EXPECT_EQ(deep["refused"], "'all' holds data the callee writes in place below 'inner', deeper "
                             "than a response field can return it");
  EXPECT_NE(clone.report().find("`bus.fidl:23:5`: method 'Deep' is not cloned: 'all' holds data"),
            std::string::npos)
      << clone.report();
}

TEST(InPlace, RulesNameTheResponseFieldAndType) {
  fdfkit::protocol::RulesProblem problem;
  auto rules = fdfkit::protocol::LoadRules(R"({"protocols": {"example.bus/Bus": {
      "in_place": {"Transfer.ops": {"field": "results", "type": "Result"}}}}})",
                                           "rules.json", &problem);
  ASSERT_TRUE(rules) << problem.Text();
  auto result = fdfkit::protocol::MigrateSources(
      {{"bus.fidl", std::string(kHead) + R"(
@transport("Banjo")
@banjo_layout("ddk-protocol")
protocol Bus {
    Transfer(struct { ops vector<Op>:MAX_OPS; }) -> ();
};
)"}},
      {}, {*rules});
  ASSERT_TRUE(result.ok) << result.errors;
  EXPECT_NE(result.files[0].text.find("results vector<Result>:MAX_OPS;"), std::string::npos);
  EXPECT_NE(result.files[0].text.find("type Result = struct {"), std::string::npos);
}

}  // namespace
