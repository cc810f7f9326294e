// Rules: the compiled-in defaults, validation errors that name the file and the JSON path, merge
// semantics, and each rule's effect on a translation.
#include "migrate/protocol/rules.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/migrate/idl/idl_test_support.h"
#include "migrate/protocol/migrate_protocol.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using fdfkit::protocol::LoadRules;

std::string RulesError(const std::string& text) {
  fdfkit::protocol::RulesProblem problem;
  EXPECT_FALSE(LoadRules(text, "my-rules.json", &problem).has_value()) << text;
  return problem.Text();
}

TEST(Rules, DefaultsLoadAndSayWhatFuchsiaDid) {
  fdfkit::protocol::RulesProblem problem;
  auto rules = LoadRules("", "", &problem);
  ASSERT_TRUE(rules) << problem.Text();
  EXPECT_EQ(rules->transport, fdfkit::protocol::Transport::kDriver);
  EXPECT_EQ(rules->callbacks, fdfkit::protocol::Callbacks::kReverseProtocol);
  EXPECT_EQ(rules->openness, fdfkit::protocol::Openness::kClosed);
  EXPECT_EQ(rules->strictness, fdfkit::protocol::Strictness::kStrict);
  EXPECT_EQ(rules->message_limit, 65536u);
  EXPECT_EQ(rules->naming.service, "Service");
  ASSERT_NE(rules->Attribute("buffer"), nullptr);
  EXPECT_EQ(rules->Attribute("buffer")->action, fdfkit::protocol::AttributeRule::Action::kDrop);
  EXPECT_EQ(rules->Attribute("in_out")->action, fdfkit::protocol::AttributeRule::Action::kDecision);
  EXPECT_EQ(rules->Attribute("available"), nullptr);  // unknown attributes pass through
  EXPECT_EQ(rules->Protocol("fuchsia.hardware.i2cimpl", "I2cImpl").rename, "Device");
  EXPECT_EQ(rules->Protocol("fuchsia.hardware.power", "Power").transport,
            fdfkit::protocol::Transport::kChannel);
  EXPECT_EQ(rules->Type("usize")->to, "uint64");
  EXPECT_FALSE(rules->Protocol("x", "Y").rename.has_value());
}

