// fdf-bindc's commands, as functions the CLI (cli/main.cc) and the tests call. Diagnostics go to
// `err`; results (a listing, a test summary) to `out`. Exit codes: 0 success, 1 errors in the
// inputs or a failing bind test.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_COMMANDS_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

namespace fdfkit::bind {

struct BindcOptions {
  std::vector<std::string> includes;  // bind library files
  std::string rules;                  // the rules file
  std::string output;                 // compile: the compiled program ("" prints a listing)
  std::string test_spec;              // test: the JSON spec
  std::string program;                // disassemble: a compiled program
  bool disable_autobind = false;      // compile: bound only on an explicit request
};

// Compiles the rules; writes the encoded program to `output` atomically (nothing on errors), or
// prints its listing.
int RunCompile(const BindcOptions& options, std::ostream& out, std::ostream& err);
// Compiles the rules and runs every case of the spec; names each failing case.
int RunTest(const BindcOptions& options, std::ostream& out, std::ostream& err);
// Checks a compiled program (as the driver index does before trusting it) and prints its listing.
int RunDisassemble(const BindcOptions& options, std::ostream& out, std::ostream& err);

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_COMMANDS_H_
