// The readers under `migrate-plan scan`: GN files, component manifests, bind rules, code signals.
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "migrate/plan/scan/bind_rules.h"
#include "migrate/plan/scan/code_signals.h"
#include "migrate/plan/scan/component_manifest.h"
#include "migrate/plan/scan/gn_file.h"

namespace fdfkit::plan::scan {
namespace {

GnSourceReader Files(std::map<std::string, std::string> files) {
  return [files](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
}

TEST(GnFile, TargetsListsAppendsAndInterpolation) {
  GnFile f = ReadGnFile("a/BUILD.gn", Files({{"a/BUILD.gn", R"(
common = [ "//x:y" ]
fuchsia_driver("$target_name-driver") { }
fuchsia_driver_component("comp") {
  deps = common + [ ":${target_name}-driver" ]  # interpolated
  deps += [ "//sdk/banjo/l:l_banjo_cpp" ]
  deps -= [ "//x:y" ]
  colocate = true
}
)"}}));
  ASSERT_TRUE(f.errors.empty()) << f.errors[0].Text();
  ASSERT_EQ(f.targets.size(), 2u);
  EXPECT_EQ(f.targets[0].name, "$target_name-driver");  // unset outside a target: kept as written
  const GnTarget* comp = f.FindTarget("comp");
  ASSERT_NE(comp, nullptr);
  EXPECT_EQ(comp->type, "fuchsia_driver_component");
  EXPECT_EQ(comp->line, 4);
  EXPECT_EQ(comp->Strings("deps"), (std::vector<std::string>{":comp-driver", "//sdk/banjo/l:l_banjo_cpp"}));
  EXPECT_EQ(comp->Find("deps")->list[1].line, 6);
  EXPECT_TRUE(comp->Bool("colocate"));
  EXPECT_EQ(comp->Find("common"), nullptr);  // inherited, not the target's own
}

TEST(GnFile, ImportsAppendWithProvenanceAndConditionsAreRead) {
  GnFile f = ReadGnFile("boards/b.gni", Files({
      {"boards/b.gni", "import(\"//boards/common/c.gni\")\nlabels += [ \"//b\" ]\nif (flag) {\n  labels += [ \"//maybe\" ]\n}\nif (true) { labels += [\"//yes\"] } else { labels += [\"//no\"] }\n"},
      {"boards/common/c.gni", "labels = [ \"//a\" ]\n"}}));
  ASSERT_TRUE(f.errors.empty());
  EXPECT_EQ(f.imports, std::vector<std::string>{"boards/common/c.gni"});
  const GnValue& labels = f.scope.at("labels");
  EXPECT_EQ(labels.Strings(), (std::vector<std::string>{"//a", "//b", "//maybe", "//yes"}));
  EXPECT_EQ(labels.list[0].file, "boards/common/c.gni");
  EXPECT_EQ(labels.list[1].file, "boards/b.gni");
  EXPECT_EQ(labels.list[1].line, 2);
  ASSERT_EQ(f.notes.size(), 1u);  // `flag` is unknown: both branches were read
  EXPECT_EQ(f.notes[0].line, 3);
}

TEST(GnFile, TemplatesExpandWhereInvokedWithTheInvokersVariables) {
  GnFile f = ReadGnFile("src/a/BUILD.gn", Files({
      {"build/driver.gni", R"(
template("vendor_driver") {
  fuchsia_driver("${target_name}-driver") {
    forward_variables_from(invoker, [ "sources", "deps" ])
    if (defined(invoker.extra_deps)) {
      deps += invoker.extra_deps
    }
  }
  fuchsia_driver_component(target_name) {
    forward_variables_from(invoker, "*", [ "sources", "deps", "extra_deps" ])
    deps = [ ":${target_name}-driver" ]
  }
}
)"},
      {"src/a/BUILD.gn", R"(import("//build/driver.gni")
vendor_driver("a") {
  sources = [ "a.cc" ]
  deps = [ "//sdk/banjo/l:l_banjo_cpp" ]
  extra_deps = [ "//x" ]
  manifest = "meta/a.cml"
}
vendor_driver("b") {
  sources = [ "b.cc" ]
  deps = []
}
)"}}));
  ASSERT_TRUE(f.errors.empty()) << f.errors[0].Text();
  ASSERT_EQ(f.targets.size(), 4u);
  const GnTarget* driver = f.FindTarget("a-driver");
  ASSERT_NE(driver, nullptr);
  EXPECT_EQ(driver->line, 2);  // the invocation's line in this file
  EXPECT_EQ(driver->Strings("sources"), std::vector<std::string>{"a.cc"});
  EXPECT_EQ(driver->Strings("deps"), (std::vector<std::string>{"//sdk/banjo/l:l_banjo_cpp", "//x"}));
  EXPECT_EQ(driver->Find("sources")->list[0].file, "src/a/BUILD.gn");  // where the invoker wrote it
  const GnTarget* component = f.FindTarget("a");
  ASSERT_NE(component, nullptr);
  EXPECT_EQ(component->type, "fuchsia_driver_component");
  EXPECT_EQ(component->String("manifest"), "meta/a.cml");
  EXPECT_EQ(component->Find("sources"), nullptr);
  EXPECT_EQ(f.FindTarget("b-driver")->Strings("deps"), std::vector<std::string>{});
  EXPECT_EQ(f.FindTarget("b")->line, 8);
}

TEST(GnFile, ForeachRunsItsBodyPerItemAndScopesKeepTheirVariables) {
  GnFile f = ReadGnFile("boards/b/BUILD.gn", Files({{"boards/b/BUILD.gn", R"(
foreach(name, [ "x", "y" ]) {
  group(name) { deps = [ "//src/$name" ] }
}
foreach(name, get_target_outputs(":g")) {
  group(name) { }
}
bundle = {
  package_target = "//src/x:pkg"
  package_set = "bootfs"
}
drivers = [ bundle, { package_target = "//src/y:pkg" } ]
seen = bundle.package_set
)"}}));
  ASSERT_TRUE(f.errors.empty()) << f.errors[0].Text();
  ASSERT_EQ(f.targets.size(), 2u);
  EXPECT_EQ(f.FindTarget("y")->Strings("deps"), std::vector<std::string>{"//src/y"});
  EXPECT_EQ(f.scope.count("name"), 0u);  // the loop variable is the loop's
  ASSERT_EQ(f.notes.size(), 1u);
  EXPECT_EQ(f.notes[0].info->Code(), "FDFPLAN154");
  EXPECT_EQ(f.notes[0].line, 5);
  const GnValue& drivers = f.scope.at("drivers");
  ASSERT_EQ(drivers.list.size(), 2u);
  ASSERT_EQ(drivers.list[0].kind, GnValue::Kind::kScope);
  EXPECT_EQ(drivers.list[0].Member("package_target")->string, "//src/x:pkg");
  EXPECT_EQ(drivers.list[0].Member("package_target")->line, 9);
  EXPECT_EQ(drivers.list[1].Member("package_target")->string, "//src/y:pkg");
  EXPECT_EQ(drivers.list[1].Member("package_set"), nullptr);
  EXPECT_EQ(f.scope.at("seen").string, "bootfs");
}

TEST(GnFile, ABoardsArgumentsDecideWhatNoFileSets) {
  const char* build = R"(declare_args() {
  has_extra = false
}
group("g") {
  deps = [ ":a" ]
  if (board_has_tca6408a) {
    deps += [ ":tca" ]
  }
  if (has_extra) { deps += [ ":extra" ] }
}
)";
  GnFile unknown = ReadGnFile("BUILD.gn", Files({{"BUILD.gn", build}}));
  EXPECT_EQ(unknown.FindTarget("g")->Strings("deps"), (std::vector<std::string>{":a", ":tca"}));
  EXPECT_EQ(unknown.argument_reads, (std::vector<std::string>{"board_has_tca6408a", "has_extra"}));
  GnFile board = ReadGnFile("BUILD.gn", Files({{"BUILD.gn", build}}),
                            {{"board_has_tca6408a", GnValue::Bool(false)}, {"has_extra", GnValue::Bool(true)}});
  EXPECT_EQ(board.FindTarget("g")->Strings("deps"), (std::vector<std::string>{":a", ":extra"}));
  EXPECT_TRUE(board.notes.empty());
}

TEST(GnFile, SyntaxErrorsAreLocated) {
  GnFile f = ReadGnFile("BUILD.gn", Files({{"BUILD.gn", "group(\"g\") {\n  deps = [ \"//a\" \n  x = \n}\n"}}));
  ASSERT_EQ(f.errors.size(), 1u);
  EXPECT_EQ(f.errors[0].Text(), "BUILD.gn:3:3: error: [FDFPLAN102] expected ']', found 'x'");
  GnFile g = ReadGnFile("BUILD.gn", Files({{"BUILD.gn", "x = \"open\n"}}));
  ASSERT_EQ(g.errors.size(), 1u);
  EXPECT_EQ(g.errors[0].Text(), "BUILD.gn:1:5: error: [FDFPLAN100] unterminated string");
  GnFile h = ReadGnFile("BUILD.gn", Files({{"BUILD.gn", "group(\"g\") {\n"}}));
  ASSERT_EQ(h.errors.size(), 1u);
  EXPECT_EQ(h.errors[0].Text(), "BUILD.gn:2:1: error: [FDFPLAN105] missing '}' at end of file");
  GnFile missing = ReadGnFile("nope.gn", Files({}));
  EXPECT_EQ(missing.errors.at(0).Text(), "nope.gn: error: [FDFPLAN001] cannot read nope.gn");
}

TEST(GnLabel, Forms) {
  EXPECT_EQ(ParseGnLabel("//a/b", "")->Text(), "//a/b:b");
  EXPECT_EQ(ParseGnLabel("//a/b:c(//toolchain)", "")->Text(), "//a/b:c");
  EXPECT_EQ(ParseGnLabel(":c", "x/y")->Text(), "//x/y:c");
  EXPECT_EQ(ParseGnLabel("sub:c", "x")->Text(), "//x/sub:c");
  EXPECT_EQ(ParseGnLabel("../gpio/x", "src/devices/i2c")->Text(), "//src/devices/gpio/x:x");  // one spelling
  EXPECT_EQ(ParseGnLabel("//a/./b/../c:t", "")->Text(), "//a/c:t");
  EXPECT_EQ(ParseGnLabel("../../x", "a"), std::nullopt);  // above the root
}

TEST(ComponentManifest, Json5ColocateServicesAndShards) {
  auto read = Files({{"m/x.cml", "// comment\n{\n  include: ['//m/shard.cml', 'syslog/client.shard.cml'],\n  program: { runner: 'driver', compat: 'driver/x.so', },\n  use: [ { service: 'a.b.Service' }, ],\n  expose: [ { service: [\"c.d.Service\"], from: 'self' } ],\n}\n"},
                     {"m/shard.cml", "{ program: { colocate: \"true\" } }"}});
  ComponentManifest m = ReadComponentManifest("m/x.cml", read);
  ASSERT_TRUE(m.errors.empty());
  EXPECT_EQ(m.colocate, std::optional<bool>(true));
  EXPECT_TRUE(m.compat);
  EXPECT_EQ(m.binary, "driver/x.so");
  EXPECT_EQ(m.use_services, std::vector<std::string>{"a.b.Service"});
  EXPECT_EQ(m.expose_services, std::vector<std::string>{"c.d.Service"});
  // Where each service is written, for the scan's service edges and findings.
  EXPECT_EQ(m.use_at.at("a.b.Service"), std::make_pair(std::string("m/x.cml"), 5));
  EXPECT_EQ(m.serve_at.at("c.d.Service"), std::make_pair(std::string("m/x.cml"), 6));
  ComponentManifest bad = ReadComponentManifest("b.cml", Files({{"b.cml", "{\n  program: {\n    colocate: 'true'\n    x: 1,\n  }\n}\n"}}));
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].line, 4);  // the missing comma shows on the next key
}

TEST(BindRules, CompositePrimaryFirstAndBothFlavours) {
  BindRules composite = ParseBindRules("d.bind", R"(composite dwmac;
node "pdev" { fuchsia.BIND_PROTOCOL == fuchsia.platform.BIND_PROTOCOL.DEVICE; }
// node "commented" { }
primary node "eth-board" {
  fuchsia.BIND_PROTOCOL == fuchsia.ethernet.BIND_PROTOCOL.BOARD;
}
optional node "gpio" { accept fuchsia.BIND_PROTOCOL { fuchsia.gpio.BIND_PROTOCOL.DEVICE, fuchsia.gpio.BIND_PROTOCOL.IMPL } }
)");
  ASSERT_TRUE(composite.errors.empty());
  ASSERT_EQ(composite.parents.size(), 3u);
  EXPECT_EQ(composite.parents[0].node, "eth-board");
  EXPECT_EQ(composite.parents[0].line, 4);
  EXPECT_EQ(composite.parents[0].banjo_values, std::vector<std::string>{"fuchsia.ethernet.BIND_PROTOCOL.BOARD"});
  EXPECT_TRUE(composite.parents[2].optional);
  EXPECT_EQ(composite.parents[2].banjo_values.size(), 2u);

  BindRules both = ParseBindRules("g.bind", R"(if fuchsia.hardware.gpioimpl.Service == fuchsia.hardware.gpioimpl.Service.DriverTransport {
  true;
} else {
  fuchsia.BIND_PROTOCOL == fuchsia.gpio.BIND_PROTOCOL.IMPL;
})");
  ASSERT_EQ(both.parents.size(), 1u);
  EXPECT_EQ(both.parents[0].banjo_values, std::vector<std::string>{"fuchsia.gpio.BIND_PROTOCOL.IMPL"});
  ASSERT_EQ(both.parents[0].fidl.size(), 1u);
  EXPECT_EQ(both.parents[0].fidl[0].library, "fuchsia.hardware.gpioimpl");
  EXPECT_EQ(both.parents[0].fidl[0].transport, "driver");
}

TEST(BindRules, AliasesAndOlderFidlParentsAreReadThrough) {
  BindRules r = ParseBindRules("gpio.bind", R"(using fuchsia.gpio as gpio;
using fuchsia.hardware.gpioimpl as gpioimpl;
using fuchsia.i2c;
// Either parent: the driver is mid-migration.
if gpioimpl.Service == gpioimpl.Service.DriverTransport {
  true;
} else {
  fuchsia.BIND_PROTOCOL == gpio.BIND_PROTOCOL.IMPL;
}
accept fuchsia.BIND_FIDL_PROTOCOL { fuchsia.i2c.BIND_FIDL_PROTOCOL.DEVICE }
)");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.parents.size(), 1u);
  EXPECT_EQ(r.parents[0].banjo_values, std::vector<std::string>{"fuchsia.gpio.BIND_PROTOCOL.IMPL"});
  EXPECT_EQ(r.parents[0].fidl_protocol_values, std::vector<std::string>{"fuchsia.i2c.BIND_FIDL_PROTOCOL.DEVICE"});
  ASSERT_EQ(r.parents[0].fidl.size(), 1u);
  EXPECT_EQ(r.parents[0].fidl[0].library, "fuchsia.hardware.gpioimpl");
  EXPECT_EQ(r.parents[0].fidl[0].transport, "driver");
  EXPECT_EQ(r.parents[0].fidl[0].member, "Service");
}

TEST(BindRules, Errors) {
  EXPECT_EQ(ParseBindRules("a.bind", "composite c;\nnode \"a\" { true; }\n").errors.at(0).Text(),
            "a.bind:1: error: [FDFPLAN117] a composite needs exactly one primary node, found 0");
  BindRules open = ParseBindRules("a.bind", "x == 1;\nif a == b {\n  true;\n");
  ASSERT_EQ(open.errors.size(), 1u);
  EXPECT_EQ(open.errors[0].Text(), "a.bind:2: error: [FDFPLAN116] '{' is never closed");
}

TEST(CodeSignals, MixinsClientsAndServices) {
  std::vector<CodeSignal> s = FindCodeSignals("a.h", R"(
class A : public ddk::Device<A>, public ddk::GpioImplProtocol<A, ddk::base_protocol> {
  ddk::EthBoardProtocolClient board_;  // ddk::I2cProtocolClient in a comment
  const char* text = "ddk::PwmProtocolClient";
};
void Serve() { outgoing()->AddService<fuchsia_hardware_i2cimpl::Service>(handler); }
auto c = incoming()->Connect<fuchsia_hardware_gpio::Service::Device>();
)");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].kind, CodeSignal::Kind::kBanjoServes);
  EXPECT_EQ(s[0].name, "GpioImpl");
  EXPECT_EQ(s[0].line, 2);
  EXPECT_EQ(s[1].kind, CodeSignal::Kind::kBanjoConsumes);
  EXPECT_EQ(s[1].name, "EthBoard");
  EXPECT_EQ(s[2].kind, CodeSignal::Kind::kFidlServes);
  EXPECT_EQ(s[2].name, "fuchsia.hardware.i2cimpl");
  EXPECT_EQ(s[3].kind, CodeSignal::Kind::kFidlConsumes);
  EXPECT_EQ(s[3].name, "fuchsia.hardware.gpio");
  EXPECT_EQ(s[3].line, 7);
}

// Bindings reached through a namespace alias (the corpus's i2c core and temp-sensor) name the
// library the alias stands for, and the service.
TEST(CodeSignals, NamespaceAliasesNameTheLibrary) {
  std::vector<CodeSignal> s = FindCodeSignals("a.cc", R"(
namespace i2c = fdfkit_examples_i2c;
void Serve() { outgoing()->AddService<i2c::Service>(handler); }
auto c = incoming()->Connect<::fuchsia_hardware_gpio::Service::Device>();
)");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].name, "fdfkit.examples.i2c");
  EXPECT_EQ(s[0].service, "Service");
  EXPECT_EQ(s[0].line, 3);
  EXPECT_EQ(s[1].name, "fuchsia.hardware.gpio");
  EXPECT_EQ(s[1].service, "Service");
}

// A migrated (or dual) driver's FIDL servers and clients, on either transport, say it serves or
// uses the library, under no particular service.
TEST(CodeSignals, WireServersAndClientsNameTheirLibrary) {
  std::vector<CodeSignal> s = FindCodeSignals("a.cc", R"(
class Pin : public fidl::WireServer<fuchsia_hardware_gpio::Gpio> {};
class Impl : public fdf::DriverBase, public fdf::WireServer<::fuchsia_hardware_gpioimpl::GpioImpl> {};
// class Old : public fdf::WireServer<fuchsia_hardware_spi::Spi> {};
fdf::WireSyncClient<fuchsia_hardware_i2cimpl::Device> client_;
fidl::SyncClient<fuchsia_hardware_spi::Device> spi_;
class Natural : public fdf::Server<fuchsia_hardware_pwm::Pwm> {};
auto i2c = DdkConnectFragmentFidlProtocol<fuchsia_hardware_i2c::Service::Device>("i2c");
)");
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s[0].kind, CodeSignal::Kind::kFidlServes);
  EXPECT_EQ(s[0].name, "fuchsia.hardware.gpio");
  EXPECT_EQ(s[0].service, "");
  EXPECT_EQ(s[0].line, 2);
  EXPECT_EQ(s[1].kind, CodeSignal::Kind::kFidlServes);
  EXPECT_EQ(s[1].name, "fuchsia.hardware.gpioimpl");
  EXPECT_EQ(s[1].line, 3);
  EXPECT_EQ(s[2].kind, CodeSignal::Kind::kFidlConsumes);
  EXPECT_EQ(s[2].name, "fuchsia.hardware.i2cimpl");
  EXPECT_EQ(s[2].service, "");
  EXPECT_EQ(s[2].line, 5);
  EXPECT_EQ(s[3].kind, CodeSignal::Kind::kFidlConsumes);  // natural types
  EXPECT_EQ(s[3].name, "fuchsia.hardware.spi");
  EXPECT_EQ(s[4].kind, CodeSignal::Kind::kFidlServes);
  EXPECT_EQ(s[4].name, "fuchsia.hardware.pwm");
  EXPECT_EQ(s[5].kind, CodeSignal::Kind::kFidlConsumes);  // a DFv1 driver's FIDL fragment
  EXPECT_EQ(s[5].name, "fuchsia.hardware.i2c");
  EXPECT_EQ(s[5].service, "Service");
}

// DFv1 clients ask the parent for a protocol by its id; DFv2 drivers serve banjo through compat.
TEST(CodeSignals, ProtocolIdsNameBanjoProtocols) {
  std::vector<CodeSignal> s = FindCodeSignals("a.cc", R"cc(
zx_status_t st = device_get_protocol(parent, ZX_PROTOCOL_GPIO_IMPL, &gpio_impl);
st = device_get_fragment_protocol(parent, "i2c", ZX_PROTOCOL_I2C, &i2c);
compat::BanjoServer banjo_server_{ZX_PROTOCOL_ETH_BOARD, this, &eth_board_protocol_ops_};
compat::DeviceServer::BanjoConfig config{ZX_PROTOCOL_CLOCK_IMPL};
config.callbacks[ZX_PROTOCOL_PWM_IMPL] = [this]() { return banjo_server_.callback(); };
const char* s = "device_get_protocol(parent, ZX_PROTOCOL_SPI, &spi)";
auto gpio = compat::ConnectBanjo<ddk::GpioProtocolClient>(incoming());
)cc");
  std::vector<std::tuple<CodeSignal::Kind, std::string, int>> got;
  for (const CodeSignal& signal : s) got.emplace_back(signal.kind, signal.name, signal.line);
  using K = CodeSignal::Kind;
  EXPECT_EQ(got, (std::vector<std::tuple<K, std::string, int>>{{K::kBanjoConsumes, "GpioImpl", 2},
                                                               {K::kBanjoConsumes, "I2c", 3},
                                                               {K::kBanjoServes, "EthBoard", 4},
                                                               {K::kBanjoServes, "ClockImpl", 5},
                                                               {K::kBanjoServes, "PwmImpl", 6},
                                                               {K::kBanjoConsumes, "Gpio", 8}}));
  EXPECT_EQ(s[0].protocol_id, "ZX_PROTOCOL_GPIO_IMPL");  // what the rules' protocol_ids are keyed by
  EXPECT_EQ(s[0].Construct(), "ZX_PROTOCOL_GPIO_IMPL");
  EXPECT_EQ(s[5].protocol_id, "");
  EXPECT_EQ(s[5].Construct(), "ddk::GpioProtocolClient");
}

}  // namespace
}  // namespace fdfkit::plan::scan