TEST(Rules, ErrorsNameTheFileAndTheJsonPath) {
  // A named rules file that is empty is not "no rules": it is malformed, not the defaults.
  EXPECT_NE(RulesError("").find("my-rules.json: "), std::string::npos);
  EXPECT_NE(RulesError("").find("[FDFMIG001] malformed JSON"), std::string::npos) << RulesError("");
  EXPECT_EQ(RulesError("{\n  \"defaults\": {\"transport\": \"driver\",}\n}"),
            "my-rules.json: 2:38: error: [FDFMIG001] malformed JSON: syntax error while parsing object key - "
            "unexpected '}'; expected string literal");
  EXPECT_EQ(RulesError(R"({"defaults": {"transprt": "driver"}})"),
            "my-rules.json: $.defaults.transprt: error: [FDFMIG003] unknown key (expected one of: transport, "
            "callbacks, openness, strictness, unmigrated_dependencies, message_limit)");
  EXPECT_EQ(RulesError(R"({"protocols": {"a.b/P": {"transport": "carrier-pigeon"}}})"),
            "my-rules.json: $.protocols[\"a.b/P\"].transport: error: [FDFMIG007] 'carrier-pigeon' is not one of: "
            "driver, channel");
  EXPECT_EQ(RulesError(R"({"protocols": {"P": {}}})"),
            "my-rules.json: $.protocols.P: error: [FDFMIG018] the key must be 'library/Protocol'");
  EXPECT_EQ(RulesError(R"({"protocols": {"a.b/P": {"bounds": {"Method": 4}}}})"),
            "my-rules.json: $.protocols[\"a.b/P\"].bounds.Method: error: [FDFMIG011] the key must be "
            "'Declaration.member' (or 'Method.field')");
  EXPECT_EQ(RulesError(R"({"protocols": {"a.b/P": {"bounds": {"M.f": 0}}}})"),
            "my-rules.json: $.protocols[\"a.b/P\"].bounds[\"M.f\"]: error: [FDFMIG009] 0 is out of range [1, "
            "4294967294]");
  EXPECT_EQ(RulesError(R"({"protocols": {"a.b/P": {"rename": "9lives"}}})"),
            "my-rules.json: $.protocols[\"a.b/P\"].rename: error: [FDFMIG005] '9lives' is not a FIDL identifier");
  EXPECT_EQ(RulesError(R"({"libraries": {"a.b": {"rename": "A.B"}}})"),
            "my-rules.json: $.libraries[\"a.b\"].rename: error: [FDFMIG006] 'A.B' is not a FIDL library name");
  EXPECT_EQ(RulesError(R"({"schema": "fdfkit-protocol-rules/9"})"),
            "my-rules.json: $.schema: error: [FDFMIG013] unsupported schema (this tool reads "
            "fdfkit-protocol-rules/1)");
  EXPECT_EQ(RulesError(R"({"defaults": {"message_limit": "big"}})"),
            "my-rules.json: $.defaults.message_limit: error: [FDFMIG008] expected a whole number, got string \"big\"");
  EXPECT_EQ(RulesError(R"({"defaults": {"message_limit": -1}})"),
            "my-rules.json: $.defaults.message_limit: error: [FDFMIG008] expected a whole number, got number -1");
  EXPECT_EQ(RulesError(R"({"attributes": {"buffer": {"action": "burn"}}})"),
            "my-rules.json: $.attributes.buffer.action: error: [FDFMIG007] 'burn' is not one of: drop, keep, decision");
  EXPECT_EQ(RulesError(R"({"types": {"int32": {"to": "int64"}}})"),
            "my-rules.json: $.types.int32: error: [FDFMIG016] the key must be usize, voidptr, vector<voidptr> or "
            "'library/Type'");
  EXPECT_EQ(RulesError("[1]"), "my-rules.json: $: error: [FDFMIG002] expected an object, got array [1]");
}

TEST(Rules, APatchMergesOverTheDefaults) {
  fdfkit::protocol::RulesProblem problem;
  auto rules = LoadRules(R"({"defaults": {"openness": "open"},
                             "protocols": {"fuchsia.hardware.i2cimpl/I2cImpl": null,
                                           "a.b/P": {"callbacks": "events"}}})",
                         "patch.json", &problem);
  ASSERT_TRUE(rules) << problem.Text();
  EXPECT_EQ(rules->openness, fdfkit::protocol::Openness::kOpen);
  EXPECT_EQ(rules->strictness, fdfkit::protocol::Strictness::kStrict);  // a separate choice
  EXPECT_EQ(rules->transport, fdfkit::protocol::Transport::kDriver);  // kept from the defaults
  EXPECT_FALSE(rules->Protocol("fuchsia.hardware.i2cimpl", "I2cImpl").rename.has_value());
  EXPECT_EQ(rules->Protocol("a.b", "P").callbacks, fdfkit::protocol::Callbacks::kEvents);
  EXPECT_EQ(rules->Protocol("fuchsia.hardware.power", "Power").rename, "Device");
}

class RulesApplied : public fdfkit::idl::testing::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    fs::create_directories(dir_ / "out");
  }
  fdfkit::protocol::MigrateResult Migrate(const std::vector<std::string>& paths,
                                     const std::string& patch = "") {
    fdfkit::protocol::RulesProblem problem;
    auto rules = LoadRules(patch, patch.empty() ? "" : "patch.json", &problem);
    EXPECT_TRUE(rules) << problem.Text();
    fdfkit::protocol::MigrateOptions options{*rules};
    return fdfkit::protocol::MigrateProtocols(paths, {(dir_ / "lib").string()}, options);
  }
  static std::string Report(const fdfkit::protocol::MigrateResult& r) { return r.files[2].text; }
};

