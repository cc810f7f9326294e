// The fdf-idl commands of the front end, as its CLI runs them: check, format and ir over files on
// disk. Each prints diagnostics to `err` and returns the exit code: 0 clean, 1 errors in the
// input (nothing written), 2 usage errors. `fdf-idl gen` is generators/generate_command.h.
#ifndef FDFKIT_MIGRATE_IDL_COMMANDS_H_
#define FDFKIT_MIGRATE_IDL_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

#include "migrate/idl/compiler.h"

namespace fdfkit::idl {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputErrors = 1;
inline constexpr int kExitUsage = 2;

// The inputs every command takes: files and library search directories.
struct Inputs {
  std::vector<std::string> files;
  std::vector<std::string> include_dirs;
};

// Sources, diagnostics and the compiler of one run, kept together (the compiler points into the
// sources).
struct Compilation {
  SourceFiles files;
  Reporter reporter{&files};
  Compiler compiler{&files, &reporter};
};

// Prints one diagnostic of the table that concerns no place in the sources.
template <typename... Args>
void PrintDiagnostic(std::ostream& err, const support::DiagnosticDef<Args...>& def,
                     const std::type_identity_t<Args>&... args) {
  err << "fdf-idl: " << support::Make(def, args...).Text() << "\n";
}

// Parses every file and, unless `syntax_only`, resolves them; prints the diagnostics to `err`.
bool CompileInputs(const Inputs& inputs, bool syntax_only, Compilation* c, std::ostream& err);

int RunCheck(const Inputs& inputs, bool syntax_only, std::ostream& err);

// Formatted text to `out`, back into each file (`in_place`), or into `out_dir` as
// <file name without extension>.fidl (the files of one library are formatted together).
int RunFormat(const Inputs& inputs, bool syntax_only, bool in_place, const std::string& out_dir,
              std::ostream& out, std::ostream& err);

// The IR of the last file's library to `output` ("" or "-": `out`), or with `out_dir` one
// `<library>.ir.json` per library named: a whole corpus in one run compiles shared imports once.
int RunIr(const Inputs& inputs, const std::string& output, const std::string& out_dir, bool pretty,
          std::ostream& out, std::ostream& err);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_COMMANDS_H_
