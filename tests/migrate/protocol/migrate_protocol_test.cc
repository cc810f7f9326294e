// migrate-protocol: exact clones of small banjo libraries, the §3.3 rows they exercise, the
// mapping, the report, idempotence, refusal of bad input, and the command line.
#include "migrate/protocol/migrate_protocol.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/migrate/idl/idl_test_support.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class MigrateProtocol : public fdfkit::idl::testing::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    fs::create_directories(dir_ / "out");
  }
  fdfkit::protocol::MigrateResult Migrate(const std::string& path) {
    return fdfkit::protocol::MigrateProtocols({path}, {}, fdfkit::protocol::DefaultOptions());
  }
  static const std::string& Output(const fdfkit::protocol::MigrateResult& r, const std::string& suffix) {
    for (const auto& file : r.files) {
      if (file.name.ends_with(suffix)) return file.text;
    }
    static const std::string kNone;
    return kNone;
  }
};

constexpr const char* kFanBanjo = R"(library example.fan;
using zx;
enum FanState : uint32 { OFF = 0; HIGH = 1; };
[BanjoLayout = "ddk-protocol"]
protocol Fan {
    /// Sets the state.
    SetState(FanState state) -> (zx.status s);
    GetTachInterrupt() -> (zx.status s, zx.handle:INTERRUPT irq);
};
)";

TEST_F(MigrateProtocol, ClonesALegacyBanjoProtocolIntoDriverTransportFidl) {
  auto result = Migrate(Write("fan.banjo", kFanBanjo));
  ASSERT_TRUE(result.ok) << result.errors;
  ASSERT_EQ(result.files.size(), 3u);
  EXPECT_EQ(result.files[0].name, "example.fan.fidl");
  EXPECT_EQ(result.files[0].text, R"(library example.fan;

using zx;

type FanState = strict enum : uint32 {
    OFF = 0;
    HIGH = 1;
};

@discoverable
@transport("Driver")
closed protocol Fan {
    /// Sets the state.
    strict SetState(struct {
        state FanState;
    }) -> () error zx.Status;

    strict GetTachInterrupt() -> (resource struct {
        irq zx.Handle:INTERRUPT;
    }) error zx.Status;
};

service Service {
    device client_end:Fan;
};
)");
}

TEST_F(MigrateProtocol, MappingNamesBanjoSpellingsAndTheNewOrdinals) {
  auto result = Migrate(Write("fan.banjo", kFanBanjo));
  ASSERT_TRUE(result.ok) << result.errors;
  Json mapping = Json::parse(Output(result, ".mapping.json"));
  EXPECT_EQ(mapping["schema"], "fdfkit-mapping/1");
  const Json& protocol = mapping["protocols"][0];
  EXPECT_EQ(protocol["banjo"]["c_ops_type"], "fan_protocol_ops_t");
  EXPECT_EQ(protocol["banjo"]["protocol_id"], "ZX_PROTOCOL_FAN");
  const Json& method = protocol["methods"][1];
  EXPECT_EQ(method["banjo"]["cpp_mixin"], "FanGetTachInterrupt");
  EXPECT_EQ(method["banjo"]["cpp_client"], "GetTachInterrupt");
  EXPECT_EQ(method["status"], "error_syntax");
  EXPECT_EQ(method["parameters"][0]["becomes"], "error");
  EXPECT_EQ(method["parameters"][1]["c"][0], "out_irq");
  EXPECT_EQ(method["parameters"][1]["becomes"], "response");
  // The ordinal is the one the compiled clone has.
  auto clone = fdfkit::idl::testing::Compile({{"clone.fidl", result.files[0].text}});
  ASSERT_TRUE(clone.ok) << clone.errors();
  const auto* fan = clone.decl<fdfkit::idl::flat::Protocol>("example.fan", "Fan");
  ASSERT_NE(fan, nullptr);
  EXPECT_EQ(method["fidl"]["ordinal"].get<uint64_t>(), fan->methods[1].ordinal);
}

