// Inventory loading: the schema's defaults, and every kind of bad input reported at its JSON path.
#include <gtest/gtest.h>

#include "migrate/plan/inventory.h"
#include "tests/migrate/plan/plan_test_support.h"

namespace {

using fdfkit::plan::DriverStatus;
using fdfkit::plan::JsonDiagnostic;
using fdfkit::plan::ParseInventory;

// The errors of `json`, as "path: error: [code] message" lines.
std::vector<std::string> Errors(const std::string& json) {
  std::vector<std::string> out;
  for (const JsonDiagnostic& e : ParseInventory(json).errors) out.push_back(e.Text());
  return out;
}

constexpr char kValid[] = R"({
  "schema": "fdfkit-inventory/1",
  "protocols": [{"id": "p.impl"}, {"id": "p.core", "transport": "channel", "status": "cloned"}],
  "drivers": [
    {"id": "impl", "team": "gpio", "effort": 3, "serves": ["p.impl"]},
    {"id": "core", "status": "dual", "dual_binary": true, "consumes": ["p.impl"], "serves": ["p.core"]}
  ],
  "boards": [{"id": "b", "hosts": [{"id": "b/h", "drivers": ["impl", "core"]}]}],
  "edges": [{"from": "impl", "to": "core", "protocol": "p.impl", "board": "b"}],
  "extra": "fields of its own are allowed"
})";

TEST(Inventory, ReadsTheCoreSchemaWithDefaults) {
  fdfkit::plan::Inventory inv = fdfkit::plan::testing::MustParse(kValid);
  ASSERT_EQ(inv.drivers.size(), 2u);
  EXPECT_EQ(inv.drivers[0].team, "gpio");
  EXPECT_EQ(inv.drivers[0].effort, 3);
  EXPECT_EQ(inv.drivers[0].status, DriverStatus::kBanjo);
  EXPECT_EQ(inv.drivers[1].team, "unassigned");
  EXPECT_EQ(inv.drivers[1].status, DriverStatus::kDual);
  EXPECT_TRUE(inv.drivers[1].dual_binary);
  EXPECT_EQ(inv.drivers[1].references, (std::vector<int>{0, 1}));
  EXPECT_EQ(inv.protocols[0].transport, "driver");
  EXPECT_EQ(inv.protocols[1].transport, "channel");
  ASSERT_EQ(inv.edges.size(), 1u);
  EXPECT_EQ(inv.edges[0].board, 0);
}

// Service edges ($.service_edges, optional): read with their defaults, checked like banjo edges.
TEST(Inventory, ServiceEdgesAreOptionalAndChecked) {
  EXPECT_TRUE(fdfkit::plan::testing::MustParse(kValid).service_edges.empty());
  std::string with = kValid;
  with.insert(with.rfind('}'), R"(, "service_edges": [{"from": "core", "to": "impl", "service": "l.Service", "board": "b"},
                                   {"from": "impl", "to": "core", "service": "m.Service", "transport": "driver"}])");
  fdfkit::plan::Inventory inv = fdfkit::plan::testing::MustParse(with);
  ASSERT_EQ(inv.service_edges.size(), 2u);
  EXPECT_EQ(inv.service_edges[0].from, 1);
  EXPECT_EQ(inv.service_edges[0].service, "l.Service");
  EXPECT_EQ(inv.service_edges[0].transport, "channel");
  EXPECT_EQ(inv.service_edges[0].board, 0);
  EXPECT_EQ(inv.service_edges[1].transport, "driver");
  EXPECT_FALSE(inv.service_edges[1].board);
  EXPECT_EQ(inv.edges.size(), 1u);  // banjo edges untouched
  std::string bad = kValid;
  bad.insert(bad.rfind('}'), R"(, "service_edges": [{"from": "ghost", "to": "impl", "service": "l.Service"},
                                  {"from": "impl", "to": "core", "transport": "banjo"}])");
  EXPECT_EQ(Errors(bad), (std::vector<std::string>{
                             "$.service_edges[0].from: error: [FDFPLAN033] unknown driver \"ghost\"",
                             "$.service_edges[1].service: error: [FDFPLAN014] missing; expected a string",
                             "$.service_edges[1].transport: error: [FDFPLAN024] expected one of \"channel\", "
                             "\"driver\", \"unknown\""}));
}

