#include "runtime/driver/bind/commands.h"

#include <memory>

#include "runtime/driver/bind/bind_test.h"
#include "runtime/driver/bind/compiler.h"
#include "support/atomic_write.h"

namespace fdfkit::bind {
namespace {

std::unique_ptr<SourceFile> Load(const std::string& path, Diagnostics* diagnostics) {
  std::string why;
  std::unique_ptr<SourceFile> file = SourceFile::Read(path, &why);
  if (!file) diagnostics->ReportFile(diag::kCannotReadFile, path, path, why);
  return file;
}

// Loads the libraries and compiles the rules; diagnostics are printed by the caller.
struct Compilation {
  Diagnostics diagnostics{"fdf-bindc"};
  Compiler compiler{&diagnostics};
  std::unique_ptr<SourceFile> rules;
  std::optional<CompiledRules> compiled;

  explicit Compilation(const BindcOptions& options) {
    bool ok = true;
    for (const std::string& path : options.includes) {
      std::unique_ptr<SourceFile> file = Load(path, &diagnostics);
      ok = file && compiler.AddLibrary(std::move(file)) && ok;
    }
    rules = Load(options.rules, &diagnostics);
    if (ok && rules) compiled = compiler.Compile(*rules);
  }
};

int Finish(const Diagnostics& diagnostics, std::ostream& err) {
  err << diagnostics.Text();
  return diagnostics.has_errors() ? 1 : 0;
}

}  // namespace

int RunCompile(const BindcOptions& options, std::ostream& out, std::ostream& err) {
  Compilation run(options);
  if (run.compiled && options.disable_autobind) run.compiled->program.flags |= kProgramDisableAutobind;
  if (run.compiled && options.output.empty()) out << Disassemble(run.compiled->program);
  if (run.compiled && !options.output.empty()) {
    std::vector<uint8_t> bytes = Encode(run.compiled->program);
    if (!support::WriteFileAtomically(options.output, std::string(bytes.begin(), bytes.end()))) {
      run.diagnostics.ReportFile(diag::kCannotWriteOutput, options.output, options.output,
                                 "the directory is missing or not writable");
    }
  }
  return Finish(run.diagnostics, err);
}

int RunTest(const BindcOptions& options, std::ostream& out, std::ostream& err) {
  Compilation run(options);
  std::unique_ptr<SourceFile> spec = Load(options.test_spec, &run.diagnostics);
  if (run.compiled && spec) {
    std::vector<BindTestResult> results =
        RunBindTests(*run.compiled, run.compiler.libraries(), *spec, &run.diagnostics);
    size_t passed = 0;
    for (const BindTestResult& result : results) passed += result.passed();
    if (!results.empty()) {
      out << options.rules << ": " << passed << " of " << results.size() << " bind tests passed\n";
    }
  }
  return Finish(run.diagnostics, err);
}

int RunDisassemble(const BindcOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics("fdf-bindc");
  std::unique_ptr<SourceFile> file = Load(options.program, &diagnostics);
  if (file) {
    std::string_view text = file->text();
    std::string error;
    std::optional<Program> program =
        Decode({reinterpret_cast<const uint8_t*>(text.data()), text.size()}, &error);
    if (program) {
      out << Disassemble(*program);
    } else {
      diagnostics.ReportFile(diag::kCorruptProgram, options.program, options.program, error);
    }
  }
  return Finish(diagnostics, err);
}

}  // namespace fdfkit::bind
