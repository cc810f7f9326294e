// Driver manifests: every field read, resolved paths, and errors at the value they are about.
#include <gtest/gtest.h>

#include "runtime/driver/config/driver_manifest.h"

namespace fdfkit::driver {
namespace {

std::optional<DriverManifest> Read(const std::string& text, std::string* diagnostics_out) {
  SourceFile file("/drivers/gpio/meta/gpio.cml", text);
  Diagnostics diagnostics;
  std::optional<DriverManifest> manifest = ReadDriverManifest(file, &diagnostics);
  *diagnostics_out = diagnostics.Summary();
  return manifest;
}

TEST(DriverManifest, ReadsProgramCapabilitiesUseAndExpose) {
  std::string diagnostics;
  std::optional<DriverManifest> manifest = Read(R"({
    include: [ "syslog/client.shard.cml" ],
    program: {
        runner: "driver",
        binary: "../lib/gpio.so",
        bind: "bind/gpio.bindbc",
        colocate: "true",
        default_dispatcher_opts: [ "allow_sync_calls" ],
        fallback: false,
        service_connect_validation: "true",
    },
    capabilities: [ { service: "fuchsia.hardware.gpio.Service" } ],
    use: [
        { service: [ "fuchsia.hardware.gpioimpl.Service", "fuchsia.hardware.platform.device.Service" ] },
        { protocol: "fuchsia.logger.LogSink" },
    ],
    expose: [ { service: "fuchsia.hardware.gpio.Service", from: "self" } ],
})", &diagnostics);
  ASSERT_TRUE(manifest) << diagnostics;
  EXPECT_EQ(manifest->name, "gpio");
  EXPECT_EQ(manifest->url, "fuchsia-boot:///gpio#meta/gpio.cm");
  EXPECT_EQ(manifest->binary, "/drivers/gpio/lib/gpio.so");
  EXPECT_EQ(manifest->bind, "/drivers/gpio/meta/bind/gpio.bindbc");
  EXPECT_TRUE(manifest->colocate);
  EXPECT_TRUE(manifest->allow_sync_calls);
  EXPECT_FALSE(manifest->fallback);
  EXPECT_EQ(manifest->capabilities, std::vector<std::string>{"fuchsia.hardware.gpio.Service"});
  EXPECT_EQ(manifest->uses, (std::vector<std::string>{"fuchsia.hardware.gpioimpl.Service",
                                                      "fuchsia.hardware.platform.device.Service"}));
  EXPECT_EQ(manifest->protocols_used, std::vector<std::string>{"fuchsia.logger.LogSink"});
  EXPECT_EQ(manifest->exposes, std::vector<std::string>{"fuchsia.hardware.gpio.Service"});
  // The program dictionary keeps every entry, lists as lists, for DriverStartArgs.program.
  ASSERT_EQ(manifest->program.size(), 7u);
  EXPECT_EQ(manifest->program[3].key, "default_dispatcher_opts");
  EXPECT_TRUE(manifest->program[3].is_list);
  EXPECT_EQ(manifest->program[4].values, std::vector<std::string>{"false"});
}

TEST(DriverManifest, FlagsDefaultToFalse) {
  std::string diagnostics;
  std::optional<DriverManifest> manifest =
      Read(R"({ "program": { "runner": "driver", "binary": "a.so", "bind": "a.bindbc" } })",
           &diagnostics);
  ASSERT_TRUE(manifest) << diagnostics;
  EXPECT_FALSE(manifest->colocate);
  EXPECT_FALSE(manifest->allow_sync_calls);
  EXPECT_TRUE(manifest->uses.empty());
}

TEST(DriverManifest, EveryProblemIsReportedAtItsValue) {
  std::string diagnostics;
  EXPECT_FALSE(Read(R"({
    program: {
        runner: "driver",
        binary: 7,
        colocate: "maybe",
        default_dispatcher_opts: "allow_sync_calls",
        other: 3,
    },
    use: [ "fuchsia.a.Service" ],
})", &diagnostics));
  EXPECT_EQ(diagnostics,
            "/drivers/gpio/meta/gpio.cml:7:16: error: [FDFDRV003] 'program.other' must be a string "
            "or a list of strings\n"
            "/drivers/gpio/meta/gpio.cml:4:17: error: [FDFDRV003] 'program.binary' must be a string\n"
            "/drivers/gpio/meta/gpio.cml:2:14: error: [FDFDRV004] program has no 'bind'\n"
            "/drivers/gpio/meta/gpio.cml:5:19: error: [FDFDRV003] 'program.colocate' must be "
            "\"true\" or \"false\"\n"
            "/drivers/gpio/meta/gpio.cml:6:34: error: [FDFDRV003] "
            "'program.default_dispatcher_opts' must be a list of strings\n"
            "/drivers/gpio/meta/gpio.cml:9:12: error: [FDFDRV013] 'use[0]' must name exactly one "
            "'service' or 'protocol'\n");
}

}  // namespace
}  // namespace fdfkit::driver
