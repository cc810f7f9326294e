// Fuzzes the whole IDL front end: lexer, parser, resolver, type shapes, JSON IR and formatter.
// An input may hold several files (split_input.h). Any crash, sanitizer
// report, hang or unbounded memory use is a bug; diagnostics are the expected outcome.
#include <string>
#include <string_view>
#include <vector>

#include "migrate/idl/compiler.h"
#include "migrate/idl/formatter.h"
#include "migrate/idl/json_ir.h"
#include "fuzz/split_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  fdfkit::idl::SourceFiles files;
  fdfkit::idl::Reporter reporter(&files);
  fdfkit::idl::Compiler compiler(&files, &reporter);
  std::vector<std::string_view> parts = SplitFiles(input);
  for (size_t i = 0; i < parts.size(); ++i) {
    compiler.AddSource(parts[i], FuzzFileName(i));
  }
  bool parsed = !reporter.has_errors();
  if (parsed && compiler.Compile()) {
    fdfkit::idl::NameKinds kinds;
    for (const auto& file : compiler.raw_files()) fdfkit::idl::CollectNameKinds(*file, &kinds);
    for (const fdfkit::idl::flat::Library* library : compiler.targets()) {
      std::string ir = fdfkit::idl::IrText(*library, files);
      fdfkit::idl::FormatHints resources = fdfkit::idl::HintsFrom(*library);
      for (const auto& file : compiler.raw_files()) {
        if (file->library == library->name) (void)fdfkit::idl::Format(*file, kinds, resources);
      }
    }
  }
  // Printing diagnostics walks every location back to its line: exercise it too.
  std::string summary = reporter.Summary();
  return 0;
}
