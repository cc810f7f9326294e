// fdf-idl: check, format and (soon) emit the IR of banjo and FIDL files. Exit codes: 0 clean,
// 1 errors in the input, 2 usage errors.
#include <CLI/CLI.hpp>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "idl/formatter.h"
#include "idl/parser.h"

namespace {

constexpr int kInputErrors = 1;
constexpr int kUsageError = 2;

struct Parsed {
  fdf_idl::SourceFiles files;
  std::vector<fdf_idl::raw::File> raw;
};

// Loads and parses every file; false if any failed to load or had errors.
bool LoadAndParse(const std::vector<std::string>& paths, Parsed* parsed,
                  fdf_idl::Reporter* reporter) {
  bool ok = true;
  for (const std::string& path : paths) {
    std::string error;
    if (!parsed->files.AddFile(path, &error)) {
      std::cerr << error << "\n";
      ok = false;
      continue;
    }
    auto file = fdf_idl::ParseFile(parsed->files, parsed->files.count(), reporter);
    if (file) parsed->raw.push_back(std::move(*file));
  }
  return ok && !reporter->has_errors();
}

// Writes `text` to `path` through a temporary file and a rename: never a half-written file.
bool WriteAtomically(const std::string& path, const std::string& text) {
  std::string temp = path + ".fdf-idl.tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::remove(temp.c_str());
      return false;
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

int RunCheck(const std::vector<std::string>& paths, bool syntax_only) {
  Parsed parsed;
  fdf_idl::Reporter reporter(&parsed.files);
  bool ok = LoadAndParse(paths, &parsed, &reporter);
  reporter.Print(llvm::errs());
  // Library resolution is not built yet, so both modes are the syntax check (migrate/README.md).
  (void)syntax_only;
  return ok ? 0 : kInputErrors;
}

int RunFormat(const std::vector<std::string>& paths, bool in_place) {
  Parsed parsed;
  fdf_idl::Reporter reporter(&parsed.files);
  bool ok = LoadAndParse(paths, &parsed, &reporter);
  reporter.Print(llvm::errs());
  if (!ok) return kInputErrors;
  fdf_idl::NameKinds kinds;
  for (const auto& file : parsed.raw) fdf_idl::CollectNameKinds(file, &kinds);
  for (size_t i = 0; i < parsed.raw.size(); ++i) {
    std::string text = fdf_idl::Format(parsed.raw[i], kinds);
    if (!in_place) {
      std::cout << text;
      continue;
    }
    if (!WriteAtomically(paths[i], text)) {
      std::cerr << paths[i] << ": error: cannot write the formatted file\n";
      return kInputErrors;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"fdf-idl: the banjo and FIDL front end of fdfkit"};
  app.require_subcommand(1);

  std::vector<std::string> check_files, include_dirs;
  bool syntax_only = false;
  auto* check = app.add_subcommand("check", "parse and resolve; print diagnostics");
  check->add_option("files", check_files, "IDL files")->required()->check(CLI::ExistingFile);
  check->add_option("-I", include_dirs, "library search directory");
  check->add_flag("--syntax-only", syntax_only, "parse only, no library resolution");

  std::vector<std::string> format_files;
  bool in_place = false;
  std::string dialect = "modern";
  auto* format = app.add_subcommand("format", "print canonical modern FIDL");
  format->add_option("files", format_files, "IDL files")->required()->check(CLI::ExistingFile);
  format->add_flag("--in-place", in_place, "rewrite the files");
  format->add_option("--dialect", dialect, "output dialect")->check(CLI::IsMember({"modern"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsageError;
  }
  if (check->parsed()) return RunCheck(check_files, syntax_only);
  if (format->parsed()) return RunFormat(format_files, in_place);
  return kUsageError;
}
