// Every corpus library gets all three banjo bindings in process (so the sanitizer builds run the
// generator over the whole corpus); banjo_corpus_compile.sh checks that they compile.
#include <gtest/gtest.h>

#include "generators/banjo/banjo_generator.h"
#include "generators/library_view.h"
#include "tests/migrate/idl/idl_test_support.h"

namespace {

namespace banjo = fdfkit::generators::banjo;

TEST(BanjoCorpus, EveryLibraryGetsEveryBinding) {
  auto libraries = fdfkit::idl::testing::CorpusLibraries();
  ASSERT_GE(libraries.size(), 31u);
  for (const auto& files : libraries) {
    auto compiled = fdfkit::idl::testing::CompileCorpusLibrary(files);
    ASSERT_TRUE(compiled.ok) << files.front() << "\n" << compiled.errors();
    auto targets = compiled.compiler->targets();
    ASSERT_EQ(targets.size(), 1u) << files.front();
    fdfkit::generators::LibraryView library(*targets.front());
    auto generated = banjo::Generate(library, {banjo::BanjoBindings::kC, banjo::BanjoBindings::kCpp,
                                               banjo::BanjoBindings::kMock});
    std::string base = banjo::LibraryPath(library.name());
    for (const char* file : {"/c/banjo.h", "/cpp/banjo.h", "/cpp/banjo-internal.h",
                             "/cpp/banjo-mock.h"}) {
      ASSERT_TRUE(generated.count(base + file)) << base + file;
      EXPECT_NE(generated[base + file].find("#pragma once"), std::string::npos) << base + file;
    }
  }
}

}  // namespace
