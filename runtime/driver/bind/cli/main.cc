// fdf-bindc: the bind language compiler, shaped like Fuchsia's bindc.
//   fdf-bindc compile [--include LIB.bind]... [-o OUT] [--disable-autobind] RULES.bind
//   fdf-bindc test [--include LIB.bind]... --test-spec TESTS.json RULES.bind
//   fdf-bindc disassemble PROGRAM (a file `compile -o` wrote)
// Exit codes: 0 success, 1 errors in the inputs or a failing test, 2 usage errors.
#include <CLI/CLI.hpp>

#include <iostream>

#include "runtime/driver/bind/commands.h"
#include "support/command_line.h"

int main(int argc, char** argv) {
  CLI::App app{"fdf-bindc: compile and test driver bind rules"};
  app.require_subcommand(1);
  fdfkit::bind::BindcOptions options;
  auto add_inputs = [&](CLI::App* command) {
    command->add_option("rules", options.rules, "the rules file")->required();
    command->add_option("--include", options.includes, "a bind library file (repeatable)")
        ->allow_extra_args(false);
  };
  auto* compile = app.add_subcommand("compile", "compile rules; print a listing or write -o");
  add_inputs(compile);
  compile->add_option("-o,--output", options.output, "write the compiled program here");
  compile->add_flag("--disable-autobind", options.disable_autobind,
                    "the driver binds only when asked to (NodeController.RequestBind)");
  auto* test = app.add_subcommand("test", "run a bind test spec against the rules");
  add_inputs(test);
  test->add_option("--test-spec", options.test_spec, "the JSON test cases")->required();
  auto* disassemble = app.add_subcommand("disassemble", "check a compiled program and list it");
  disassemble->add_option("program", options.program, "a compiled bind program")->required();
  if (std::optional<int> exit_code = fdfkit::support::ParseCommandLine(app, argc, argv)) {
    return *exit_code;
  }
  if (compile->parsed()) return fdfkit::bind::RunCompile(options, std::cout, std::cerr);
  if (disassemble->parsed()) return fdfkit::bind::RunDisassemble(options, std::cout, std::cerr);
  return fdfkit::bind::RunTest(options, std::cout, std::cerr);
}
