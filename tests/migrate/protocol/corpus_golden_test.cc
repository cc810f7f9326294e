// migrate-protocol over the bundled corpus: every library's clone, mapping and report equal the
// hand-reviewed goldens under tests/migrate/protocol/golden (FDFKIT_UPDATE_GOLDEN=1 rewrites
// them), every clone compiles, and migrating a clone again changes nothing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "tests/migrate/idl/idl_test_support.h"
#include "migrate/protocol/migrate_protocol.h"

namespace {

namespace fs = std::filesystem;

fs::path GoldenDir() {
  return fs::path(FDFKIT_SOURCE_DIR) / "tests" / "migrate" / "protocol" / "golden";
}

// Runs from the source tree so locations in reports read `corpus/protocols/...`, as the main
// job writes them.
class CorpusMigration : public ::testing::Test {
 protected:
  void SetUp() override {
    saved_ = fs::current_path();
    fs::current_path(FDFKIT_SOURCE_DIR);
  }
  void TearDown() override { fs::current_path(saved_); }

  static fdfkit::protocol::MigrateResult Migrate(const std::vector<fs::path>& files) {
    std::vector<std::string> paths;
    for (const fs::path& f : files) paths.push_back(fs::relative(f, FDFKIT_SOURCE_DIR).string());
    return fdfkit::protocol::MigrateProtocols(paths, {"corpus/protocols"}, fdfkit::protocol::DefaultOptions());
  }

  fs::path saved_;
};

TEST_F(CorpusMigration, EveryLibraryMatchesItsGoldens) {
  bool update = std::getenv("FDFKIT_UPDATE_GOLDEN") != nullptr;
  auto libraries = fdfkit::idl::testing::CorpusLibraries();
  ASSERT_GE(libraries.size(), 30u);
  size_t compared = 0;
  if (update) fs::create_directories(GoldenDir());
  for (const auto& files : libraries) {
    auto result = Migrate(files);
    ASSERT_TRUE(result.ok) << files.front() << "\n" << result.errors;
    ASSERT_EQ(result.files.size(), 3u);
    for (const auto& out : result.files) {
      fs::path golden = GoldenDir() / out.name;
      if (update) {
        std::ofstream(golden, std::ios::binary) << out.text;
        continue;
      }
      ASSERT_TRUE(fs::exists(golden)) << golden << " (regenerate with FDFKIT_UPDATE_GOLDEN=1)";
      EXPECT_EQ(out.text, fdfkit::idl::testing::ReadFile(golden)) << out.name << " differs from " << golden;
      ++compared;
    }
  }
  if (!update) {
    EXPECT_EQ(compared, 3 * libraries.size());
  }
}

TEST_F(CorpusMigration, ClonesCompileTogetherAndMigrateToThemselves) {
  std::vector<std::pair<std::string, std::string>> clones;
  for (const auto& files : fdfkit::idl::testing::CorpusLibraries()) {
    auto first = Migrate(files);
    ASSERT_TRUE(first.ok) << first.errors;
    clones.emplace_back(first.files[0].name, first.files[0].text);
    // The clone, migrated again, is the same text.
    fs::path again = fs::temp_directory_path() / ("again-" + first.files[0].name);
    std::ofstream(again, std::ios::binary) << first.files[0].text;
    auto second = fdfkit::protocol::MigrateProtocols({again.string()}, {"corpus/protocols"},
                                                fdfkit::protocol::DefaultOptions());
    fs::remove(again);
    ASSERT_TRUE(second.ok) << first.files[0].name << "\n" << second.errors;
    EXPECT_EQ(second.files[0].text, first.files[0].text) << first.files[0].name;
  }
  auto all = fdfkit::idl::testing::Compile(clones, {"corpus/protocols"});
  EXPECT_TRUE(all.ok) << all.errors();
}

// The corpus exercises every row the issue names, in all five dialects.
TEST_F(CorpusMigration, CorpusCoversEveryDialectAndEveryTranslationRow) {
  std::set<std::string> dialects;
  std::string reports, fidl;
  for (const auto& files : fdfkit::idl::testing::CorpusLibraries()) {
    auto c = fdfkit::idl::testing::CompileCorpusLibrary(files);
    ASSERT_TRUE(c.ok);
    for (const auto& raw : c.compiler->raw_files()) {
      if (raw->path.find("corpus/") == 0) {
        dialects.insert(fdfkit::idl::raw::DialectName(raw->dialect));
      }
    }
    auto result = Migrate(files);
    ASSERT_TRUE(result.ok);
    fidl += result.files[0].text;
    reports += result.files[2].text;
  }
  EXPECT_EQ(dialects.size(), 5u);
  for (const char* row : {"leading status", "@async", "@buffer on", "@callee_allocated on",
                          "@inner_pointer on", "@out_of_line_contents on", "had @in_out",
                          "had @mutable", "it is now also a response field", "with count",
                          "describe one memory range", "looks like a C array passed as pointer",
                          "is `usize` in banjo", "is `vector<voidptr>` in banjo", "→ event",
                          "renamed 'Device' by rule", "renamed 'fuchsia.wlan.phyimpl' by rule",
                          "as 'TemporaryPdevBoardInfo'", "imports 'fuchsia.hardware.usb.request'",
                          "message limit", "the doc comment of", "ddk-callback handed",
                          "ddk-interface handed", "added 'service Service'",
                          "on Zircon channels", "@packed on", "@default_protocol on",
                          "@derive_debug on", "@namespaced on", "@preserve_c_names on",
                          "@handle_wrappers on"}) {
    EXPECT_NE(reports.find(row), std::string::npos) << "no report mentions: " << row;
  }
  // The type table's rows that survive into the clones.
  for (const char* type : {"alias UsbEpAddress = uint8;", "zx.Koid", "zx.Off", "zx.Paddr",
                           "server_end:Registers", "ColorConversion:optional", "box<",
                           "array<array<float32, 3>, 3>", "client_end:", "zx.Handle:VMO",
                           "string:32", "strict bits", "table {", "flexible union",
                           "fuchsia.hardware.usb.request.UsbRequest"}) {
    EXPECT_NE(fidl.find(type), std::string::npos) << "no clone has: " << type;
  }
  EXPECT_NE(fidl.find("open protocol Device"), std::string::npos);
  EXPECT_NE(fidl.find("closed protocol"), std::string::npos);
}

}  // namespace
