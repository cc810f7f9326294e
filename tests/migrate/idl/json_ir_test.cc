// The JSON IR: golden files per corpus library (one per dialect), determinism, and the formatter's
// promise that its output re-parses to the same IR and formats to itself.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "migrate/idl/formatter.h"
#include "migrate/idl/json_ir.h"
#include "tests/migrate/idl/idl_test_support.h"

namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

fs::path GoldenDir() { return fs::path(FDFKIT_SOURCE_DIR) / "tests" / "migrate" / "idl" / "golden"; }

std::string IrText(const fdfkit::idl::testing::Compiled& c, const std::string& library) {
  return fdfkit::idl::IrText(c.library(library), *c.files, fdfkit::idl::IrStyle::kPretty);
}

TEST(JsonIr, MatchesTheGoldenFileOfEveryCorpusLibrary) {
  bool update = std::getenv("FDFKIT_UPDATE_GOLDEN") != nullptr;
  auto libraries = fdfkit::idl::testing::CorpusLibraries();
  ASSERT_FALSE(libraries.empty());
  for (const auto& files : libraries) {
    const fs::path& path = files.front();
    auto c = fdfkit::idl::testing::CompileCorpusLibrary(files);
    ASSERT_TRUE(c.ok) << c.errors();
    const std::string& library = c.compiler->raw_files()[0]->library;
    std::string ir = IrText(c, library);
    fs::path golden = GoldenDir() / (library + ".ir.json");
    if (update) {
      std::ofstream(golden, std::ios::binary) << ir;
      continue;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " (regenerate with FDFKIT_UPDATE_GOLDEN=1)";
    EXPECT_EQ(ir, fdfkit::idl::testing::ReadFile(golden)) << "IR of " << path << " differs from " << golden;
  }
}

TEST(JsonIr, IsDeterministic) {
  for (const auto& files : fdfkit::idl::testing::CorpusLibraries()) {
    auto first = fdfkit::idl::testing::CompileCorpusLibrary(files);
    auto second = fdfkit::idl::testing::CompileCorpusLibrary(files);
    const std::string& library = first.compiler->raw_files()[0]->library;
    EXPECT_EQ(IrText(first, library), IrText(second, library)) << files.front();
  }
}

TEST(JsonIr, DescribesTypesMethodsAndBanjoAttributes) {
  auto c = fdfkit::idl::testing::Compile({{"fan.banjo", R"(library example.fan;
[BanjoLayout = "ddk-protocol"]
protocol Fan {
    /// Reads the speed.
    ReadRpm() -> (zx.status s, uint32 rpm);
};
)"}});
  ASSERT_TRUE(c.ok) << c.errors();
  Json ir = fdfkit::idl::LibraryToJson(c.library("example.fan"), *c.files);
  EXPECT_EQ(ir["schema"], "fdfkit-idl-ir/2");
  EXPECT_EQ(ir["dialect"], "banjo-v2");
  const Json& protocol = ir["protocol_declarations"][0];
  EXPECT_EQ(protocol["name"], "example.fan/Fan");
  EXPECT_EQ(protocol["openness"], "closed");
  EXPECT_EQ(protocol["attributes"][0]["name"], "BanjoLayout");  // verbatim
  EXPECT_EQ(protocol["attributes"][0]["canonical_name"], "banjo_layout");
  EXPECT_EQ(protocol["attributes"][0]["arguments"][0]["value"]["value"], "ddk-protocol");
  const Json& method = protocol["methods"][0];
  EXPECT_EQ(method["kind"], "two_way");
  EXPECT_EQ(method["selector"], "example.fan/Fan.ReadRpm");
  EXPECT_EQ(method["attributes"][0]["name"], "doc");
  EXPECT_EQ(method["maybe_response_payload"]["identifier"], "example.fan/FanReadRpmResponse");
  EXPECT_EQ(method["response_message"]["header_size"], 16);
  EXPECT_EQ(method["response_message"]["max_message_size"], 24);
  const Json& response = ir["struct_declarations"][0];
  EXPECT_EQ(response["name"], "example.fan/FanReadRpmResponse");
  EXPECT_EQ(response["is_anonymous"], true);
  EXPECT_EQ(response["members"][1]["field_shape_v2"]["offset"], 4);
  EXPECT_EQ(response["members"][0]["type"]["subtype"], "int32");  // zx.status → int32
}

// What the formatter may change: locations, file names, the dialect, attribute spellings
// (`[Layout]` → `@banjo_layout`) and the implied banjo transport it writes out.
Json Semantics(Json ir, bool drop_transport) {
  if (ir.is_object()) {
    for (const char* key : {"location", "files", "dialect", "expression"}) ir.erase(key);
    if (ir.contains("attributes")) {
      Json attributes = Json::object();
      for (const Json& a : ir["attributes"]) {
        std::string name = a["canonical_name"];
        if (name == "layout") name = "banjo_layout";
        if (name == "transport" && drop_transport) continue;
        Json args = Json::array();
        for (const Json& arg : a["arguments"]) args.push_back(arg["value"]["value"]);
        attributes[name] = args;
      }
      ir["attributes"] = attributes;
    }
    for (auto& [key, value] : ir.items()) {
      if (key != "attributes") value = Semantics(value, drop_transport);
    }
  } else if (ir.is_array()) {
    for (Json& item : ir) item = Semantics(item, drop_transport);
  }
  return ir;
}

TEST(Format, OutputReparsesToTheSameIrAndIsIdempotent) {
  for (const auto& files : fdfkit::idl::testing::CorpusLibraries()) {
    if (files.size() != 1) continue;  // one formatted file stands for one library
    const fs::path& path = files.front();
    auto original = fdfkit::idl::testing::CompileCorpusLibrary(files);
    ASSERT_TRUE(original.ok) << original.errors();
    const fdfkit::idl::raw::File& raw = *original.compiler->raw_files()[0];
    fdfkit::idl::NameKinds kinds;
    fdfkit::idl::CollectNameKinds(raw, &kinds);
    std::string formatted = fdfkit::idl::Format(
        raw, kinds, fdfkit::idl::HintsFrom(original.library(raw.library)));

    auto reparsed = fdfkit::idl::testing::Compile({{"formatted.fidl", formatted}},
                                          {fdfkit::idl::testing::CorpusDir().string()});
    ASSERT_TRUE(reparsed.ok) << path << "\n" << reparsed.errors() << formatted;
    bool banjo = path.extension() == ".banjo";
    Json before = Semantics(fdfkit::idl::LibraryToJson(original.library(raw.library), *original.files), banjo);
    Json after = Semantics(fdfkit::idl::LibraryToJson(reparsed.library(raw.library), *reparsed.files), banjo);
    EXPECT_EQ(before.dump(1), after.dump(1)) << path << "\n" << formatted;

    const fdfkit::idl::raw::File& again = *reparsed.compiler->raw_files()[0];
    fdfkit::idl::NameKinds again_kinds;
    fdfkit::idl::CollectNameKinds(again, &again_kinds);
    EXPECT_EQ(fdfkit::idl::Format(again, again_kinds,
                              fdfkit::idl::HintsFrom(reparsed.library(raw.library))),
              formatted)
        << path;
  }
}

TEST(JsonIr, TextThatIsNotUtf8IsReplacedNotFatal) {
  auto c = fdfkit::idl::testing::Compile("library bad.utf8;\n/// caf\xe9\ntype S = struct {};\n");
  ASSERT_TRUE(c.ok) << c.errors();
  std::string text = IrText(c, "bad.utf8");
  EXPECT_NE(text.find("caf\xef\xbf\xbd"), std::string::npos);  // U+FFFD
}

}  // namespace
