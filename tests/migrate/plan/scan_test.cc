// ScanTree over the bundled corpus tree and over small broken trees.
#include <gtest/gtest.h>

#include <map>

#include <filesystem>
#include <fstream>
#include <set>

#include "support/read_file.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/scan/scanner.h"

#ifndef FDFKIT_CORPUS_DIR
#error "FDFKIT_CORPUS_DIR must name corpus/"
#endif

namespace fdfkit::plan::scan {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

ScanResult ScanCorpus(const std::string& name = "tree") {
  std::string tree = std::string(FDFKIT_CORPUS_DIR) + "/" + name;
  ScanRulesLoad rules = LoadScanRules(fdfkit::support::ReadFile(tree + "/overlay.json").value(), "overlay.json");
  EXPECT_TRUE(rules.errors.empty());
  return ScanTree(tree, *rules.rules, rules.overlay);
}

const Json& Find(const Json& list, const std::string& id) {
  for (const Json& item : list) {
    if (item["id"] == id) return item;
  }
  static const Json none;
  ADD_FAILURE() << "no " << id;
  return none;
}

// Sorted "from>to:protocol@board" of every banjo edge, and "driver,driver" of every host.
std::set<std::string> Edges(const Json& inventory) {
  std::set<std::string> out;
  for (const Json& e : inventory["edges"]) {
    out.insert(e["from"].get<std::string>() + ">" + e["to"].get<std::string>() + ":" +
               e["protocol"].get<std::string>() + "@" + e["board"].get<std::string>());
  }
  return out;
}

std::set<std::string> Hosts(const Json& board) {
  std::set<std::string> out;
  for (const Json& host : board["hosts"]) {
    std::set<std::string> drivers(host["drivers"].begin(), host["drivers"].end());
    std::string joined;
    for (const std::string& d : drivers) joined += (joined.empty() ? "" : ",") + d;
    out.insert(joined);
  }
  return out;
}

// corpus/fuchsia-tree is shaped as a real checkout: what a person reading its files finds, stated
// here by hand (not from a run of the tool), must be what the scan finds.
TEST(Scan, FuchsiaShapedTreeFacts) {
  ScanResult r = ScanCorpus("fuchsia-tree");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  const Json& inv = r.inventory;
  EXPECT_TRUE(plan::ParseInventory(inv.dump()).errors.empty());
  struct Facts {
    const char* id;
    std::vector<std::string> serves, consumes;
    bool dual_binary;
    const char* team;
    const char* status = "banjo";
  };
  const std::vector<Facts> facts = {
      // mixin in a header sources does not list; the driver is declared by an in-tree template;
      // an fdf::WireServer and the _cpp_driver dep beside the banjo one: half migrated
      {"aml-gpio", {"fuchsia.hardware.gpioimpl"}, {}, false, "gpio", "dual"},
      // compat::BanjoServer and DeviceServer::BanjoConfig by ZX_PROTOCOL id; its sources are
      // partly generated
      {"aml-i2c", {"fuchsia.hardware.i2cimpl"}, {}, false, "i2c"},
      // one of its sources is not in the checkout
      {"aml-sdmmc", {"fuchsia.hardware.sdmmc"}, {}, false, "block"},
      // BanjoConfig callbacks[ZX_PROTOCOL_SERIAL_IMPL_ASYNC]
      {"aml-uart", {"fuchsia.hardware.serialimpl.async"}, {}, false, "serial"},
      // compat::ConnectBanjo; one source is empty
      {"bt-transport-uart", {}, {"fuchsia.hardware.serialimpl.async"}, false, "connectivity"},
      // device_get_fragment_protocol(ZX_PROTOCOL_GPIO); its I2C parent is FIDL
      // (BIND_FIDL_PROTOCOL): a banjo node and a FIDL node is not a dual binding
      {"focaltech", {}, {"fuchsia.hardware.gpio"}, false, "ui"},
      // binds either flavour through bind aliases: a dual binary
      {"gpio", {"fuchsia.hardware.gpio"}, {"fuchsia.hardware.gpioimpl"}, true, "gpio"},
      {"i2c", {"fuchsia.hardware.i2c"}, {"fuchsia.hardware.i2cimpl"}, false, "i2c"},
      // device_get_protocol(ZX_PROTOCOL_SDMMC)
      {"sdmmc", {}, {"fuchsia.hardware.sdmmc"}, false, "block"},
      // device_get_fragment_protocol(ZX_PROTOCOL_I2C); on vim3 only (the board's argument)
      {"ti-tca6408a", {"fuchsia.hardware.gpioimpl"}, {"fuchsia.hardware.i2c"}, false, "gpio"},
  };
  ASSERT_EQ(inv["drivers"].size(), facts.size());
  for (const Facts& f : facts) {
    SCOPED_TRACE(f.id);
    const Json& d = Find(inv["drivers"], f.id);
    EXPECT_EQ(d["serves"], Json(f.serves));
    EXPECT_EQ(d["consumes"], Json(f.consumes));
    EXPECT_EQ(d["dual_binary"], f.dual_binary);
    EXPECT_EQ(d["team"], f.team);
    EXPECT_EQ(d["status"], f.status);
  }
  EXPECT_EQ(Edges(inv), (std::set<std::string>{
                            "aml-gpio>gpio:fuchsia.hardware.gpioimpl@av400",
                            "aml-gpio>gpio:fuchsia.hardware.gpioimpl@vim3",
                            "aml-i2c>i2c:fuchsia.hardware.i2cimpl@av400",
                            "aml-i2c>i2c:fuchsia.hardware.i2cimpl@vim3",
                            "aml-sdmmc>sdmmc:fuchsia.hardware.sdmmc@av400",
                            "aml-sdmmc>sdmmc:fuchsia.hardware.sdmmc@vim3",
                            "aml-uart>bt-transport-uart:fuchsia.hardware.serialimpl.async@vim3",
                            "gpio>focaltech:fuchsia.hardware.gpio@vim3",
                            "i2c>ti-tca6408a:fuchsia.hardware.i2c@vim3",
                            "ti-tca6408a>gpio:fuchsia.hardware.gpioimpl@vim3",
                        }));
  ASSERT_EQ(inv["service_edges"].size(), 1u);
  EXPECT_EQ(inv["service_edges"][0]["service"], "fuchsia.hardware.i2c.Service");
  EXPECT_EQ(inv["service_edges"][0]["to"], "focaltech");
  // vim3 is both a .gni and a board_configuration; av400 only the latter. The gpio core runs in
  // both pin controllers' hosts on vim3 (the overlay places the second instance).
  ASSERT_EQ(inv["boards"].size(), 2u);
  const Json& vim3 = Find(inv["boards"], "vim3");
  EXPECT_EQ(vim3["gni"], "boards/vim3.gni");
  EXPECT_EQ(Hosts(vim3), (std::set<std::string>{"aml-gpio,gpio", "aml-i2c,gpio,i2c,ti-tca6408a", "aml-sdmmc,sdmmc",
                                                "aml-uart,bt-transport-uart", "focaltech"}));
  const Json& av400 = Find(inv["boards"], "av400");
  EXPECT_EQ(av400["gni"], "boards/av400/BUILD.gn");
  EXPECT_EQ(Hosts(av400), (std::set<std::string>{"aml-gpio,gpio", "aml-i2c,i2c", "aml-sdmmc,sdmmc"}));
  EXPECT_EQ(Find(inv["protocols"], "fuchsia.hardware.gpioimpl")["status"], "cloned");
  EXPECT_EQ(Find(inv["protocols"], "fuchsia.hardware.serialimpl.async")["status"], "banjo");
}

TEST(Scan, CorpusTreeFacts) {
  ScanResult r = ScanCorpus();
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  ASSERT_EQ(r.unresolved.size(), 1u);
  EXPECT_EQ(r.unresolved[0].Text(),
            "boards/vim3.gni:17: warning: [FDFPLAN132] unresolved: board label "
            "//src/devices/bus/drivers/pci:bus-pci is not defined in the tree; its drivers are not in the inventory");
  const Json& inv = r.inventory;
  EXPECT_TRUE(plan::ParseInventory(inv.dump()).errors.empty());
  // Serves vs consumes from mixins, clients and bind rules; status from successor deps.
  const Json& dwmac = Find(inv["drivers"], "dwmac");
  EXPECT_EQ(dwmac["serves"], Json({"fuchsia.hardware.ethernet.mac"}));
  EXPECT_EQ(dwmac["consumes"], Json({"fuchsia.hardware.ethernet.board"}));
  EXPECT_EQ(dwmac["status"], "dual");  // :package-fidl exists and has no banjo deps
  EXPECT_EQ(dwmac["effort"], 3);       // from the overlay
  EXPECT_EQ(dwmac["banjo_only_files"],
            Json({"src/connectivity/ethernet/drivers/dwmac/dwmac-banjo.cc",
                  "src/connectivity/ethernet/drivers/dwmac/dwmac-banjo.h",
                  "src/connectivity/ethernet/drivers/dwmac/meta/dwmac.cml"}));
  const Json& gpio = Find(inv["drivers"], "gpio-core");
  EXPECT_EQ(gpio["status"], "dual");
  EXPECT_EQ(gpio["dual_binary"], true);  // binds a banjo or a driver-transport parent
  EXPECT_EQ(Find(inv["drivers"], "wlanphy")["status"], "dual");
  EXPECT_EQ(Find(inv["drivers"], "aml-gpio")["status"], "banjo");
  EXPECT_EQ(Find(inv["drivers"], "i2c-core")["colocate"], true);  // from BUILD.gn
  EXPECT_EQ(Find(inv["drivers"], "aml-sdmmc")["team"], "block");
  EXPECT_EQ(Find(inv["drivers"], "aml-ethernet")["team"], "ethernet");  // overlay's team_path
  // Protocols: cloned when the successor library exists; transport from its attribute.
  EXPECT_EQ(Find(inv["protocols"], "fuchsia.hardware.gpioimpl")["status"], "cloned");
  EXPECT_EQ(Find(inv["protocols"], "fuchsia.hardware.wlanphyimpl")["successor"], "fuchsia.wlan.phyimpl");
  EXPECT_EQ(Find(inv["protocols"], "fuchsia.hardware.sdmmc")["status"], "banjo");
  // Hosts from colocation; the overlay adds a second SD controller on pinecrest.
  const Json& vim3 = Find(inv["boards"], "vim3");
  EXPECT_EQ(Find(vim3["hosts"], "vim3/aml-ethernet")["drivers"], Json({"aml-ethernet", "dwmac"}));
  EXPECT_EQ(Find(vim3["hosts"], "vim3/brcmfmac")["drivers"], Json({"brcmfmac", "wlanphy"}));
  const Json& pinecrest = Find(inv["boards"], "pinecrest");
  EXPECT_EQ(pinecrest["hosts"].size(), 4u);
  EXPECT_EQ(Find(pinecrest["hosts"], "pinecrest/aml-sdmmc#2")["drivers"], Json({"aml-sdmmc"}));
  // Label entries keep where they are written: i2c-core comes from the shared import.
  bool shared = false;
  for (const Json& e : pinecrest["labels"]) {
    if (e["driver"] == "i2c-core") shared = e["file"] == "boards/common/arm64-common.gni" && e["line"] == 2;
  }
  EXPECT_TRUE(shared);
  Json expected_edge = {{"from", "aml-ethernet"}, {"to", "dwmac"}, {"protocol", "fuchsia.hardware.ethernet.board"}, {"board", "vim3"}};
  EXPECT_NE(std::find(inv["edges"].begin(), inv["edges"].end(), expected_edge), inv["edges"].end());
}

class ScanBrokenTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("fdfkit-scan-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    Write("boards/b.gni", "board_bootfs_labels = [ \"//d\" ]\n");
    Write("d/BUILD.gn", "fuchsia_driver_component(\"d\") {\n  manifest = \"meta/d.cml\"\n  deps = [ \"//sdk/banjo/p:p_banjo_cpp\" ]\n}\n");
    Write("d/meta/d.cml", "{ program: { colocate: 'false' } }");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& path, const std::string& text) {
    fs::create_directories((root_ / path).parent_path());
    std::ofstream(root_ / path) << text;
  }
  ScanResult Scan(const std::string& overlay = "") {
    ScanRulesLoad rules = LoadScanRules(overlay, overlay.empty() ? "" : "o.json");
    EXPECT_TRUE(rules.errors.empty());
    return ScanTree(root_.string(), *rules.rules, rules.overlay);
  }
  fs::path root_;
};

