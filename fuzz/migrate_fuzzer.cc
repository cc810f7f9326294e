// Fuzzes migrate-protocol's pipeline behind the front end: translation by the default rules,
// compiling the clones, the message-size check, formatting, mapping and report. Any crash or
// sanitizer report is a bug; refusing an input (diagnostics, or a clone that does not compile)
// is an expected outcome. A clone that is written must be clean FIDL: the written files compile
// again, together, without a single error, and format to themselves.
#include <cstdio>
#include <string>

#include "fuzz/split_input.h"
#include "migrate/idl/compiler.h"
#include "migrate/idl/formatter.h"
#include "migrate/protocol/migrate_protocol.h"

namespace {

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "migrate_fuzzer: %s\n%s\n", what, detail.c_str());
  __builtin_trap();
}

// The written clones, compiled again as their users will compile them.
void CheckClonesRecompile(const fdfkit::protocol::MigrateResult& result) {
  fdfkit::idl::SourceFiles files;
  fdfkit::idl::Reporter reporter(&files);
  fdfkit::idl::Compiler compiler(&files, &reporter);
  for (const auto& file : result.files) {
    if (file.name.ends_with(".fidl")) compiler.AddSource(file.text, file.name);
  }
  if (reporter.has_errors() || !compiler.Compile()) {
    std::string clones;
    for (const auto& file : result.files) {
      if (file.name.ends_with(".fidl")) clones += "--- " + file.name + "\n" + file.text;
    }
    Fail("a written clone does not compile", reporter.Summary() + clones);
  }
  for (const auto& raw : compiler.raw_files()) {
    fdfkit::idl::NameKinds kinds;
    fdfkit::idl::CollectNameKinds(*raw, &kinds);
    const fdfkit::idl::flat::Library* library = compiler.Find(raw->library);
    std::string again = fdfkit::idl::Format(*raw, kinds, fdfkit::idl::HintsFrom(*library));
    for (const auto& file : result.files) {
      if (file.name == raw->path && file.text != again) Fail("a clone does not format to itself", again);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const fdfkit::protocol::MigrateOptions options = fdfkit::protocol::DefaultOptions();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<fdfkit::protocol::OutputFile> sources;
  std::vector<std::string_view> parts = SplitFiles(input);
  for (size_t i = 0; i < parts.size(); ++i) sources.push_back({FuzzFileName(i), std::string(parts[i])});
  fdfkit::protocol::MigrateResult result = fdfkit::protocol::MigrateSources(sources, {}, options);
  if (!result.ok) return 0;
  if (result.files.size() % 3 != 0) Fail("not three outputs per library", "");
  CheckClonesRecompile(result);
  return 0;
}