constexpr const char* kGizmo = R"(library example.gizmo;
using zx;
type GizmoInfo = resource struct {
    names vector<string:MAX>:MAX;
    mac_list array<uint8, 6>;
    mac_count uint8;
    vmo zx.handle:VMO;
    vmo_offset uint64;
    vmo_size uint64;
};
@transport("Banjo")
@banjo_layout("ddk-interface")
protocol GizmoIfc {
    Changed(struct { state uint32; }) -> ();
    Ask(struct { q uint32; }) -> (struct { a uint32; });
};
@transport("Banjo")
@banjo_layout("ddk-protocol")
protocol Misc {
    GetInfo() -> (resource struct { s zx.status; info GizmoInfo; });
    Push(struct { data vector<uint8>:MAX; }) -> (struct { s zx.status; });
    Start(resource struct { ifc client_end:GizmoIfc; }) -> (struct { s zx.status; });
};
)";

TEST_F(RulesApplied, RenamesTransportOpennessBoundsAndEvents) {
  auto result = Migrate({Write("gizmo.fidl", kGizmo)}, R"({
    "libraries": {"example.gizmo": {"rename": "example.gadget", "types": {"GizmoInfo": "Info"},
                                    "bounds": {"GizmoInfo.names": 8}}},
    "protocols": {"example.gizmo/Misc": {"rename": "Device", "transport": "channel",
                                         "openness": "open", "strictness": "flexible",
                                         "callbacks": "events",
                                         "methods": {"GetInfo": "Describe"},
                                         "bounds": {"Push.data": 512},
                                         "service_member": "gizmo"}}})");
  ASSERT_TRUE(result.ok) << result.errors;
  EXPECT_EQ(result.files[0].name, "example.gadget.fidl");
  EXPECT_EQ(result.files[0].text, R"(library example.gadget;

using zx;

type Info = resource struct {
    names vector<string:MAX>:8;
    mac vector<uint8>:6;
    vmo zx.Handle:VMO;
    vmo_offset uint64;
    vmo_size uint64;
};

@discoverable
open protocol Device {
    flexible Describe() -> (resource struct {
        info Info;
    }) error zx.Status;

    flexible Push(struct {
        data vector<uint8>:512;
    }) -> () error zx.Status;

    flexible -> OnChanged(struct {
        state uint32;
    });
};

service Service {
    gizmo client_end:Device;
};
)");
  std::string report = Report(result);
  // Ask answered its caller: as an event it would lose the answer, so it is refused.
  EXPECT_NE(report.find("'GizmoIfc.Ask' is not cloned as an event: it returned data to the "
                        "caller, and an event has no reply"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("'vmo', 'vmo_offset' and 'vmo_size' describe one memory range"),
            std::string::npos);
  EXPECT_NE(report.find("array 'mac_list' with count 'mac_count' → bounded `vector<uint8>:6` 'mac'"),
            std::string::npos);
  Json mapping = Json::parse(result.files[1].text);
  EXPECT_EQ(mapping["library"]["fidl"], "example.gadget");
  const Json& misc = mapping["protocols"][0];
  EXPECT_EQ(misc["banjo"]["c_ops_type"], "misc_protocol_ops_t");
  EXPECT_EQ(misc["fidl"]["protocol"], "Device");
  EXPECT_EQ(misc["fidl"]["transport"], "channel");
  // How a migrated client connects (migrate-driver reads it): the renamed service member.
  EXPECT_EQ(misc["fidl"]["service"], Json({{"name", "Service"}, {"member", "gizmo"}}));
  EXPECT_EQ(misc["methods"][0]["fidl"]["method"], "Describe");
  EXPECT_EQ(misc["methods"][3]["banjo"]["protocol"], "GizmoIfc");
  EXPECT_EQ(misc["methods"][3]["fidl"]["kind"], "event");
  // Start only handed the interface over: the events replace it, and no empty method is left.
  EXPECT_TRUE(misc["methods"][2]["fidl"].is_null());
  EXPECT_EQ(misc["methods"][2]["replaced_by"], "events");
  EXPECT_EQ(misc["methods"][2]["parameters"][0]["becomes"], "dropped");
  EXPECT_EQ(mapping["protocols"][1]["fidl"]["events_on"], "Device");
  // Ordinals follow the new names, as the compiled clone has them.
  auto clone = fdfkit::idl::testing::Compile({{"clone.fidl", result.files[0].text}});
  ASSERT_TRUE(clone.ok) << clone.errors();
  const auto* device = clone.decl<fdfkit::idl::flat::Protocol>("example.gadget", "Device");
  ASSERT_NE(device, nullptr);
  EXPECT_EQ(misc["methods"][0]["fidl"]["ordinal"].get<uint64_t>(), device->methods[0].ordinal);
  EXPECT_TRUE(misc["methods"][4]["fidl"].is_null());
  EXPECT_EQ(misc["methods"][4]["refused"], "it returned data to the caller, and an event has no reply");
  EXPECT_EQ(misc["methods"][3]["fidl"]["ordinal"].get<uint64_t>(), device->methods[2].ordinal);
}

