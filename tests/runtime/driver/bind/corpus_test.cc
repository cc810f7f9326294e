// The corpus tree's bind rules compile against the tree's bind libraries
// (corpus/tree/src/devices/bind), and every bind test spec beside them (`*-bind-test.json`)
// passes, as `fdf-bindc test` would run them in a driver's build.
#include <gtest/gtest.h>

#include <filesystem>

#include "runtime/driver/bind/bind_test.h"
#include "runtime/driver/bind/compiler.h"
#include "support/read_file.h"

namespace fdfkit::bind {
namespace {

namespace fs = std::filesystem;

const fs::path kTree = fs::path(FDFKIT_SOURCE_DIR) / "corpus/tree/src";

std::vector<fs::path> FilesUnder(const fs::path& root, const std::string& suffix) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().string().ends_with(suffix)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::unique_ptr<SourceFile> Load(const fs::path& path) {
  return std::make_unique<SourceFile>(path.string(), support::ReadFile(path.string()).value_or(""));
}

TEST(BindCorpus, EveryDriverRulesFileCompilesAndItsBindTestsPass) {
  size_t rules_files = 0, specs = 0;
  for (const fs::path& rules_path : FilesUnder(kTree, ".bind")) {
    if (rules_path.string().find("/drivers/") == std::string::npos) continue;  // libraries
    SCOPED_TRACE(rules_path.string());
    Diagnostics diagnostics;
    Compiler compiler(&diagnostics);
    for (const fs::path& library : FilesUnder(kTree / "devices/bind", ".bind")) {
      compiler.AddLibrary(Load(library));
    }
    std::unique_ptr<SourceFile> rules = Load(rules_path);
    std::optional<CompiledRules> compiled = compiler.Compile(*rules);
    ASSERT_TRUE(compiled) << diagnostics.Text();
    EXPECT_EQ(diagnostics.Text(), "");
    ++rules_files;
    for (const fs::path& spec_path : FilesUnder(rules_path.parent_path(), "-bind-test.json")) {
      std::unique_ptr<SourceFile> spec = Load(spec_path);
      std::vector<BindTestResult> results =
          RunBindTests(*compiled, compiler.libraries(), *spec, &diagnostics);
      EXPECT_FALSE(results.empty());
      EXPECT_EQ(diagnostics.Text(), "");
      ++specs;
    }
  }
  EXPECT_EQ(rules_files, 10u);
  EXPECT_GE(specs, 1u);
}

}  // namespace
}  // namespace fdfkit::bind
