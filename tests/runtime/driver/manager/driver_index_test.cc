// The driver index: which registered driver binds a node, fallbacks, disable_autobind, URL
// suffixes, and composite node matching.
#include <gtest/gtest.h>

#include "runtime/driver/manager/driver_index.h"
#include "tests/runtime/driver/bind/bind_test_support.h"

namespace fdfkit::driver {
namespace {

bind::Program Compile(const std::string& rules) {
  bind::testing::Compilation c(rules, {bind::testing::kExampleLibrary});
  EXPECT_TRUE(c.compiled) << c.diagnostics.Summary();
  return c.compiled ? c.compiled->program : bind::Program{};
}

DriverManifest Manifest(const std::string& name, bool fallback = false) {
  DriverManifest manifest;
  manifest.name = name;
  manifest.url = "fuchsia-boot:///" + name + "#meta/" + name + ".cm";
  manifest.fallback = fallback;
  return manifest;
}

const bind::Properties kDevice = {{1u, 10u}};  // fuchsia.BIND_PROTOCOL = 10

TEST(DriverIndex, TheFirstRegisteredMatchBindsAndFallbacksOnlyWhenNothingElseDoes) {
  DriverIndex index;
  ASSERT_EQ(ZX_OK, index.Register(Manifest("generic", true), Compile("fuchsia.BIND_PROTOCOL == 10;")));
  ASSERT_EQ(ZX_OK, index.Register(Manifest("first"), Compile("fuchsia.BIND_PROTOCOL == 10;")));
  ASSERT_EQ(ZX_OK, index.Register(Manifest("second"), Compile("fuchsia.BIND_PROTOCOL == 10;")));
  std::optional<DriverMatch> match = index.MatchPlain(kDevice);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->driver->manifest.name, "first");
  EXPECT_EQ(index.MatchPlain(kDevice, {"second.cm"})->driver->manifest.name, "second");
  EXPECT_FALSE(index.MatchPlain({{1u, 11u}}));

  DriverIndex only_fallback;
  ASSERT_EQ(ZX_OK, only_fallback.Register(Manifest("generic", true), Compile("fuchsia.BIND_PROTOCOL == 10;")));
  EXPECT_EQ(only_fallback.MatchPlain(kDevice)->driver->manifest.name, "generic");
}

TEST(DriverIndex, ADisableAutobindDriverBindsOnlyOnRequest) {
  DriverIndex index;
  bind::Program program = Compile("fuchsia.BIND_PROTOCOL == 10;");
  program.flags = bind::kProgramDisableAutobind;
  ASSERT_EQ(ZX_OK, index.Register(Manifest("manual"), program));
  EXPECT_FALSE(index.MatchPlain(kDevice));
  DriverIndex::MatchOptions request;
  request.explicit_request = true;
  EXPECT_EQ(index.MatchPlain(kDevice, request)->driver->manifest.name, "manual");
}

TEST(DriverIndex, ADuplicateUrlIsRefused) {
  DriverIndex index;
  ASSERT_EQ(ZX_OK, index.Register(Manifest("a"), Compile("true;")));
  EXPECT_EQ(ZX_ERR_ALREADY_EXISTS, index.Register(Manifest("a"), Compile("true;")));
}

TEST(DriverIndex, CompositeDriversMatchTheirNodesNotWholeNodes) {
  DriverIndex index;
  ASSERT_EQ(ZX_OK, index.Register(Manifest("pair"), Compile(R"(composite pair;
primary node "a" {
  fuchsia.BIND_PROTOCOL == 10;
}
node "b" {
  fuchsia.BIND_PROTOCOL == 11;
}
)")));
  EXPECT_FALSE(index.MatchPlain(kDevice));
  std::vector<DriverMatch> a = index.MatchComposites(kDevice);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].composite_node, 0u);
  std::vector<DriverMatch> b = index.MatchComposites({{1u, 11u}});
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].composite_node, 1u);
}

}  // namespace
}  // namespace fdfkit::driver
