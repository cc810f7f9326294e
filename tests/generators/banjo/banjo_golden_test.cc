// fdf-idl's banjo backends against hand-read goldens, one input per concern in the style of
// fidlgen_banjo's own tests: goldens/<name>.test.fidl (or .test.banjo) declares library
// banjo.examples.<name>, and what `fdf-idl gen --bindings=banjo-c,banjo-cpp,banjo-mock` writes
// for it under banjo/examples/<name>/ is expected byte for byte under goldens/<name>/:
//   c/banjo.h  cpp/banjo.h  cpp/banjo-internal.h  cpp/banjo-mock.h
// Imports (crossuse uses crossdep) are found in goldens/ as `-I` would find them. A mismatch
// prints a unified diff; FDFKIT_UPDATE_GOLDEN=1 rewrites the goldens (then read the diff).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "generators/banjo/banjo_generator.h"
#include "generators/library_view.h"
#include "migrate/idl/commands.h"
#include "support/unified_diff.h"

namespace {

namespace fs = std::filesystem;
namespace banjo = fdfkit::generators::banjo;

fs::path GoldenDir() {
  return fs::path(FDFKIT_SOURCE_DIR) / "tests" / "generators" / "banjo" / "goldens";
}

bool Updating() { return std::getenv("FDFKIT_UPDATE_GOLDEN") != nullptr; }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `async` for goldens/async.test.fidl.
std::string NameOf(const fs::path& input) {
  std::string file = input.filename().string();
  return file.substr(0, file.find(".test."));
}

std::vector<std::string> InputNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(GoldenDir())) {
    std::string file = entry.path().filename().string();
    if (file.ends_with(".test.fidl") || file.ends_with(".test.banjo")) {
      names.push_back(NameOf(entry.path()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

fs::path InputOf(const std::string& name) {
  fs::path fidl = GoldenDir() / (name + ".test.fidl");
  return fs::exists(fidl) ? fidl : GoldenDir() / (name + ".test.banjo");
}

// Every file under `dir`, relative to it.
std::set<std::string> FilesUnder(const fs::path& dir) {
  std::set<std::string> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), dir).string());
  }
  return files;
}

class BanjoGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(BanjoGolden, MatchesExpectedBindings) {
  const std::string& name = GetParam();
  fs::path input = InputOf(name);
  fdfkit::idl::Compilation compilation;
  std::ostringstream diagnostics;
  ASSERT_TRUE(fdfkit::idl::CompileInputs({{input.string()}, {GoldenDir().string()}},
                                         /*syntax_only=*/false, &compilation, diagnostics))
      << diagnostics.str();
  auto targets = compilation.compiler.targets();
  ASSERT_EQ(targets.size(), 1u);
  fdfkit::generators::LibraryView library(*targets.front());
  ASSERT_EQ(library.name(), "banjo.examples." + name)
      << input << ": name the input after its library";

  auto generated = banjo::Generate(
      library, {banjo::BanjoBindings::kC, banjo::BanjoBindings::kCpp, banjo::BanjoBindings::kMock});
  std::string prefix = banjo::LibraryPath(library.name()) + "/";
  fs::path expected_dir = GoldenDir() / name;
  std::set<std::string> expected_files = FilesUnder(expected_dir);

  if (Updating()) {
    fs::remove_all(expected_dir);
  }
  for (const auto& [path, text] : generated) {
    ASSERT_TRUE(path.starts_with(prefix)) << path;
    std::string relative = path.substr(prefix.size());
    fs::path golden = expected_dir / relative;
    expected_files.erase(relative);
    if (Updating()) {
      fs::create_directories(golden.parent_path());
      std::ofstream(golden, std::ios::binary) << text;
      continue;
    }
    ASSERT_TRUE(fs::exists(golden))
        << golden << " is missing (regenerate with FDFKIT_UPDATE_GOLDEN=1)";
    std::string expected = ReadFile(golden);
    EXPECT_TRUE(expected == text)
        << fdfkit::support::UnifiedDiff(expected, text, golden.string(), "generated/" + path)
        << "(FDFKIT_UPDATE_GOLDEN=1 rewrites the goldens)";
  }
  if (!Updating()) {
    for (const std::string& stale : expected_files) {
      ADD_FAILURE() << (expected_dir / stale) << " is not generated any more";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Inputs, BanjoGolden, ::testing::ValuesIn(InputNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

// Every folder of expected output belongs to an input.
TEST(BanjoGoldenInputs, EveryGoldenFolderHasItsInput) {
  std::vector<std::string> names = InputNames();
  ASSERT_FALSE(names.empty());
  std::set<std::string> inputs(names.begin(), names.end());
  for (const auto& entry : fs::directory_iterator(GoldenDir())) {
    if (entry.is_directory()) {
      EXPECT_TRUE(inputs.count(entry.path().filename().string()))
          << entry.path() << " has no " << entry.path().filename().string() << ".test.fidl";
    }
  }
}

// The inputs are written in all five dialects.
TEST(BanjoGoldenInputs, EveryDialectIsCovered) {
  std::set<std::string> dialects;
  for (const std::string& name : InputNames()) {
    fdfkit::idl::Compilation compilation;
    std::ostringstream diagnostics;
    ASSERT_TRUE(fdfkit::idl::CompileInputs({{InputOf(name).string()}, {GoldenDir().string()}},
                                           /*syntax_only=*/true, &compilation, diagnostics))
        << diagnostics.str();
    dialects.insert(fdfkit::idl::raw::DialectName(compilation.compiler.raw_files()[0]->dialect));
  }
  EXPECT_EQ(dialects.size(), 5u);
}

}  // namespace
