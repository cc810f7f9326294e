// The migrate-protocol pipeline: banjo files → resolved libraries → translation → the clone
// compiled again by fdf-idl (every output must check) → canonical modern FIDL from the formatter.
#ifndef FDFKIT_MIGRATE_PROTOCOL_MIGRATE_PROTOCOL_H_
#define FDFKIT_MIGRATE_PROTOCOL_MIGRATE_PROTOCOL_H_

#include <string>
#include <vector>

#include "translator.h"

namespace fdf_migrate {

struct OutputFile {
  std::string name;  // file name inside the output directory
  std::string text;
};

struct MigrateResult {
  bool ok = false;
  std::string errors;  // diagnostics, with locations
  std::vector<OutputFile> files;  // per library: .fidl, .mapping.json, .migration.md
};

MigrateResult MigrateProtocols(const std::vector<std::string>& paths,
                               const std::vector<std::string>& include_dirs,
                               const TranslateOptions& options);

}  // namespace fdf_migrate

#endif  // FDFKIT_MIGRATE_PROTOCOL_MIGRATE_PROTOCOL_H_
