// Compiles bind sources held in strings, for the bind language tests.
#ifndef FDFKIT_TESTS_RUNTIME_DRIVER_BIND_BIND_TEST_SUPPORT_H_
#define FDFKIT_TESTS_RUNTIME_DRIVER_BIND_BIND_TEST_SUPPORT_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/driver/bind/compiler.h"

namespace fdfkit::bind::testing {

// A library most tests use: the banjo ids of two protocols, a string key with a named value, an
// enum key and a bool key.
inline constexpr char kExampleLibrary[] = R"(library fuchsia.example;
extend uint fuchsia.BIND_PROTOCOL { DEVICE = 10, IMPL = 11 };
string NAME { FIRST = "first" };
enum Mode { FAST, SLOW };
bool FLAG { ON = true };
)";

struct Compilation {
  Diagnostics diagnostics;
  Compiler compiler{&diagnostics};
  std::unique_ptr<SourceFile> rules;
  std::optional<CompiledRules> compiled;

  Compilation(const std::string& rules_text, const std::vector<std::string>& libraries) {
    int n = 0;
    for (const std::string& text : libraries) {
      compiler.AddLibrary(std::make_unique<SourceFile>("lib" + std::to_string(n++) + ".bind", text));
    }
    rules = std::make_unique<SourceFile>("rules.bind", rules_text);
    compiled = compiler.Compile(*rules);
  }
  std::string Listing() const { return compiled ? Disassemble(compiled->program) : diagnostics.Summary(); }
};

}  // namespace fdfkit::bind::testing

#endif  // FDFKIT_TESTS_RUNTIME_DRIVER_BIND_BIND_TEST_SUPPORT_H_
