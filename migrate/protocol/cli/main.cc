// migrate-protocol: clone banjo protocols into driver-transport FIDL (see migrate/README.md).
// Parses the command line and runs fdfkit::protocol::RunMigrateCommand.
#include <CLI/CLI.hpp>

#include <iostream>

#include "migrate/protocol/command.h"
#include "support/command_line.h"

int main(int argc, char** argv) {
  using fdfkit::protocol::MigrateCommand;
  CLI::App app{"migrate-protocol: clone banjo protocols into driver-transport FIDL"};
  MigrateCommand command;
  std::string report = "md";
  bool dry_run = false, check = false;
  app.add_option("files", command.files, "banjo files")->required()->check(CLI::ExistingFile);
  app.add_option("-I", command.include_dirs, "library search directory (repeatable)")
      ->allow_extra_args(false)
      ->check(CLI::ExistingDirectory);
  app.add_option("--rules", command.rules_path, "rules merged over rules/migrate-protocol.json");
  app.add_option("--inventory", command.inventory_path,
                 "migrate-plan inventory: each library's transport comes from it");
  app.add_option("-o", command.out_dir, "output directory (created if missing)");
  app.add_option("--transport", command.transport, "default transport: driver or channel")
      ->check(CLI::IsMember({"driver", "channel"}));
  app.add_option("--callbacks", command.callbacks,
                 "default for interfaces: reverse-protocol (client_end) or events")
      ->check(CLI::IsMember({"reverse-protocol", "events"}));
  app.add_option("--openness", command.openness, "default protocol openness")
      ->check(CLI::IsMember({"closed", "ajar", "open"}));
  app.add_option("--strictness", command.strictness, "default method strictness")
      ->check(CLI::IsMember({"strict", "flexible"}));
  app.add_option("--report", report, "migration report format")->check(CLI::IsMember({"md", "json"}));
  auto* dry = app.add_flag("--dry-run", dry_run, "print a diff of what would change; write nothing");
  app.add_flag("--check", check, "exit 1 if the outputs on disk are stale")->excludes(dry);
  if (std::optional<int> exit_code = fdfkit::support::ParseCommandLine(app, argc, argv)) {
    return *exit_code;
  }
  command.report = report == "json" ? fdfkit::protocol::ReportFormat::kJson
                                    : fdfkit::protocol::ReportFormat::kMarkdown;
  command.mode = check     ? MigrateCommand::Mode::kCheck
                 : dry_run ? MigrateCommand::Mode::kDryRun
                           : MigrateCommand::Mode::kWrite;
  return fdfkit::protocol::RunMigrateCommand(command, std::cout, std::cerr);
}
