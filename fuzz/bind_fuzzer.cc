// Fuzzes the bind language: an input is bind library files and a rules file (split_input.h; the
// last part is the rules), compiled, encoded, decoded and matched; and the raw input itself as a
// compiled program, which Decode must reject or accept without trusting it. Diagnostics are the
// expected outcome; a crash, sanitizer report, hang, or a compiled program that does not
// round-trip is a bug.
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz/split_input.h"
#include "runtime/driver/bind/compiler.h"
#include "runtime/driver/bind/matcher.h"

namespace bind = fdfkit::bind;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string error;
  if (std::optional<bind::Program> raw = bind::Decode({data, size}, &error)) {
    bind::SymbolTable symbols;
    bind::LoadedProgram loaded(*raw, &symbols);
    for (size_t node = 0; node < loaded.node_count(); ++node) {
      (void)loaded.Matches(node, bind::PropertySet({{1u, 1u}}, symbols));
    }
  }
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts = SplitFiles(input);
  bind::Diagnostics diagnostics;
  bind::Compiler compiler(&diagnostics);
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    compiler.AddLibrary(std::make_unique<bind::SourceFile>("lib" + std::to_string(i) + ".bind",
                                                           std::string(parts[i])));
  }
  bind::SourceFile rules("rules.bind", std::string(parts.back()));
  std::optional<bind::CompiledRules> compiled = compiler.Compile(rules);
  (void)diagnostics.Text();
  if (!compiled) return 0;
  std::vector<uint8_t> bytes = bind::Encode(compiled->program);
  std::optional<bind::Program> decoded = bind::Decode(bytes, &error);
  if (!decoded || !(*decoded == compiled->program)) std::abort();
  bind::SymbolTable symbols;
  bind::LoadedProgram loaded(*decoded, &symbols);
  bind::Properties properties = {{1u, static_cast<uint32_t>(size)}, {std::string("k"), true}};
  for (size_t node = 0; node < loaded.node_count(); ++node) {
    (void)loaded.Matches(node, bind::PropertySet(properties, symbols));
  }
  return 0;
}