TEST_F(ScanBrokenTree, MinimalTreeScansWithDirectionUnknown) {
  ScanResult r = Scan();
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  ASSERT_EQ(r.unresolved.size(), 1u);
  EXPECT_EQ(r.unresolved[0].Text(),
            "d/BUILD.gn:3: warning: [FDFPLAN142] unresolved: d depends on banjo p but no mixin, client or bind "
            "rule shows the direction; counted as consumed");
  // Printed for a user, the file is named under the tree root.
  EXPECT_EQ(r.unresolved[0].Text("tree").substr(0, 18), "tree/d/BUILD.gn:3:");
  EXPECT_EQ(r.inventory["boards"][0]["hosts"][0]["id"], "b/d");
}

// A library whose successor is not in the tree takes the transport migrate-protocol's default
// rules choose for it (Fuchsia moved consumer-facing gpio to channels), so the plan and the clones
// agree; a library the rules say nothing about takes the scan rules' default.
TEST_F(ScanBrokenTree, TransportsWithoutASuccessorComeFromTheDefaultRules) {
  Write("d/BUILD.gn", "fuchsia_driver_component(\"d\") {\n  manifest = \"meta/d.cml\"\n  deps = [ "
                      "\"//sdk/banjo/fuchsia.hardware.gpio:fuchsia.hardware.gpio_banjo_cpp\", "
                      "\"//sdk/banjo/p:p_banjo_cpp\" ]\n}\n");
  ScanResult r = Scan();
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  std::map<std::string, std::pair<std::string, std::string>> transports;
  for (const auto& p : r.inventory["protocols"]) {
    transports[p["id"]] = {p["transport"], p["transport_from"]};
  }
  EXPECT_EQ(transports["fuchsia.hardware.gpio"].first, "channel");
  EXPECT_EQ(transports["fuchsia.hardware.gpio"].second,
            "rules/migrate-protocol.json: $.libraries[\"fuchsia.hardware.gpio\"].transport");
  EXPECT_EQ(transports["p"].first, "driver");
  EXPECT_EQ(transports["p"].second, "scan rules: $.default_transport");
}

