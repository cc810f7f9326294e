// fdf-idl: check, format and emit the IR of banjo and FIDL files, and generate bindings. Parses
// the command line and runs the command (migrate/idl/commands.h, generators/generate_command.h).
// Exit codes: 0 clean, 1 errors in the input, 2 usage errors.
#include <CLI/CLI.hpp>

#include <iostream>

#include "generators/generate_command.h"
#include "migrate/idl/commands.h"
#include "support/command_line.h"

int main(int argc, char** argv) {
  CLI::App app{"fdf-idl: the banjo and FIDL front end of fdfkit"};
  app.require_subcommand(1);

  fdfkit::idl::Inputs inputs;
  bool syntax_only = false;
  auto add_inputs = [&](CLI::App* command) {
    command->add_option("files", inputs.files, "IDL files")->required()->check(CLI::ExistingFile);
    command->add_option("-I", inputs.include_dirs, "library search directory (repeatable)")
        ->allow_extra_args(false)
        ->check(CLI::ExistingDirectory);
  };

  auto* check = app.add_subcommand("check", "parse and resolve; print diagnostics");
  add_inputs(check);
  check->add_flag("--syntax-only", syntax_only, "parse only, no library resolution");

  bool in_place = false;
  std::string dialect = "modern";
  auto* format = app.add_subcommand("format", "print canonical modern FIDL");
  add_inputs(format);
  format->add_flag("--in-place", in_place, "rewrite the files");
  format->add_flag("--syntax-only", syntax_only, "do not resolve (no `resource` inference)");
  format->add_option("--dialect", dialect, "output dialect")->check(CLI::IsMember({"modern"}));
  std::string format_dir;
  format->add_option("--out-dir", format_dir, "write each file here as <name>.fidl")
      ->check(CLI::ExistingDirectory)
      ->excludes("--in-place");

  std::string output, out_dir;
  bool pretty = false;
  auto* ir = app.add_subcommand("ir", "print the JSON IR of the last file's library");
  add_inputs(ir);
  auto* ir_output = ir->add_option("-o", output, "output file (default: stdout)");
  ir->add_option("--out-dir", out_dir, "write <library>.ir.json here for every library named")
      ->check(CLI::ExistingDirectory)
      ->excludes(ir_output);
  ir->add_flag("--pretty", pretty, "indent the JSON (default: one line)");

  fdfkit::generators::GenerateOptions generate;
  auto* gen = app.add_subcommand("gen", "run a code generator over the IR");
  add_inputs(gen);
  gen->add_option("--bindings", generate.bindings,
                  "wire, channel, driver, banjo-c, banjo-cpp, banjo-mock (a comma-separated "
                  "list), or shims")
      ->required();
  gen->add_option("-o", generate.out_dir, "output directory")->required();
  gen->add_option("--banjo", generate.banjo_files,
                  "shims: the banjo library the inputs were cloned from");
  gen->add_option("--mapping", generate.mapping, "shims: the clone's mapping.json");

  if (std::optional<int> exit_code = fdfkit::support::ParseCommandLine(app, argc, argv)) {
    return *exit_code;
  }
  if (check->parsed()) return fdfkit::idl::RunCheck(inputs, syntax_only, std::cerr);
  if (format->parsed()) {
    return fdfkit::idl::RunFormat(inputs, syntax_only, in_place, format_dir, std::cout, std::cerr);
  }
  if (ir->parsed()) return fdfkit::idl::RunIr(inputs, output, out_dir, pretty, std::cout, std::cerr);
  if (gen->parsed()) return fdfkit::generators::RunGenerate(inputs, generate, std::cerr);
  return fdfkit::idl::kExitUsage;
}
