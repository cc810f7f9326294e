// migrate-driver: ports a driver's C++ from banjo to the driver transport (--mode=replace), or
// to dual mode through the generated shims (--mode=dual). See migrate/README.md.
#include <CLI/CLI.hpp>

#include <iostream>

#include "migrate/driver/driver_migration.h"

int main(int argc, char** argv) {
  namespace dm = fdfkit::driver_migration;
  dm::Options options;
  CLI::App app{"migrate-driver: rewrite a driver's banjo C++ for the driver transport"};
  app.add_option("-p", options.build_dir, "build directory holding compile_commands.json")
      ->required();
  // One value per flag: the files come after.
  app.add_option("--mapping", options.mappings, "migrate-protocol's LIB.mapping.json (repeatable)")
      ->allow_extra_args(false);
  std::string mode = "replace";
  app.add_option("--mode", mode, "replace: port fully; dual: keep banjo, add the shims")
      ->check(CLI::IsMember({"replace", "dual"}));
  bool fix = false, dry_run = false;
  auto* fix_flag = app.add_flag("--fix", fix, "rewrite the files in place (atomically)");
  auto* export_option = app.add_option("--export-fixes", options.export_fixes,
                                       "write the edits as clang-apply-replacements YAML");
  app.add_flag("--dry-run", dry_run, "print a unified diff; write nothing (the default)")
      ->excludes(fix_flag)
      ->excludes(export_option);
  fix_flag->excludes(export_option);
  app.add_option("--report", options.report,
                 "write what was done and left for a human (.md or .json)");
  app.add_option("--extra-arg", options.extra_args, "append to every compile command (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--header-filter", options.header_filter,
                 "also rewrite the headers whose path matches this regular expression (each "
                 "with the one given file that includes it)");
  app.add_option("files", options.files, "the driver's source files")->required();
  CLI11_PARSE(app, argc, argv);
  options.mode = mode == "dual" ? dm::Mode::kDual : dm::Mode::kReplace;
  options.output = fix                              ? dm::Output::kFix
                   : !options.export_fixes.empty() ? dm::Output::kExportFixes
                                                   : dm::Output::kDryRun;
  return dm::Run(options, std::cout, std::cerr);
}