TEST_F(ScanBrokenTree, AFindingOnManyBoardsIsReportedOnce) {
  Write("boards/common/shared.gni", "if (use_extra) {\n  extra = true\n}\n");
  Write("boards/b.gni", "import(\"//boards/common/shared.gni\")\nboard_bootfs_labels = [ \"//d\" ]\n");
  Write("boards/c.gni", "import(\"//boards/common/shared.gni\")\nboard_bootfs_labels = [ \"//d\" ]\n");
  Write("d/BUILD.gn", "driver_bind_rules(\"bind\") {\n  rules = \"d.bind\"\n}\n"
                      "fuchsia_driver_component(\"d\") {\n  deps = [ \":bind\", \"//sdk/banjo/p:p_banjo_cpp\" ]\n}\n");
  Write("d/d.bind", "fuchsia.BIND_PROTOCOL == fuchsia.mystery.BIND_PROTOCOL.X;\n");
  ScanResult r = Scan();
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  int mystery = 0;
  for (const FileDiagnostic& f : r.unresolved) mystery += f.message.find("fuchsia.mystery") != std::string::npos;
  EXPECT_EQ(mystery, 1);
  int undecided = 0;
  for (const FileDiagnostic& f : r.unresolved) undecided += f.file == "boards/common/shared.gni";
  EXPECT_EQ(undecided, 1);  // read through both boards, reported once
  EXPECT_EQ(r.inventory["scan"]["unresolved"].size(), r.unresolved.size());
}

TEST_F(ScanBrokenTree, SyntaxErrorsInEveryInputAreLocated) {
  Write("d/BUILD.gn", "fuchsia_driver_component(\"d\") {\n  deps = [ \"//x\" \n}\n");
  ScanResult r = Scan();
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].Text(), "d/BUILD.gn:3:1: error: [FDFPLAN102] expected ']', found '}'");

  Write("d/BUILD.gn", "fuchsia_driver_component(\"d\") {\n  manifest = \"meta/d.cml\"\n}\n");
  Write("d/meta/d.cml", "{\n program: { colocate: 'false' \n}\n");
  r = Scan();
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].Text(), "d/meta/d.cml:4:1: error: [FDFPLAN111] not a valid manifest (JSON5)");
}