constexpr const char* kBoardLib = R"(library example.board;
type BoardInfo = struct { vid uint32; name string:32; rev Revision; };
type Revision = struct { major uint8; };
)";
constexpr const char* kBus = R"(library example.bus;
using zx;
using example.board;
@transport("Banjo")
@banjo_layout("ddk-protocol")
protocol Bus {
    GetBoardInfo() -> (struct { s zx.status; info example.board.BoardInfo; });
};
)";

// An ajar protocol takes flexible one-way methods and events only: a flexible two-way method there
// is the rule's error, located at the rule the user wrote, and nothing is written.
TEST_F(RulesApplied, AjarProtocolsRefuseFlexibleTwoWayMethodsAtTheRule) {
  std::string gizmo = Write("gizmo.fidl", kGizmo);
  auto method = Migrate({gizmo}, R"({"protocols": {"example.gizmo/Misc": {
      "openness": "ajar", "methods": {"Push": {"strictness": "flexible"}}}}})");
  EXPECT_FALSE(method.ok);
  EXPECT_TRUE(method.invalid_rules);
  EXPECT_TRUE(method.files.empty());
  EXPECT_EQ(method.errors,
            "patch.json: $.protocols[\"example.gizmo/Misc\"].methods.Push.strictness: error: [FDFMIG027] "
            "these rules make 'example.gizmo/Misc' ajar with the flexible two-way method 'Push', and an ajar "
            "protocol's flexible methods are one-way methods and events: open the protocol, or make the method "
            "strict\n");
  auto defaults = Migrate({gizmo}, R"({"defaults": {"openness": "ajar", "strictness": "flexible"},
                                       "protocols": {"example.gizmo/GizmoIfc": {"openness": "open"},
                                                     "example.gizmo/Misc": {"methods": {
                                           "GetInfo": {"strictness": "strict"},
                                           "Start": {"strictness": "strict"}}}}})");
  EXPECT_EQ(defaults.errors,
            "patch.json: $.defaults.strictness: error: [FDFMIG027] these rules make 'example.gizmo/Misc' "
            "ajar with the flexible two-way method 'Push', and an ajar protocol's flexible methods are one-way "
            "methods and events: open the protocol, or make the method strict\n");
  auto strict_two_way = Migrate({gizmo}, R"({"defaults": {"openness": "ajar", "strictness": "flexible"},
                                             "protocols": {"example.gizmo/GizmoIfc": {"strictness": "strict"},
                                                           "example.gizmo/Misc": {"strictness": "strict"}}})");
  EXPECT_TRUE(strict_two_way.ok) << strict_two_way.errors;
}

