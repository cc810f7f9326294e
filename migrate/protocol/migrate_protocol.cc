#include "migrate_protocol.h"

#include "idl/compiler.h"
#include "idl/formatter.h"

namespace fdf_migrate {

MigrateResult MigrateProtocols(const std::vector<std::string>& paths,
                               const std::vector<std::string>& include_dirs,
                               const TranslateOptions& options) {
  MigrateResult result;
  fdf_idl::SourceFiles files;
  fdf_idl::Reporter reporter(&files);
  fdf_idl::Compiler compiler(&files, &reporter);
  for (const std::string& dir : include_dirs) compiler.AddSearchPath(dir);
  for (const std::string& path : paths) compiler.AddFile(path);
  if (!reporter.diagnostics().empty() || !compiler.Compile()) {
    result.errors = reporter.Summary();
    return result;
  }
  for (const fdf_idl::flat::Library* library : compiler.targets()) {
    Translation translation = Translate(*library, files, options);
    // The clone must pass the same front end; its canonical text comes from the formatter.
    fdf_idl::SourceFiles out_files;
    fdf_idl::Reporter out_reporter(&out_files);
    fdf_idl::Compiler out_compiler(&out_files, &out_reporter);
    for (const std::string& dir : include_dirs) out_compiler.AddSearchPath(dir);
    std::string name = library->name + ".fidl";
    out_compiler.AddSource(translation.fidl, name);
    if (!out_compiler.Compile()) {
      result.errors += "error: the translation of '" + library->name +
                       "' does not compile; refusing to write it:\n" + out_reporter.Summary() +
                       "--- translation ---\n" + translation.fidl;
      return result;
    }
    const fdf_idl::raw::File& raw = *out_compiler.raw_files()[0];
    fdf_idl::NameKinds kinds;
    fdf_idl::CollectNameKinds(raw, &kinds);
    std::string fidl = fdf_idl::Format(
        raw, kinds, fdf_idl::LayoutsNeedingResource(*out_compiler.Find(library->name)));
    result.files.push_back({name, fidl});
    result.files.push_back({library->name + ".mapping.json", translation.mapping.dump(2) + "\n"});
    result.files.push_back({library->name + ".migration.md",
                            MigrationReport(translation, library->files.front())});
  }
  result.ok = true;
  return result;
}

}  // namespace fdf_migrate