TEST_F(ScanBrokenTree, DuplicateIdsAreErrors) {
  Write("boards/b.gni", "board_bootfs_labels = [ \"//d\", \"//e\" ]\n");
  Write("e/BUILD.gn", "fuchsia_driver_component(\"e\") {\n  component_name = \"d\"\n}\n");
  ScanResult r = Scan();
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].Text(),
            "e/BUILD.gn: error: [FDFPLAN092] driver id \"d\" of //e:e is also the id of //d:d; give one a different "
            "component_name");
}

// A real checkout lacks files its BUILD.gn names (a sparse checkout, sources generated at build
// time, bind rules elsewhere): each is noted where it is named, with what the scan assumed, and
// the inventory is still written. An empty source is read (it exists), not taken for absent, and
// said: a source emptied by a sparse checkout's placeholder hides its signals too.
TEST_F(ScanBrokenTree, WhatTheCheckoutLacksIsNotedNotFatal) {
  Write("d/BUILD.gn",
        "fuchsia_driver_component(\"d\") {\n"
        "  manifest = \"meta/d.cml\"\n"
        "  sources = [\n"
        "    \"empty.cc\",\n"
        "    \"gone.cc\",\n"
        "    \"$target_gen_dir/d_config.cc\",\n"
        "  ]\n"
        "  deps = [ \":lib\", \":bind\", \"//sdk/banjo/p:p_banjo_cpp\" ]\n"
        "}\n"
        "source_set(\"lib\") {\n"
        "  sources = get_target_outputs(\":gen\")\n"
        "  sources += [ \"lib.cc\" ]\n"
        "}\n"
        "driver_bind_rules(\"bind\") {\n"
        "  rules = \"meta/d.bind\"\n"
        "}\n");
  Write("d/empty.cc", "");
  Write("d/lib.cc", "int lib = 0;\n");
  ScanResult r = Scan();
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  std::vector<std::string> notes;
  for (const FileDiagnostic& f : r.unresolved) notes.push_back(f.Text());
  EXPECT_EQ(notes,
            (std::vector<std::string>{
                "d/BUILD.gn:4: warning: [FDFPLAN158] unresolved: source \"empty.cc\" of :d is empty: read as "
                "empty, no code signals from it",
                "d/BUILD.gn:5: warning: [FDFPLAN149] unresolved: source \"gone.cc\" of :d is not in the checkout "
                "(a sparse checkout?): read without it, its code signals unknown",
                "d/BUILD.gn:6: warning: [FDFPLAN150] unresolved: source \"$target_gen_dir/d_config.cc\" of :d is "
                "generated at build time: not read, its code signals unknown",
                // A computed value has no line of its own: the known items' (added by `+=`).
                "d/BUILD.gn:12: warning: [FDFPLAN151] unresolved: sources of :lib are computed (a function's "
                "result, such as get_target_outputs): not read, their code signals unknown",
                "d/BUILD.gn:15: warning: [FDFPLAN152] unresolved: bind rules \"meta/d.bind\" of :bind are not in "
                "the checkout: its parents are unknown",
                "d/BUILD.gn:8: warning: [FDFPLAN142] unresolved: d depends on banjo p but no mixin, client or bind "
                "rule shows the direction; counted as consumed"}));
  // Written all the same, the empty source and the known part of a computed list among the files
  // read.
  ASSERT_EQ(r.inventory["drivers"].size(), 1u);
  EXPECT_EQ(r.inventory["scan"]["unresolved"].size(), notes.size());
  const Json& files = r.inventory["drivers"][0]["files"];
  for (const char* read : {"d/empty.cc", "d/lib.cc"}) {
    EXPECT_NE(std::find(files.begin(), files.end(), read), files.end()) << read << files.dump();
  }
}

// A board decides what its BUILD.gn files read: a driver declared only when the board sets a
// declare_args default otherwise (no crash, the board's reading), a list a foreach walks, and a
// file imported only then (its syntax error named). A nested template sees its own invoker.
TEST_F(ScanBrokenTree, WhatABoardSetsDecidesItsBuildFiles) {
  Write("boards/b.gni",
        "has_d = true\n"
        "extra_drivers = [ \"//e\" ]\n"
        "board_bootfs_labels = [ \"//d:pkg\", \"//g\" ]\n");
  Write("d/BUILD.gn",
        "declare_args() {\n  has_d = false\n}\n"
        "if (has_d) {\n"
        "  fuchsia_driver_component(\"d\") {\n    deps = [ \"//sdk/banjo/p:p_banjo_cpp\" ]\n  }\n"
        "}\n"
        "group(\"pkg\") {\n  deps = [ \":d\" ]\n}\n");
  Write("g/BUILD.gn",
        "declare_args() {\n  extra_drivers = []\n}\n"
        "group(\"g\") {\n  deps = []\n  foreach(d, extra_drivers) {\n    deps += [ d ]\n  }\n}\n");
  Write("e/wrap.gni",
        "template(\"inner\") {\n  fuchsia_driver_component(target_name) {\n"
        "    if (defined(invoker.deps)) {\n      deps = invoker.deps\n    }\n  }\n}\n"
        "template(\"outer\") {\n  inner(target_name) {\n  }\n}\n");
  Write("e/BUILD.gn", "import(\"wrap.gni\")\nouter(\"e\") {\n  deps = [ \"//sdk/banjo/q:q_banjo_cpp\" ]\n}\n");
  ScanResult r = Scan();
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  ASSERT_EQ(r.inventory["drivers"].size(), 2u);
  EXPECT_EQ(r.inventory["drivers"][0]["id"], "d");
  EXPECT_EQ(r.inventory["drivers"][0]["banjo_deps"].size(), 1u);
  EXPECT_EQ(r.inventory["drivers"][1]["id"], "e");
  EXPECT_EQ(r.inventory["drivers"][1]["banjo_deps"].size(), 0u);  // the outer invoker's deps are not inner's
  for (const FileDiagnostic& f : r.unresolved) {
    EXPECT_NE(f.info->Code(), "FDFPLAN130") << f.Text();  // the board decided every condition
  }

  Write("boards/b.gni", "use_x = true\nboard_bootfs_labels = [ \"//x\" ]\n");
  Write("x/BUILD.gn",
        "declare_args() {\n  use_x = false\n}\n"
        "if (use_x) {\n  import(\"x.gni\")\n}\n"
        "fuchsia_driver_component(\"x\") {\n}\n");
  Write("x/x.gni", "y = [\n");
  ScanResult broken = Scan();
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_EQ(broken.errors[0].Text(), "x/x.gni:2:1: error: [FDFPLAN106] expected a value, found end of file");
}