TEST_F(RulesApplied, UnmigratedDependenciesAreImportedOrCopied) {
  Write("lib/example.board/board.fidl", kBoardLib);
  std::string bus = Write("bus.fidl", kBus);
  auto imported = Migrate({bus});
  ASSERT_TRUE(imported.ok) << imported.errors;
  EXPECT_NE(imported.files[0].text.find("using example.board;"), std::string::npos);
  EXPECT_NE(imported.files[0].text.find("info example.board.BoardInfo;"), std::string::npos);
  EXPECT_NE(Report(imported).find("imports 'example.board', which is not migrated in this run"),
            std::string::npos);

  auto copied = Migrate({bus}, R"({"libraries": {"example.board": {"unmigrated": "copy"}}})");
  ASSERT_TRUE(copied.ok) << copied.errors;
  const std::string& fidl = copied.files[0].text;
  EXPECT_EQ(fidl.find("using example.board;"), std::string::npos) << fidl;
  EXPECT_NE(fidl.find("info TemporaryBoardInfo;"), std::string::npos);
  EXPECT_NE(fidl.find("type TemporaryBoardInfo = struct {\n    vid uint32;\n    name string:32;\n"
                      "    rev TemporaryRevision;\n};"),
            std::string::npos)
      << fidl;
  EXPECT_NE(fidl.find("type TemporaryRevision = struct {"), std::string::npos);
  EXPECT_NE(Report(copied).find("copied 'example.board.BoardInfo' as 'TemporaryBoardInfo'"),
            std::string::npos);

  // Migrated in the same run: imported, under its new name.
  std::string board = Write("board.fidl", kBoardLib);
  auto together = Migrate({board, bus}, R"({"libraries": {"example.board": {"rename": "example.b2",
                                            "unmigrated": "copy"}}})");
  ASSERT_TRUE(together.ok) << together.errors;
  EXPECT_EQ(together.files[3].name, "example.bus.fidl");
  EXPECT_NE(together.files[3].text.find("info example.b2.BoardInfo;"), std::string::npos)
      << together.files[3].text;
}

TEST_F(RulesApplied, TypeRulesReplaceDeclarationsAndImportTheirLibrary) {
  Write("lib/example.board/board.fidl", kBoardLib);
  Write("lib/example.shared/shared.fidl", "library example.shared;\ntype Info = struct { v uint32; };\n");
  auto result = Migrate({Write("bus.fidl", kBus)},
                        R"({"types": {"example.board/BoardInfo": {"to": "example.shared.Info",
                                                                    "note": "use the shared type"}}})");
  ASSERT_TRUE(result.ok) << result.errors;
  EXPECT_NE(result.files[0].text.find("using example.shared;"), std::string::npos);
  EXPECT_NE(result.files[0].text.find("info example.shared.Info;"), std::string::npos);
  EXPECT_NE(Report(result).find("is `example.board/BoardInfo` in banjo, written as "
                                "`example.shared.Info`: use the shared type"),
            std::string::npos)
      << Report(result);
}

int Cli(const std::string& arguments, std::string* output = nullptr) {
  auto run = fdfkit::idl::testing::RunCommand(std::string(MIGRATE_PROTOCOL_BINARY) + " " + arguments);
  if (output) *output = run.output;
  return run.exit_code;
}

