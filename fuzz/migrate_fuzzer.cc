// Fuzzes migrate-protocol's pipeline behind the front end: translation by the default rules,
// compiling the clones, the message-size check, formatting, mapping and report. Any crash or
// sanitizer report is a bug; refusing an input (diagnostics, or a clone that does not compile)
// is an expected outcome.
#include <string>

#include "migrate/protocol/migrate_protocol.h"
#include "fuzz/split_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const fdfkit::protocol::MigrateOptions options = fdfkit::protocol::DefaultOptions();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<fdfkit::protocol::OutputFile> sources;
  std::vector<std::string_view> parts = SplitFiles(input);
  for (size_t i = 0; i < parts.size(); ++i) sources.push_back({FuzzFileName(i), std::string(parts[i])});
  fdfkit::protocol::MigrateResult result = fdfkit::protocol::MigrateSources(sources, {}, options);
  if (result.ok && result.files.size() % 3 != 0) __builtin_trap();  // three outputs per library
  return 0;
}