// Code names banjo protocols by id too; an id whose name is not its library's (PWM_IMPL serves
// fuchsia.hardware.pwm) is mapped by the rules' protocol_ids, even with the library's source
// absent; an id no rule or name maps is said, naming the id.
TEST_F(ScanBrokenTree, ProtocolIdsNameTheirLibraries) {
  Write("boards/b.gni", "board_bootfs_labels = [ \"//d\" ]\n");
  Write("d/BUILD.gn",
        "fuchsia_driver_component(\"d\") {\n"
        "  sources = [ \"d.cc\" ]\n"
        "  deps = [ \"//sdk/banjo/fuchsia.hardware.pwm:fuchsia.hardware.pwm_banjo_cpp\",\n"
        "           \"//sdk/banjo/fuchsia.hardware.gpio:fuchsia.hardware.gpio_banjo_cpp\" ]\n"
        "}\n");
  Write("d/d.cc",
        "compat::BanjoServer pwm_{ZX_PROTOCOL_PWM_IMPL, this, &pwm_impl_protocol_ops_};\n"
        "zx_status_t s = device_get_protocol(parent, ZX_PROTOCOL_GPIO, &gpio);\n"
        "s = device_get_protocol(parent, ZX_PROTOCOL_MYSTERY, &m);\n");
  ScanResult r = Scan();
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  const Json& d = r.inventory["drivers"][0];
  EXPECT_EQ(d["serves"], Json({"fuchsia.hardware.pwm"}));
  EXPECT_EQ(d["consumes"], Json({"fuchsia.hardware.gpio"}));
  ASSERT_EQ(r.unresolved.size(), 1u);
  EXPECT_EQ(r.unresolved[0].Text(),
            "d/d.cc:3: warning: [FDFPLAN140] unresolved: ZX_PROTOCOL_MYSTERY uses a banjo protocol of no banjo "
            "library d depends on (a protocol id: add it to the overlay's rules.protocol_ids)");
}

// A driver class declared in a header BUILD.gn does not list (aml-gpio's `class AmlGpio : ...,
// public ddk::GpioImplProtocol<AmlGpio, ddk::base_protocol>` is in aml-gpio.h): the headers the
// sources include with quotes, under the target's folder, are read for code signals, so the
// driver serves the protocol rather than consuming it. A commented-out include, a header outside
// the folder and one no source includes are not the driver's code.
TEST_F(ScanBrokenTree, QuotedHeadersOfTheTargetsFolderAreItsCode) {
  Write("d/BUILD.gn",
        "fuchsia_driver_component(\"d\") {\n"
        "  manifest = \"meta/d.cml\"\n"
        "  sources = [ \"d.cc\" ]\n"
        "  deps = [ \"//sdk/banjo/fuchsia.hardware.gpioimpl:fuchsia.hardware.gpioimpl_banjo_cpp\",\n"
        "           \"//sdk/banjo/fuchsia.hardware.i2c:fuchsia.hardware.i2c_banjo_cpp\",\n"
        "           \"//sdk/banjo/fuchsia.hardware.spi:fuchsia.hardware.spi_banjo_cpp\" ]\n"
        "}\n");
  Write("d/d.cc",
        "#include \"d/d.h\"\n"
        "// #include \"d/commented.h\"\n"
        "#include \"lib/outside.h\"\n"
        "#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>\n");
  Write("d/d.h",
        "#include \"nested.h\"\n"
        "class D : public ddk::GpioImplProtocol<D, ddk::base_protocol> {};\n");
  Write("d/nested.h",
        "ddk::I2cProtocolClient i2c_;\n"
        "#include \"../lib/outside.h\"\n"   // above the folder, however spelled
        "#include \"sub/a.h\"\n");
  Write("d/sub/a.h", "#include \"../nested.h\"\n#include \"../sub/a.h\"\n");  // a cycle
  Write("d/commented.h", "ddk::SpiProtocolClient spi_;\n");
  Write("d/unincluded.h", "ddk::SpiProtocolClient spi_;\n");
  Write("lib/outside.h", "class X : public ddk::SpiProtocol<X> {};\n");
  ScanResult r = Scan();
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  const Json& d = r.inventory["drivers"][0];
  EXPECT_EQ(d["serves"], Json({"fuchsia.hardware.gpioimpl"}));
  // i2c from the nested header; spi only from what is not read: its direction unknown.
  EXPECT_EQ(d["consumes"], Json({"fuchsia.hardware.i2c", "fuchsia.hardware.spi"}));
  std::vector<std::string> notes;
  for (const FileDiagnostic& f : r.unresolved) notes.push_back(f.Text());
  EXPECT_EQ(notes, (std::vector<std::string>{
                       "d/BUILD.gn:6: warning: [FDFPLAN142] unresolved: d depends on banjo fuchsia.hardware.spi but "
                       "no mixin, client or bind rule shows the direction; counted as consumed"}));
  const Json& files = d["files"];
  for (const char* read : {"d/d.h", "d/nested.h", "d/sub/a.h"}) {
    EXPECT_NE(std::find(files.begin(), files.end(), read), files.end()) << read << files.dump();
  }
  for (const char* unread : {"d/commented.h", "d/unincluded.h", "lib/outside.h"}) {
    EXPECT_EQ(std::find(files.begin(), files.end(), unread), files.end()) << unread << files.dump();
  }
  // Each file once, by one spelling.
  EXPECT_EQ(files.size(), std::set<std::string>(files.begin(), files.end()).size());
  for (const Json& file : files) EXPECT_EQ(file.get<std::string>().find(".."), std::string::npos) << file;
}

