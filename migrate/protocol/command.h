// The migrate-protocol command: what its CLI parses, run against files on disk. Reads the rules
// and the inventory, migrates, and writes (or diffs, or checks) the outputs; every problem goes to
// `err` as a located diagnostic. Exit codes: 0 done (or, with --check, up to date), 1 input
// errors or stale outputs, 2 usage errors (invalid rules or inventory).
#ifndef FDFKIT_MIGRATE_PROTOCOL_COMMAND_H_
#define FDFKIT_MIGRATE_PROTOCOL_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "migrate/protocol/report.h"
#include "migrate/protocol/rules.h"

namespace fdfkit::protocol {

struct MigrateCommand {
  std::vector<std::string> files;
  std::vector<std::string> include_dirs;
  std::string out_dir = ".";
  std::string rules_path;      // empty: the defaults alone
  std::string inventory_path;  // empty: no inventory
  // Command-line defaults, folded into the rules (per-library and per-protocol rules still win).
  std::optional<std::string> transport, callbacks, openness, strictness;
  ReportFormat report = ReportFormat::kMarkdown;
  enum class Mode { kWrite, kDryRun, kCheck } mode = Mode::kWrite;
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputErrors = 1;
inline constexpr int kExitUsage = 2;

int RunMigrateCommand(const MigrateCommand& command, std::ostream& out, std::ostream& err);

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_COMMAND_H_