TEST_F(MigrateProtocol, AsyncBuffersInPlaceDataInterfacesAndPointersAreTranslatedOrFlagged) {
  auto result = Migrate(Write("block.fidl", R"(library test.block;
using zx;
type BlockOp = struct { length uint32; };
@transport("Banjo")
@banjo_layout("ddk-interface")
closed protocol BlockCallback {
    strict Done(struct { status zx.Status; });
};
@transport("Banjo")
@banjo_layout("ddk-protocol")
closed protocol BlockImpl {
    @async
    strict Queue(resource struct { @in_out op BlockOp; cb client_end:BlockCallback; }) -> (struct { status zx.Status; op BlockOp; });
    strict Read(struct { @buffer @mutable data vector<uint8>:MAX; cookie uint64; }) -> (struct { s zx.Status; });
};
)"));
  ASSERT_TRUE(result.ok) << result.errors;
  const std::string& fidl = result.files[0].text;
  EXPECT_NE(fidl.find("@transport(\"Driver\")\nclosed protocol BlockCallback"), std::string::npos) << fidl;
  EXPECT_EQ(fidl.find("@discoverable\n@transport(\"Driver\")\nclosed protocol BlockCallback"),
            std::string::npos);  // an interface is handed over, not discovered
  EXPECT_NE(fidl.find("    strict Queue(resource struct {\n        op BlockOp;\n        cb "
                      "client_end:BlockCallback;\n    }) -> (struct {\n        op BlockOp;\n    }) "
                      "error zx.Status;"),
            std::string::npos)
      << fidl;
  EXPECT_EQ(fidl.find("@async"), std::string::npos);
  EXPECT_EQ(fidl.find("@buffer"), std::string::npos);
  EXPECT_NE(fidl.find("service Service {\n    device client_end:BlockImpl;\n};"), std::string::npos);
  EXPECT_EQ(fidl.find("client_end:BlockCallback;\n};"), std::string::npos);  // one service only

  const std::string& report = Output(result, ".migration.md");
  EXPECT_NE(report.find("@async 'Queue' → an ordinary two-way method"), std::string::npos) << report;
  EXPECT_NE(report.find("@buffer on 'data' dropped"), std::string::npos);
  // In-place data the clone returns is a change, with its location, not left to a human: 'data'
  // comes back explicitly; 'op' was already in the response.
  size_t left = report.find("## Left to a human");
  ASSERT_NE(left, std::string::npos);
  EXPECT_NE(report.find("block.fidl:13:"), std::string::npos);
  EXPECT_EQ(report.find("'op' had @in_out", left), std::string::npos) << report;
  EXPECT_EQ(report.find("'data' had @mutable", left), std::string::npos) << report;
  EXPECT_NE(report.find("'op' was written in place; the response already returns it as 'op'"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("'data' was written in place: it is now also a response field"),
            std::string::npos);
  EXPECT_NE(fidl.find("    strict Read(struct {\n        data vector<uint8>:MAX;\n        cookie "
                      "uint64;\n    }) -> (struct {\n        data vector<uint8>:MAX;\n    }) error "
                      "zx.Status;"),
            std::string::npos)
      << fidl;

  Json mapping = Json::parse(Output(result, ".mapping.json"));
  const Json& queue = mapping["protocols"][1]["methods"][0];
  EXPECT_EQ(queue["banjo"]["async"], true);
  EXPECT_EQ(queue["banjo"]["c_callback"], "block_impl_queue_callback");
  const Json& parameters = queue["parameters"];
  EXPECT_EQ(parameters.back()["banjo"], "cookie");
  EXPECT_EQ(parameters.back()["becomes"], "dropped");
  const Json& read = mapping["protocols"][1]["methods"][1]["parameters"];
  EXPECT_EQ(read[0]["c"], Json::array({"data_buffer", "data_size"}));
}

// Banjo names FIDL rejects are respelled, and said so; enum aliases become constants; comments,
// named bounds, hex values and symbolic rights survive.
TEST_F(MigrateProtocol, CloneKeepsTheTextAndRespellsWhatFidlRejects) {
  auto result = Migrate(Write("audio.banjo", R"(// Copyright 2019 The Authors.

// Sample formats, named by their bit depth.
library ddk.protocol.audiotypes;

using zx;

const uint32 MAX_FORMATS = 0x10;

enum AudioSampleFormat : uint32 {
    @8BIT = 0x2;  // unsigned
    @16BIT = 0x4;
    ALSO_8BIT = 0x2;
};

struct Ring {
    handle<vmo> vmo;
    vector<AudioSampleFormat>:MAX_FORMATS formats; // preferred first
};

[Layout = "ddk-protocol"]
protocol Audio {
    // Starts the ring.
    Start(Ring ring) -> (zx.status s);
};
)"));
  ASSERT_TRUE(result.ok) << result.errors;
  EXPECT_EQ(Output(result, ".fidl"), R"(// Copyright 2019 The Authors.

// Sample formats, named by their bit depth.
library ddk.protocol.audiotypes;

using zx;

const MAX_FORMATS uint32 = 0x10;

type AudioSampleFormat = strict enum : uint32 {
    EIGHT_BIT = 0x2; // unsigned
    SIXTEEN_BIT = 0x4;
};

const ALSO_8BIT AudioSampleFormat = AudioSampleFormat.EIGHT_BIT;

type Ring = resource struct {
    vmo zx.Handle:VMO;
    formats vector<AudioSampleFormat>:MAX_FORMATS; // preferred first
};

@discoverable
@transport("Driver")
closed protocol Audio {
    // Starts the ring.
    strict Start(resource struct {
        ring Ring;
    }) -> () error zx.Status;
};

service Service {
    device client_end:Audio;
};
)");
  const std::string& report = Output(result, ".migration.md");
  EXPECT_NE(report.find("'8BIT' written 'EIGHT_BIT': a FIDL name starts with a letter"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("enum member 'ALSO_8BIT' repeats the value of '8BIT': modern FIDL's "
                        "cannot, so it is the constant 'ALSO_8BIT'"),
            std::string::npos)
      << report;
}

TEST_F(MigrateProtocol, PointerSizedTypesAreFlaggedNotGuessed) {
  auto result = Migrate(Write("p.banjo", R"(library test.ptr;
[Layout = "ddk-protocol"]
protocol Ptr {
    Set(usize context, vector<voidptr> items) -> ();
};
)"));
  ASSERT_TRUE(result.ok) << result.errors;
  EXPECT_NE(result.files[0].text.find("context uint64;"), std::string::npos) << result.files[0].text;
  const std::string& report = Output(result, ".migration.md");
  EXPECT_NE(report.find("p.banjo:4:"), std::string::npos) << report;
  // `context` is named like a pointer; `items` was a v1 byte buffer.
  EXPECT_NE(report.find("'context' looks like it holds an address"), std::string::npos) << report;
  EXPECT_NE(report.find("member 'items' is `vector<voidptr>` in banjo, written as `vector<uint8>`"),
            std::string::npos)
      << report;
  EXPECT_NE(result.files[0].text.find("items vector<uint8>:MAX;"), std::string::npos);
}

// Found by migrate_fuzzer: a layout name with bytes that are not UTF-8 made the JSON writer throw.
TEST_F(MigrateProtocol, InvalidUtf8InNamesStillGivesValidJson) {
  auto result = fdfkit::protocol::MigrateSources(
      {{"bad.fidl", "library x;\n@transport(\"Ba\xffjo\")\n@banjo_layout(\"ddk-pr\x91ocol\")\n"
                    "closed protocol P {\n    strict M() -> ();\n};\n"}},
      {}, fdfkit::protocol::DefaultOptions());
  ASSERT_TRUE(result.ok) << result.errors;
  Json mapping = Json::parse(Output(result, ".mapping.json"));
  // A layout banjo does not know is read as the default, as fidlgen_banjo did.
  EXPECT_EQ(mapping["protocols"][0]["banjo"]["layout"], "ddk-protocol");
}

TEST_F(MigrateProtocol, BadInputIsRefusedWithLocationsAndWritesNothing) {
  auto result = Migrate(Write("bad.banjo", "library bad;\nprotocol P { M(Nope x) -> (); };\n"));
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(result.files.empty());
  EXPECT_NE(result.errors.find("bad.banjo:2:"), std::string::npos) << result.errors;
  EXPECT_NE(result.errors.find("'Nope' is not defined"), std::string::npos);
}

int MigrateProtocolCli(const std::string& arguments) {
  return fdfkit::idl::testing::RunCommand(std::string(MIGRATE_PROTOCOL_BINARY) + " " + arguments).exit_code;
}

TEST_F(MigrateProtocol, CommandLineWritesChecksAndDryRuns) {
  std::string fan = Write("fan.banjo", kFanBanjo);
  std::string out = (dir_ / "out").string();
  EXPECT_EQ(MigrateProtocolCli(fan + " -o " + out + " --check"), 1);  // nothing written yet: stale
  EXPECT_EQ(MigrateProtocolCli(fan + " -o " + out + " --dry-run"), 0);
  EXPECT_TRUE(fs::is_empty(out));
  EXPECT_EQ(MigrateProtocolCli(fan + " -o " + out), 0);
  EXPECT_TRUE(fs::exists(dir_ / "out" / "example.fan.fidl"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "example.fan.mapping.json"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "example.fan.migration.md"));
  EXPECT_EQ(MigrateProtocolCli(fan + " -o " + out + " --check"), 0);
  std::ofstream(dir_ / "out" / "example.fan.fidl", std::ios::app) << "// edited\n";
  EXPECT_EQ(MigrateProtocolCli(fan + " -o " + out + " --check"), 1);
  // Bad input: exit 1, no file touched; usage errors: exit 2.
  std::string bad = Write("bad.banjo", "library bad;\nprotocol P { M(Nope x) -> (); };\n");
  EXPECT_EQ(MigrateProtocolCli(bad + " -o " + out), 1);
  EXPECT_FALSE(fs::exists(dir_ / "out" / "bad.fidl"));
  EXPECT_EQ(MigrateProtocolCli(fan + " --transport=carrier-pigeon"), 2);
  EXPECT_EQ(MigrateProtocolCli(fan + " --check --dry-run"), 2);
}

}  // namespace