// A ported variant beside the banjo one: what only the banjo variant reads is banjo-only (its
// port deletes it), but a header reached only by an include may be the variant's too (it can
// include it from another folder), so it never is; and the variant's walk notes nothing.
TEST_F(ScanBrokenTree, IncludedHeadersAreNeverBanjoOnlyAndTheVariantsWalkIsSilent) {
  Write("d/BUILD.gn",
        "fuchsia_driver_component(\"d\") {\n"
        "  manifest = \"meta/d.cml\"\n"
        "  sources = [ \"d-banjo.cc\" ]\n"
        "  deps = [ \"//sdk/banjo/p:p_banjo_cpp\" ]\n"
        "}\n"
        "fuchsia_driver_component(\"d-fidl\") {\n"
        "  manifest = \"meta/d.cml\"\n"
        "  sources = [ \"v2/d.cc\", \"v2/gone.cc\" ]\n"
        "}\n");
  Write("d/d-banjo.cc", "#include \"d/common.h\"\n");
  Write("d/common.h", "int shared = 0;\n");
  Write("d/v2/d.cc", "int v2 = 0;\n");
  ScanResult r = Scan();
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  const Json& d = r.inventory["drivers"][0];
  EXPECT_EQ(d["banjo_only_files"], Json({"d/d-banjo.cc"}));
  for (const FileDiagnostic& f : r.unresolved) EXPECT_NE(f.info->number, 149) << f.Text();
}

TEST_F(ScanBrokenTree, NoBoardsAndNoTree) {
  fs::remove_all(root_ / "boards");
  EXPECT_EQ(Scan().errors.at(0).Text(),
            "migrate-plan: error: [FDFPLAN091] no board .gni or board_configuration under " + root_.string() + " lists any driver");
  ScanRulesLoad rules = LoadScanRules("", "");
  EXPECT_EQ(ScanTree((root_ / "missing").string(), *rules.rules, rules.overlay).errors.at(0).Text(),
            "migrate-plan: error: [FDFPLAN090] " + (root_ / "missing").string() + " is not a directory");
}

TEST_F(ScanBrokenTree, OverlayErrorsNameTheirPath) {
  ScanRulesLoad bad = LoadScanRules(R"({"schema": "fdfkit-scan-overlay/1", "parents": {"b": {"d": 3}},
                                      "rules": {"default_transport": "smoke"}})", "o.json");
  ASSERT_EQ(bad.errors.size(), 2u);
  EXPECT_EQ(bad.errors[0].Text(),
            "o.json: $.parents[\"b\"][\"d\"]: error: [FDFPLAN073] expected a driver id or null (a host of its own)");
  EXPECT_EQ(bad.errors[1].Text(),
            "o.json (merged rules): $.default_transport: error: [FDFPLAN082] expected \"driver\" or \"channel\"");
  EXPECT_FALSE(bad.rules);
  EXPECT_EQ(LoadScanRules("{}", "o.json").errors.at(0).Text(),
            "o.json: $.schema: error: [FDFPLAN016] expected \"fdfkit-scan-overlay/1\"");
  EXPECT_EQ(LoadScanRules("{", "o.json").errors.at(0).path, "o.json: $");
  // A named overlay that is empty is not "no overlay": it is not valid JSON.
  EXPECT_EQ(LoadScanRules("", "o.json").errors.at(0).info->Code(), "FDFPLAN010");
  EXPECT_EQ(LoadScanRules("{", "o.json").errors.at(0).info->Code(), "FDFPLAN010");

  ScanResult r = Scan(R"({"schema": "fdfkit-scan-overlay/1", "drivers": {"ghost": {"team": "x"}},
                          "parents": {"b": {"d": "ghost"}}})");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].Text(), "migrate-plan: error: [FDFPLAN096] overlay: parent ghost of d is not a driver on board b");
  EXPECT_EQ(r.errors[1].Text(),
            "migrate-plan: error: [FDFPLAN098] overlay: $.drivers[\"ghost\"]: no board lists a driver ghost");
}

