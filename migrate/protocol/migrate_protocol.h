// The migrate-protocol pipeline: banjo files → resolved libraries → translations → every clone
// compiled again by fdf-idl (together, so clones may use each other) → the message-size check →
// canonical modern FIDL from the formatter, the mapping and the report.
#ifndef FDFKIT_MIGRATE_PROTOCOL_MIGRATE_PROTOCOL_H_
#define FDFKIT_MIGRATE_PROTOCOL_MIGRATE_PROTOCOL_H_

#include <string>
#include <vector>

#include "migrate/protocol/report.h"
#include "migrate/protocol/rules.h"
#include "migrate/protocol/transport_choice.h"
#include "migrate/protocol/translator.h"

namespace fdfkit::protocol {

struct MigrateOptions {
  Rules rules;
  ReportFormat report = ReportFormat::kMarkdown;
  InventoryTransports inventory = {};  // from `--inventory`: each library's transport in the plan
};

struct OutputFile {  // also an in-memory input file
  std::string name;  // file name inside the output directory
  std::string text;
};

struct MigrateResult {
  bool ok = false;
  bool invalid_rules = false;  // the rules name what the input does not have (a usage error)
  std::string errors;  // diagnostics, with locations
  std::vector<OutputFile> files;  // per library: .fidl, .mapping.json, .migration.md|json
};

MigrateResult MigrateProtocols(const std::vector<std::string>& paths,
                               const std::vector<std::string>& include_dirs,
                               const MigrateOptions& options);

// The same for in-memory sources (name and text), as tests and the fuzzer have them.
MigrateResult MigrateSources(const std::vector<OutputFile>& sources,
                             const std::vector<std::string>& include_dirs,
                             const MigrateOptions& options);

// The defaults of rules/migrate-protocol.json, for callers without a rules file.
MigrateOptions DefaultOptions();

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_MIGRATE_PROTOCOL_H_
