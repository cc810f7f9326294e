// migrate-protocol: clone banjo protocols into driver-transport FIDL (see migrate/README.md).
// Exit codes: 0 done (or, with --check, outputs up to date), 1 input errors or stale outputs,
// 2 usage errors (including invalid rules).
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "support/atomic_write.h"
#include "support/read_file.h"
#include "support/unified_diff.h"
#include "migrate/protocol/migrate_protocol.h"

namespace {

constexpr int kInputErrors = 1;
constexpr int kUsageError = 2;

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"migrate-protocol: clone banjo protocols into driver-transport FIDL"};
  std::vector<std::string> files, include_dirs;
  std::string out_dir = ".", rules_path, transport, callbacks, report = "md";
  bool open = false, dry_run = false, check = false;
  app.add_option("files", files, "banjo files")->required()->check(CLI::ExistingFile);
  app.add_option("-I", include_dirs, "library search directory (repeatable)")
      ->allow_extra_args(false)
      ->check(CLI::ExistingDirectory);
  app.add_option("--rules", rules_path, "rules merged over rules/migrate-protocol.json")
      ->check(CLI::ExistingFile);
  app.add_option("-o", out_dir, "output directory")->check(CLI::ExistingDirectory);
  app.add_option("--transport", transport, "default transport: driver (co-located) or channel")
      ->check(CLI::IsMember({"driver", "channel"}));
  app.add_option("--callbacks", callbacks,
                 "default for interfaces: reverse-protocol (client_end) or events")
      ->check(CLI::IsMember({"reverse-protocol", "events"}));
  app.add_flag("--open", open, "open protocols with flexible methods by default");
  app.add_option("--report", report, "migration report format")
      ->check(CLI::IsMember({"md", "json"}));
  auto* dry = app.add_flag("--dry-run", dry_run, "print a diff of what would change; write nothing");
  app.add_flag("--check", check, "exit 1 if the outputs on disk are stale")->excludes(dry);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kUsageError;  // --help exits 0
  }

  std::string rules_text;
  if (!rules_path.empty()) {
    std::optional<std::string> text = fdfkit::support::ReadFile(rules_path);
    if (!text) {
      std::cerr << rules_path << ": error: cannot read\n";
      return kUsageError;
    }
    rules_text = *text;
  }
  std::string error;
  std::optional<fdfkit::protocol::Rules> rules = fdfkit::protocol::LoadRules(rules_text, rules_path, &error);
  if (!rules) {
    std::cerr << "error: invalid rules: " << error << "\n";
    return kUsageError;
  }
  // Flags set the defaults; per-library and per-protocol rules still win, being more specific.
  if (!transport.empty()) {
    rules->transport = transport == "driver" ? fdfkit::protocol::Transport::kDriver
                                             : fdfkit::protocol::Transport::kChannel;
  }
  if (!callbacks.empty()) {
    rules->callbacks = callbacks == "events" ? fdfkit::protocol::Callbacks::kEvents
                                             : fdfkit::protocol::Callbacks::kReverseProtocol;
  }
  if (open) rules->open = true;
  fdfkit::protocol::MigrateOptions options{std::move(*rules), report == "json"
                                                             ? fdfkit::protocol::ReportFormat::kJson
                                                             : fdfkit::protocol::ReportFormat::kMarkdown};
  fdfkit::protocol::MigrateResult result = fdfkit::protocol::MigrateProtocols(files, include_dirs, options);
  if (!result.ok) {
    std::cerr << result.errors;
    return kInputErrors;
  }
  int stale = 0;
  for (const fdfkit::protocol::OutputFile& file : result.files) {
    std::filesystem::path path = std::filesystem::path(out_dir) / file.name;
    std::optional<std::string> on_disk = fdfkit::support::ReadFile(path);
    if (on_disk == file.text) continue;
    ++stale;
    if (check) {
      std::cout << "stale: " << path.string() << "\n";
    } else if (dry_run) {
      std::cout << fdfkit::support::UnifiedDiff(on_disk.value_or(""), file.text,
                                        on_disk ? path.string() : "/dev/null", path.string());
    } else if (!fdfkit::support::WriteFileAtomically(path.string(), file.text)) {
      std::cerr << path.string() << ": error: cannot write\n";
      return kInputErrors;
    }
  }
  if (check && stale > 0) return kInputErrors;
  return 0;
}
