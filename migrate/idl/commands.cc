#include "migrate/idl/commands.h"

#include <llvm/Support/raw_ostream.h>

#include <filesystem>

#include "migrate/idl/formatter.h"
#include "migrate/idl/json_ir.h"
#include "support/atomic_write.h"

namespace fdfkit::idl {

bool CompileInputs(const Inputs& inputs, bool syntax_only, Compilation* c, std::ostream& err) {
  for (const std::string& dir : inputs.include_dirs) c->compiler.AddSearchPath(dir);
  for (const std::string& path : inputs.files) c->compiler.AddFile(path);
  bool ok = !c->reporter.has_errors();
  if (ok && !syntax_only) ok = c->compiler.Compile();
  std::string text;
  llvm::raw_string_ostream stream(text);
  c->reporter.Print(stream);
  err << stream.str();
  return ok;
}

int RunCheck(const Inputs& inputs, bool syntax_only, std::ostream& err) {
  Compilation c;
  return CompileInputs(inputs, syntax_only, &c, err) ? kExitOk : kExitInputErrors;
}

int RunFormat(const Inputs& inputs, bool syntax_only, bool in_place, const std::string& out_dir,
              std::ostream& out, std::ostream& err) {
  Compilation c;
  if (!CompileInputs(inputs, syntax_only, &c, err)) return kExitInputErrors;
  NameKinds kinds;
  FormatHints hints;
  for (const auto& file : c.compiler.raw_files()) CollectNameKinds(*file, &kinds);
  for (const flat::Library* library : c.compiler.targets()) hints.Merge(HintsFrom(*library));
  // raw_files() holds the user's files first, in order, then anything loaded through -I.
  for (size_t i = 0; i < inputs.files.size(); ++i) {
    std::string text = Format(*c.compiler.raw_files()[i], kinds, hints);
    if (!in_place && out_dir.empty()) {
      out << text;
      continue;
    }
    const std::string& path = inputs.files[i];
    std::string target = in_place ? path
                                  : (std::filesystem::path(out_dir) /
                                     std::filesystem::path(path).stem())
                                            .string() +
                                        ".fidl";
    if (!support::WriteFileAtomically(target, text)) {
      PrintDiagnostic(err, diag::kCannotWriteOutput, target);
      return kExitInputErrors;
    }
  }
  return kExitOk;
}

int RunIr(const Inputs& inputs, const std::string& output, const std::string& out_dir, bool pretty,
          std::ostream& out, std::ostream& err) {
  Compilation c;
  if (!CompileInputs(inputs, /*syntax_only=*/false, &c, err)) return kExitInputErrors;
  IrStyle style = pretty ? IrStyle::kPretty : IrStyle::kCompact;
  if (!out_dir.empty()) {
    for (const flat::Library* library : c.compiler.targets()) {
      std::string path = out_dir + "/" + library->name + ".ir.json";
      if (!support::WriteFileAtomically(path, IrText(*library, c.files, style))) {
        PrintDiagnostic(err, diag::kCannotWriteOutput, path);
        return kExitInputErrors;
      }
    }
    return kExitOk;
  }
  const std::string& target = c.compiler.raw_files()[inputs.files.size() - 1]->library;
  std::string text = IrText(*c.compiler.Find(target), c.files, style);
  if (output.empty() || output == "-") {
    out << text;
    return kExitOk;
  }
  if (!support::WriteFileAtomically(output, text)) {
    PrintDiagnostic(err, diag::kCannotWriteOutput, output);
    return kExitInputErrors;
  }
  return kExitOk;
}

}  // namespace fdfkit::idl
