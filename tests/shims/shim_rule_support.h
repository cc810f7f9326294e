// For tests of what the shim generator decides from the libraries alone: the shims of a library
// generated in-process from banjo and clone sources given as text.
#ifndef FDFKIT_TESTS_SHIMS_SHIM_RULE_SUPPORT_H_
#define FDFKIT_TESTS_SHIMS_SHIM_RULE_SUPPORT_H_

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "generators/library_view.h"
#include "shims/shim_generator.h"
#include "tests/migrate/idl/idl_test_support.h"

namespace fdfkit::shims::testing {

struct Outcome {
  std::string header;
  std::vector<std::string> left_out;
};

// The shims of `library`: its banjo sources against its clone's, by `mapping`. Each side must
// compile.
inline Outcome GenerateFrom(const std::vector<std::pair<std::string, std::string>>& banjo,
                            const std::vector<std::pair<std::string, std::string>>& clone,
                            const std::string& library, const nlohmann::json& mapping) {
  idl::testing::Compiled banjo_library = idl::testing::Compile(banjo);
  idl::testing::Compiled clone_library = idl::testing::Compile(clone);
  EXPECT_TRUE(banjo_library.ok) << banjo_library.errors();
  EXPECT_TRUE(clone_library.ok) << clone_library.errors();
  ShimHeader header;
  std::string error;
  EXPECT_TRUE(GenerateShims(generators::LibraryView(banjo_library.library(library)),
                            generators::LibraryView(clone_library.library(library)), mapping,
                            &header, &error))
      << error;
  return {header.text, header.left_out};
}

}  // namespace fdfkit::shims::testing

#endif  // FDFKIT_TESTS_SHIMS_SHIM_RULE_SUPPORT_H_