TEST_F(RulesApplied, CommandLineRulesReportsAndDiffs) {
  std::string gizmo = Write("gizmo.fidl", kGizmo);
  std::string out = (dir_ / "out").string();
  std::string text;
  EXPECT_EQ(Cli(gizmo + " -o " + out + " --rules " + Write("bad.json", "{\"naming\": {\"x\": 1}}"),
                &text),
            2);
  EXPECT_NE(text.find("bad.json: $.naming.x: error: [FDFMIG003] unknown key"), std::string::npos)
      << text;
  EXPECT_TRUE(fs::is_empty(out));

  EXPECT_EQ(Cli(gizmo + " -o " + out + " --report=json --callbacks=events"), 0);
  Json report = Json::parse(fdfkit::idl::testing::ReadFile(dir_ / "out" / "example.gizmo.migration.json"));
  EXPECT_EQ(report["schema"], "fdfkit-migration-report/1");
  EXPECT_EQ(report["library"], "example.gizmo");
  EXPECT_FALSE(report["decisions"].empty());
  EXPECT_NE(report["decisions"][0]["where"].get<std::string>().find("gizmo.fidl:"),
            std::string::npos);

  // -o creates the directory, however deep.
  std::string nested = (dir_ / "new" / "deeper" / "out").string();
  EXPECT_EQ(Cli(gizmo + " -o " + nested), 0);
  EXPECT_TRUE(fs::exists(dir_ / "new" / "deeper" / "out" / "example.gizmo.fidl"));

  // A dry run against what is on disk prints a unified diff and writes nothing.
  std::string before = fdfkit::idl::testing::ReadFile(dir_ / "out" / "example.gizmo.fidl");
  EXPECT_EQ(Cli(gizmo + " -o " + out + " --report=json --dry-run", &text), 0);
  EXPECT_NE(text.find("--- " + out + "/example.gizmo.fidl\n+++ " + out + "/example.gizmo.fidl\n@@ "),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n-    strict -> OnChanged(struct {\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n+closed protocol GizmoIfc {\n"), std::string::npos) << text;
  EXPECT_EQ(fdfkit::idl::testing::ReadFile(dir_ / "out" / "example.gizmo.fidl"), before);
  EXPECT_EQ(Cli(gizmo + " -o " + out + " --report=json --callbacks=events --dry-run", &text), 0);
  EXPECT_EQ(text, "");  // nothing would change
  EXPECT_EQ(Cli(gizmo + " --callbacks=telepathy"), 2);
  EXPECT_EQ(Cli(gizmo + " --report=pdf"), 2);
}

// `--inventory`: each library takes the transport migrate-plan plans it with, and says so.
TEST_F(RulesApplied, TheInventoryChoosesTheTransport) {
  std::string gizmo = Write("gizmo.fidl", kGizmo);
  std::string out = (dir_ / "out").string();
  std::string inventory = Write("inventory.json", R"({"schema": "fdfkit-inventory/1",
    "protocols": [{"id": "example.other"}, {"id": "example.gizmo", "transport": "channel"}],
    "drivers": [{"id": "d", "serves": ["example.gizmo"]}],
    "boards": [{"id": "b", "hosts": [{"id": "h", "drivers": ["d"]}]}], "edges": []})");
  std::string text;
  ASSERT_EQ(Cli(gizmo + " -o " + out + " --inventory " + inventory, &text), 0) << text;
  std::string fidl = fdfkit::idl::testing::ReadFile(dir_ / "out" / "example.gizmo.fidl");
  EXPECT_EQ(fidl.find("@transport(\"Driver\")\nclosed protocol Misc"), std::string::npos) << fidl;
  Json mapping = Json::parse(fdfkit::idl::testing::ReadFile(dir_ / "out" / "example.gizmo.mapping.json"));
  EXPECT_EQ(mapping["protocols"][0]["fidl"]["transport"], "channel");
  EXPECT_EQ(mapping["protocols"][0]["fidl"]["transport_from"]["source"], "inventory");
  EXPECT_EQ(mapping["protocols"][0]["fidl"]["transport_from"]["where"],
            inventory + ": $.protocols[1].transport");
  // A protocol the inventory lists without a transport leaves the choice to the rules.
  fs::remove_all(dir_ / "out");
  std::string silent = Write("silent.json", R"({"schema": "fdfkit-inventory/1",
    "protocols": [{"id": "example.gizmo"}], "drivers": [{"id": "d", "serves": ["example.gizmo"]}],
    "boards": [{"id": "b", "hosts": [{"id": "h", "drivers": ["d"]}]}], "edges": []})");
  ASSERT_EQ(Cli(gizmo + " -o " + out + " --transport channel --inventory " + silent, &text), 0) << text;
  mapping = Json::parse(fdfkit::idl::testing::ReadFile(dir_ / "out" / "example.gizmo.mapping.json"));
  EXPECT_EQ(mapping["protocols"][0]["fidl"]["transport_from"]["where"], "command line: --transport");
  // An inventory that is not valid is refused with migrate-plan's own diagnostics.
  fs::remove_all(dir_ / "out");
  std::string broken = Write("broken.json", R"({"schema": "fdfkit-inventory/1", "protocols": [],
    "drivers": [{"id": "d", "serves": ["nope"]}], "boards": [], "edges": []})");
  EXPECT_EQ(Cli(gizmo + " -o " + out + " --inventory " + broken, &text), 2);
  EXPECT_NE(text.find(broken + ": error: [FDFMIG030] the inventory is not valid"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(broken + ": $.drivers[0].serves[0]: error: [FDFPLAN032]"), std::string::npos)
      << text;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

}  // namespace
