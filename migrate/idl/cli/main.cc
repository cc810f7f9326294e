// fdf-idl: check, format and emit the IR of banjo and FIDL files. Exit codes: 0 clean, 1 errors
// in the input, 2 usage errors.
#include <CLI/CLI.hpp>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "migrate/idl/compiler.h"
#include "generators/cpp/cpp_generator.h"
#include "migrate/idl/formatter.h"
#include "support/atomic_write.h"
#include "migrate/idl/json_ir.h"
#include "migrate/idl/parser.h"

namespace {

constexpr int kInputErrors = 1;
constexpr int kUsageError = 2;

// Writes `text` to `path` through a temporary file and a rename: never a half-written file.
struct Compilation {
  fdfkit::idl::SourceFiles files;
  fdfkit::idl::Reporter reporter{&files};
  fdfkit::idl::Compiler compiler{&files, &reporter};
};

// Parses every file and, unless `syntax_only`, resolves them; prints diagnostics.
bool Compile(const std::vector<std::string>& paths, const std::vector<std::string>& include_dirs,
             bool syntax_only, Compilation* c) {
  for (const std::string& dir : include_dirs) c->compiler.AddSearchPath(dir);
  for (const std::string& path : paths) c->compiler.AddFile(path);
  bool ok = !c->reporter.has_errors();
  if (ok && !syntax_only) ok = c->compiler.Compile();
  c->reporter.Print(llvm::errs());
  return ok;
}

int RunCheck(const std::vector<std::string>& paths, const std::vector<std::string>& include_dirs,
             bool syntax_only) {
  Compilation c;
  return Compile(paths, include_dirs, syntax_only, &c) ? 0 : kInputErrors;
}

// Formatted text goes to stdout, back into each file (`in_place`), or into `out_dir` as
// <file name without extension>.fidl (the files of one library compile together).
int RunFormat(const std::vector<std::string>& paths, const std::vector<std::string>& include_dirs,
              bool syntax_only, bool in_place, const std::string& out_dir) {
  Compilation c;
  if (!Compile(paths, include_dirs, syntax_only, &c)) return kInputErrors;
  fdfkit::idl::NameKinds kinds;
  fdfkit::idl::FormatHints hints;
  for (const auto& file : c.compiler.raw_files()) fdfkit::idl::CollectNameKinds(*file, &kinds);
  for (const fdfkit::idl::flat::Library* library : c.compiler.targets()) {
    hints.Merge(fdfkit::idl::HintsFrom(*library));
  }
  // raw_files() holds the user's files first, in order, then anything loaded through -I.
  for (size_t i = 0; i < paths.size(); ++i) {
    std::string text = fdfkit::idl::Format(*c.compiler.raw_files()[i], kinds, hints);
    if (!in_place && out_dir.empty()) {
      std::cout << text;
      continue;
    }
    std::string target =
        in_place ? paths[i]
                 : (std::filesystem::path(out_dir) / std::filesystem::path(paths[i]).stem())
                           .string() + ".fidl";
    if (!fdfkit::support::WriteFileAtomically(target, text)) {
      std::cerr << target << ": error: cannot write the formatted file\n";
      return kInputErrors;
    }
  }
  return 0;
}

// The IR of the library of the last file (the other files are its dependencies, as with fidlc),
// or with `out_dir`, one `<library>.ir.json` per library named on the command line: a whole
// corpus in one run compiles the built-ins and shared imports once.
int RunIr(const std::vector<std::string>& paths, const std::vector<std::string>& include_dirs,
          const std::string& output, const std::string& out_dir, bool pretty) {
  Compilation c;
  if (!Compile(paths, include_dirs, /*syntax_only=*/false, &c)) return kInputErrors;
  fdfkit::idl::IrStyle style = pretty ? fdfkit::idl::IrStyle::kPretty : fdfkit::idl::IrStyle::kCompact;
  if (!out_dir.empty()) {
    for (const fdfkit::idl::flat::Library* library : c.compiler.targets()) {
      std::string path = out_dir + "/" + library->name + ".ir.json";
      if (!fdfkit::support::WriteFileAtomically(path, fdfkit::idl::IrText(*library, c.files, style))) {
        std::cerr << path << ": error: cannot write the IR\n";
        return kInputErrors;
      }
    }
    return 0;
  }
  const std::string& target = c.compiler.raw_files()[paths.size() - 1]->library;
  std::string text = fdfkit::idl::IrText(*c.compiler.Find(target), c.files, style);
  if (output.empty() || output == "-") {
    std::cout << text;
    return 0;
  }
  if (!fdfkit::support::WriteFileAtomically(output, text)) {
    std::cerr << output << ": error: cannot write the IR\n";
    return kInputErrors;
  }
  return 0;
}

// Writes the C++ bindings of every library named on the command line under `out_dir`.
int RunGen(const std::vector<std::string>& paths, const std::vector<std::string>& include_dirs,
           const std::string& bindings_list, const std::string& out_dir) {
  std::set<fdfkit::generators::cpp::Bindings> bindings;
  std::stringstream list(bindings_list);
  for (std::string item; std::getline(list, item, ',');) {
    if (item == "wire") {
      bindings.insert(fdfkit::generators::cpp::Bindings::kWire);
    } else if (item == "channel") {
      bindings.insert(fdfkit::generators::cpp::Bindings::kChannel);
    } else if (item == "driver") {
      bindings.insert(fdfkit::generators::cpp::Bindings::kDriver);
    } else {
      std::cerr << "fdf-idl gen: unknown bindings '" << item
                << "' (expected wire, channel, driver, or a comma-separated list)\n";
      return kUsageError;
    }
  }
  Compilation c;
  if (!Compile(paths, include_dirs, /*syntax_only=*/false, &c)) return kInputErrors;
  for (const fdfkit::idl::flat::Library* library : c.compiler.targets()) {
    for (const auto& [relative, text] : fdfkit::generators::cpp::Generate(fdfkit::generators::LibraryView(*library), bindings)) {
      std::filesystem::path path = std::filesystem::path(out_dir) / relative;
      std::error_code error;
      std::filesystem::create_directories(path.parent_path(), error);
      if (error || !fdfkit::support::WriteFileAtomically(path.string(), text)) {
        std::cerr << path.string() << ": error: cannot write generated bindings\n";
        return kInputErrors;
      }
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"fdf-idl: the banjo and FIDL front end of fdfkit"};
  app.require_subcommand(1);

  std::vector<std::string> files, include_dirs;
  bool syntax_only = false;
  auto add_inputs = [&](CLI::App* command) {
    command->add_option("files", files, "IDL files")->required()->check(CLI::ExistingFile);
    command->add_option("-I", include_dirs, "library search directory (repeatable)")
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

  std::string generator;
  auto* gen = app.add_subcommand("gen", "run a code generator over the IR");
  add_inputs(gen);
  gen->add_option("--bindings", generator, "wire, channel, driver, or a comma-separated list")
      ->required();
  gen->add_option("-o", output, "output directory")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsageError;
  }
  if (check->parsed()) return RunCheck(files, include_dirs, syntax_only);
  if (format->parsed()) return RunFormat(files, include_dirs, syntax_only, in_place, format_dir);
  if (ir->parsed()) return RunIr(files, include_dirs, output, out_dir, pretty);
  if (gen->parsed()) return RunGen(files, include_dirs, generator, output);
  return kUsageError;
}