TEST(Inventory, UnknownSchemaStopsReading) {
  EXPECT_EQ(Errors(R"({"schema": "fdfkit-inventory/2", "drivers": 3})"),
            std::vector<std::string>{
                "$.schema: error: [FDFPLAN022] unknown schema \"fdfkit-inventory/2\"; expected "
                "\"fdfkit-inventory/1\""});
  EXPECT_EQ(Errors("[]"), std::vector<std::string>{"$: error: [FDFPLAN020] an inventory is a JSON object"});
}

TEST(Inventory, SyntaxErrorsNameLineAndColumn) {
  auto errors = Errors(R"({"schema": "fdfkit-inventory/1", "protocols": [,]})");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("$: error: [FDFPLAN010] not valid JSON"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("line 1, column 48"), std::string::npos) << errors[0];
}

TEST(Inventory, EveryBadReferenceIsReportedAtItsPath) {
  auto errors = Errors(R"({
    "schema": "fdfkit-inventory/1",
    "protocols": [{"id": "p"}, {"id": "p"}, {"id": "q", "transport": "banjo"}],
    "drivers": [
      {"id": "a", "serves": ["nope"]},
      {"id": "a"},
      {"id": "lonely", "effort": -2},
      {"id": "b"}
    ],
    "boards": [
      {"id": "x", "hosts": [{"id": "x/1", "drivers": ["a", "ghost", "a"]}, {"id": "x/1", "drivers": []}]},
      {"id": "y", "hosts": [{"id": "y/1", "drivers": ["b"]}]}
    ],
    "edges": [{"from": "a", "to": "b", "protocol": "p", "board": "x"},
              {"from": "a", "to": "b", "protocol": "r"}]
  })");
  std::vector<std::string> expected = {
      "$.protocols[1].id: error: [FDFPLAN026] duplicate protocol id \"p\" (first at $.protocols[0])",
      "$.protocols[2].transport: error: [FDFPLAN024] expected one of \"driver\", \"channel\"",
      "$.drivers[0].serves[0]: error: [FDFPLAN032] unknown protocol \"nope\"",
      "$.drivers[1].id: error: [FDFPLAN027] duplicate driver id \"a\" (first at $.drivers[0])",
      "$.drivers[2].effort: error: [FDFPLAN023] expected a non-negative integer",
      "$.boards[0].hosts[0].drivers[1]: error: [FDFPLAN033] unknown driver \"ghost\"",
      "$.boards[0].hosts[0].drivers[2]: error: [FDFPLAN035] driver \"a\" listed twice in one host",
      "$.boards[0].hosts[1].id: error: [FDFPLAN029] duplicate host id \"x/1\" on this board",
      "$.edges[0].board: error: [FDFPLAN036] board \"x\" does not hold driver \"b\"",
      "$.edges[1].protocol: error: [FDFPLAN032] unknown protocol \"r\"",
      "$.drivers[2]: error: [FDFPLAN037] driver \"lonely\" is in no host on any board",
  };
  EXPECT_EQ(errors, expected);
}

TEST(Inventory, MissingSectionsAndWrongTypes) {
  auto errors = Errors(R"({"schema": "fdfkit-inventory/1", "protocols": {},
                           "drivers": [{"id": 7, "dual_binary": "yes"}]})");
  std::vector<std::string> expected = {
      "$.protocols: error: [FDFPLAN012] expected an array",
      "$.drivers[0].id: error: [FDFPLAN015] expected a non-empty string",
      "$.drivers[0].dual_binary: error: [FDFPLAN025] expected true or false",
      "$.boards: error: [FDFPLAN011] missing; expected an array",
  };
  EXPECT_EQ(errors, expected);
}

TEST(Inventory, BanjoVariantReferencingADeletedProtocol) {
  auto errors = Errors(R"({"schema": "fdfkit-inventory/1",
    "protocols": [{"id": "gone", "status": "deleted"}],
    "drivers": [{"id": "d", "consumes": ["gone"]}, {"id": "e", "status": "ported", "consumes": ["gone"]}],
    "boards": [{"id": "b", "hosts": [{"id": "h", "drivers": ["d", "e"]}]}]})");
  EXPECT_EQ(errors, std::vector<std::string>{
                        "$.drivers[0]: error: [FDFPLAN038] driver \"d\" still has a banjo variant "
                        "but references protocol \"gone\", which is deleted"});
}

}  // namespace
