// Fuzzes the whole IDL front end: lexer, parser, resolver, type shapes, JSON IR and formatter.
// An input may hold several files (split_input.h). Any crash, sanitizer
// report, hang or unbounded memory use is a bug; diagnostics are the expected outcome.
#include <string>
#include <string_view>
#include <vector>

#include "idl/compiler.h"
#include "idl/formatter.h"
#include "idl/json_ir.h"
#include "split_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  fdf_idl::SourceFiles files;
  fdf_idl::Reporter reporter(&files);
  fdf_idl::Compiler compiler(&files, &reporter);
  std::vector<std::string_view> parts = SplitFiles(input);
  for (size_t i = 0; i < parts.size(); ++i) {
    compiler.AddSource(parts[i], FuzzFileName(i));
  }
  bool parsed = !reporter.has_errors();
  if (parsed && compiler.Compile()) {
    fdf_idl::NameKinds kinds;
    for (const auto& file : compiler.raw_files()) fdf_idl::CollectNameKinds(*file, &kinds);
    for (const fdf_idl::flat::Library* library : compiler.targets()) {
      std::string ir = fdf_idl::IrText(*library, files);
      fdf_idl::LayoutSet resources = fdf_idl::LayoutsNeedingResource(*library);
      for (const auto& file : compiler.raw_files()) {
        if (file->library == library->name) (void)fdf_idl::Format(*file, kinds, resources);
      }
    }
  }
  // Printing diagnostics walks every location back to its line: exercise it too.
  std::string summary = reporter.Summary();
  return 0;
}
