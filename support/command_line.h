// The command-line step every tool shares: CLI11 parses, prints --help or the error itself, and
// the tool learns whether to go on or exit, with one exit code for a malformed command line.
#ifndef FDFKIT_SUPPORT_COMMAND_LINE_H_
#define FDFKIT_SUPPORT_COMMAND_LINE_H_

#include <CLI/CLI.hpp>

#include <optional>

namespace fdfkit::support {

inline constexpr int kExitUsage = 2;

// The exit code when parsing ends the run (0 after --help, kExitUsage after an error), or nothing
// when the tool should go on.
inline std::optional<int> ParseCommandLine(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitUsage;
  }
  return std::nullopt;
}

}  // namespace fdfkit::support

#endif  // FDFKIT_SUPPORT_COMMAND_LINE_H_