// corpus/drivers, the tree of RFC-0126's stacks: the block stack's middle drivers are filter
// drivers, serving their caller the protocol they use from their parent, and the scan keeps both
// directions, so the stack is a chain of edges in one host; the gpio/i2c stack spans two hosts.
TEST(Scan, FilterDriversServeAndConsumeTheSameProtocol) {
  std::string tree = std::string(FDFKIT_CORPUS_DIR) + "/drivers";
  ScanRulesLoad rules = LoadScanRules(
      fdfkit::support::ReadFile(tree + "/scan-overlay.json").value(), "scan-overlay.json");
  ASSERT_TRUE(rules.errors.empty());
  ScanResult r = ScanTree(tree, *rules.rules, rules.overlay);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  EXPECT_TRUE(r.unresolved.empty()) << r.unresolved[0].Text();
  const Json& inv = r.inventory;
  const Json blockio = Json({"fuchsia.hardware.blockio"});
  for (const char* filter : {"sdmmc", "block", "partition"}) {
    EXPECT_EQ(Find(inv["drivers"], filter)["serves"], blockio) << filter;
    EXPECT_EQ(Find(inv["drivers"], filter)["consumes"], blockio) << filter;
  }
  EXPECT_EQ(Find(inv["drivers"], "sdmmc-controller")["consumes"], Json::array());
  EXPECT_EQ(Find(inv["drivers"], "block-client")["serves"], Json::array());
  std::vector<std::pair<std::string, std::string>> chain;
  for (const Json& edge : inv["edges"]) {
    if (edge["protocol"] == "fuchsia.hardware.blockio") chain.emplace_back(edge["from"], edge["to"]);
  }
  EXPECT_EQ(chain, (std::vector<std::pair<std::string, std::string>>{
                       {"sdmmc-controller", "sdmmc"},
                       {"sdmmc", "block"},
                       {"block", "partition"},
                       {"partition", "block-client"}}));
  // The gpio/i2c stack: its controllers and cores share a host, the sensor has its own.
  const Json& gpio_i2c = Find(inv["boards"], "gpio-i2c");
  ASSERT_EQ(gpio_i2c["hosts"].size(), 2u);
  EXPECT_EQ(gpio_i2c["hosts"][0]["drivers"], Json({"gpio-impl", "gpio", "i2c-impl", "i2c"}));
  EXPECT_EQ(gpio_i2c["hosts"][1]["drivers"], Json({"temp-sensor"}));
  EXPECT_EQ(Find(inv["drivers"], "i2c-impl")["consumes"], Json({"fuchsia.hardware.gpio"}));
}

// FIDL service edges: the i2c core serves fdfkit.examples.i2c.Service over Zircon channels
// (outgoing AddService through a namespace alias, and its manifest's capability and expose);
// temp-sensor, in a host of its own, connects to it and `use`s it. The edge is recorded beside the
// banjo edges, which stay exactly as they were.
TEST(Scan, ServiceEdgesBetweenDrivers) {
  std::string tree = std::string(FDFKIT_CORPUS_DIR) + "/drivers";
  ScanRulesLoad rules = LoadScanRules(
      fdfkit::support::ReadFile(tree + "/scan-overlay.json").value(), "scan-overlay.json");
  ASSERT_TRUE(rules.errors.empty());
  ScanResult r = ScanTree(tree, *rules.rules, rules.overlay);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  EXPECT_TRUE(r.unresolved.empty()) << r.unresolved[0].Text();  // the library's source decides
  const Json& inv = r.inventory;
  Json i2c_edge = {{"from", "i2c"},
                   {"to", "temp-sensor"},
                   {"service", "fdfkit.examples.i2c.Service"},
                   {"transport", "channel"},
                   {"board", "gpio-i2c"},
                   {"transport_from", "the library's @transport (gpio-i2c/fidl/fdfkit.examples.i2c.fidl)"},
                   {"served_at", {"gpio-i2c/i2c/i2c.cc:133", "gpio-i2c/i2c/i2c.cml:15"}},
                   {"used_at", {"gpio-i2c/temp-sensor/temp_sensor.cc:37", "gpio-i2c/temp-sensor/temp_sensor.cc:61",
                                "gpio-i2c/temp-sensor/temp-sensor.cml:10"}}};
  Json block_edge = {{"from", "block-client"},
                     {"to", "block-check"},
                     {"service", "fdfkit.examples.block.Service"},
                     {"transport", "channel"},
                     {"board", "block-stack"},
                     {"transport_from", "the library's @transport (block-stack/fidl/fdfkit.examples.block.fidl)"},
                     {"served_at", {"block-stack/block-client/block_client.cc:34", "block-stack/block-client/block-client.cml:11"}},
                     {"used_at", {"block-stack/block-check/block_check.cc:60", "block-stack/block-check/block-check.cml:9"}}};
  EXPECT_EQ(inv["service_edges"], Json({block_edge, i2c_edge}));
  // Banjo edges: the same list, the same four fields, as before service edges existed.
  Json banjo = Json::parse(R"([
    {"from": "sdmmc-controller", "to": "sdmmc", "protocol": "fuchsia.hardware.blockio", "board": "block-stack"},
    {"from": "sdmmc", "to": "block", "protocol": "fuchsia.hardware.blockio", "board": "block-stack"},
    {"from": "block", "to": "partition", "protocol": "fuchsia.hardware.blockio", "board": "block-stack"},
    {"from": "partition", "to": "block-client", "protocol": "fuchsia.hardware.blockio", "board": "block-stack"},
    {"from": "gpio-impl", "to": "gpio", "protocol": "fuchsia.hardware.gpioimpl", "board": "gpio-i2c"},
    {"from": "gpio", "to": "i2c-impl", "protocol": "fuchsia.hardware.gpio", "board": "gpio-i2c"},
    {"from": "i2c-impl", "to": "i2c", "protocol": "fuchsia.hardware.i2cimpl", "board": "gpio-i2c"}])");
  EXPECT_EQ(inv["edges"], banjo);
  // The loader reads them; the i2c edge crosses hosts, which a service edge may.
  plan::InventoryLoad load = plan::ParseInventory(inv.dump());
  ASSERT_TRUE(load.errors.empty());
  ASSERT_EQ(load.inventory->service_edges.size(), 2u);
  const plan::ServiceEdge& e = load.inventory->service_edges[1];
  EXPECT_EQ(load.inventory->drivers[static_cast<size_t>(e.from)].id, "i2c");
  EXPECT_EQ(load.inventory->drivers[static_cast<size_t>(e.to)].id, "temp-sensor");
  EXPECT_EQ(e.service, "fdfkit.examples.i2c.Service");
  EXPECT_EQ(e.transport, "channel");
}

