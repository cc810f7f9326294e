// migrate-driver as a library: reads the compile database and the mappings, runs every rewrite
// over each file with clang's LibTooling, and hands the edits out as a diff, rewritten files or
// clang-apply-replacements YAML. The CLI (cli/main.cc) only parses arguments.
#ifndef FDFKIT_MIGRATE_DRIVER_DRIVER_MIGRATION_H_
#define FDFKIT_MIGRATE_DRIVER_DRIVER_MIGRATION_H_

#include <ostream>
#include <string>
#include <vector>

#include "migrate/driver/rewrite_context.h"

namespace fdfkit::driver_migration {

enum class Output {
  kDryRun,       // a unified diff on stdout; nothing written
  kFix,          // the files rewritten in place, each whole or not at all
  kExportFixes,  // YAML for clang-apply-replacements
};

struct Options {
  std::string build_dir;                // -p: where compile_commands.json is
  std::vector<std::string> mappings;    // migrate-protocol's LIB.mapping.json files
  Mode mode = Mode::kReplace;
  Output output = Output::kDryRun;
  std::string export_fixes;             // kExportFixes: the YAML file
  std::string report;                   // a .md or .json file, or "" for none
  std::vector<std::string> extra_args;  // appended to every compile command
  std::string header_filter;            // headers whose real path matches are rewritten too
  std::vector<std::string> files;
};

// Exit status: 0 everything rewritten, 1 something left for a human (each a warning on `err`),
// 2 an error (bad database, file or mapping; a file that does not compile): nothing written.
int Run(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_DRIVER_MIGRATION_H_