// A small tree in the fixture style: the server adds the service in code (its library declared
// @transport("Driver") in a fidl() target beside the bindings), the user connects in code and
// uses it in its manifest; a second service is used but served by nobody: a finding at file:line,
// not an error.
TEST_F(ScanBrokenTree, ServiceEdgesFromCodeAndManifestsWithUnservedUse) {
  Write("boards/b.gni", "board_bootfs_labels = [ \"//s\", \"//u\" ]\n");
  Write("s/BUILD.gn", "fuchsia_driver_component(\"s\") {\n  sources = [ \"s.cc\" ]\n"
                      "  deps = [ \"//fidl:fdfkit.x_cpp_driver\" ]\n}\n");
  Write("s/s.cc", "namespace x = fdfkit_x;\nzx::result<> r = outgoing()->AddService<x::Service>(handler);\n");
  Write("fidl/BUILD.gn", "fidl(\"fdfkit.x\") {\n  sources = [ \"x.fidl\" ]\n}\n");
  Write("fidl/x.fidl", "@transport(\"Driver\")\nlibrary fdfkit.x;\n");
  Write("u/BUILD.gn", "fuchsia_driver_component(\"u\") {\n  manifest = \"u.cml\"\n  sources = [ \"u.cc\" ]\n"
                      "  deps = [ \"//fidl:fdfkit.x_cpp_driver\" ]\n}\n");
  Write("u/u.cc", "// Connect<fdfkit_y::Service::D> in a comment is no use\n"
                  "auto end = incoming()->Connect<fdfkit_x::Service::Device>();\n");
  Write("u/u.cml", "{\n  use: [\n    { service: 'fdfkit.x.Service' },\n    { service: 'fdfkit.gone.Service' },\n  ],\n}\n");
  ScanResult r = Scan();
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  ASSERT_EQ(r.unresolved.size(), 1u);
  EXPECT_EQ(r.unresolved[0].Text(),
            "u/u.cml:4: warning: [FDFPLAN144] unresolved: u uses service fdfkit.gone.Service, which no driver in the "
            "tree serves; no service edge recorded (add it to the overlay's rules.external_services if it comes from "
            "outside the tree)");
  EXPECT_EQ(r.inventory["scan"]["unresolved"].size(), 1u);
  Json expected = {{"from", "s"}, {"to", "u"}, {"service", "fdfkit.x.Service"}, {"transport", "driver"},
                   {"board", "b"}, {"transport_from", "the library's @transport (fidl/x.fidl)"},
                   {"served_at", {"s/s.cc:2"}}, {"used_at", {"u/u.cc:2", "u/u.cml:3"}}};
  EXPECT_EQ(r.inventory["service_edges"], Json::array({expected}));
  EXPECT_EQ(r.inventory["edges"], Json::array());
  // Listed as external, the unserved service is no finding.
  ScanResult external = Scan(R"({"schema": "fdfkit-scan-overlay/1",
                                 "rules": {"external_services": ["fdfkit.gone.Service"]}})");
  ASSERT_TRUE(external.errors.empty());
  EXPECT_TRUE(external.unresolved.empty()) << external.unresolved[0].Text();
}

// Channel bindings of a library outside the tree: recorded as channel, and the assumption said.
TEST_F(ScanBrokenTree, ServiceTransportFromBindingsIsSaid) {
  Write("boards/b.gni", "board_bootfs_labels = [ \"//s\", \"//u\" ]\n");
  Write("s/BUILD.gn", "fuchsia_driver_component(\"s\") {\n  manifest = \"s.cml\"\n}\n");
  Write("s/s.cml", "{ expose: [ { service: 'sdk.lib.Service', from: 'self' } ] }\n");
  Write("u/BUILD.gn", "fuchsia_driver_component(\"u\") {\n  manifest = \"u.cml\"\n"
                      "  deps = [ \"//sdk/fidl/sdk.lib:sdk.lib_cpp_wire\" ]\n}\n");
  Write("u/u.cml", "{ use: [ { service: 'sdk.lib.Service' } ] }\n");
  ScanResult r = Scan();
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].Text();
  ASSERT_EQ(r.unresolved.size(), 1u);
  EXPECT_EQ(r.unresolved[0].Text(),
            "u/BUILD.gn:3: warning: [FDFPLAN147] unresolved: the source of library sdk.lib is not in the tree; "
            "service sdk.lib.Service is taken as channel from the bindings //sdk/fidl/sdk.lib:sdk.lib_cpp_wire");
  EXPECT_EQ(r.inventory["service_edges"][0]["transport"], "channel");
}

TEST(ScanRules, DefaultsParse) {
  ScanRulesLoad rules = LoadScanRules("", "");
  ASSERT_TRUE(rules.errors.empty());
  EXPECT_EQ(rules.rules->Successor("fuchsia.hardware.wlanphyimpl"), "fuchsia.wlan.phyimpl");
  EXPECT_EQ(rules.rules->Successor("fuchsia.hardware.gpioimpl"), "fuchsia.hardware.gpioimpl");
}

}  // namespace
}  // namespace fdfkit::plan::scan
