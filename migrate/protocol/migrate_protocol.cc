#include "migrate_protocol.h"

#include <cstdio>
#include <cstdlib>
#include <functional>

#include "idl/compiler.h"
#include "idl/formatter.h"
#include "message_size.h"

namespace fdf_migrate {

MigrateOptions DefaultOptions() {
  std::string error;
  std::optional<Rules> rules = LoadRules("", "", &error);
  if (!rules) {  // the defaults are compiled in and tested; this cannot happen in a release
    std::fprintf(stderr, "internal error: default rules: %s\n", error.c_str());
    std::abort();
  }
  return {std::move(*rules)};
}

namespace {

// The whole pipeline; `add_inputs` gives the compiler the banjo files.
MigrateResult Migrate(const std::vector<std::string>& include_dirs, const MigrateOptions& options,
                      const std::function<void(fdf_idl::Compiler&)>& add_inputs) {
  MigrateResult result;
  fdf_idl::SourceFiles files;
  fdf_idl::Reporter reporter(&files);
  fdf_idl::Compiler compiler(&files, &reporter);
  for (const std::string& dir : include_dirs) compiler.AddSearchPath(dir);
  add_inputs(compiler);
  if (!reporter.diagnostics().empty() || !compiler.Compile()) {
    result.errors = reporter.Summary();
    return result;
  }
  std::set<std::string> migrating;
  for (const fdf_idl::flat::Library* library : compiler.targets()) migrating.insert(library->name);
  std::vector<Translation> translations;
  for (const fdf_idl::flat::Library* library : compiler.targets()) {
    translations.push_back(Translate(*library, files, options.rules, migrating));
  }

  // Every clone must pass the same front end; they compile together so that a clone can import
  // another one under its new name.
  fdf_idl::SourceFiles out_files;
  fdf_idl::Reporter out_reporter(&out_files);
  fdf_idl::Compiler out_compiler(&out_files, &out_reporter);
  for (const std::string& dir : include_dirs) out_compiler.AddSearchPath(dir);
  for (const Translation& t : translations) out_compiler.AddSource(t.fidl, t.new_library + ".fidl");
  if (!out_compiler.Compile()) {
    result.errors = "error: the translation does not compile; refusing to write it:\n" +
                    out_reporter.Summary();
    for (const Translation& t : translations) {
      result.errors += "--- " + t.new_library + ".fidl ---\n" + t.fidl;
    }
    return result;
  }
  const auto& raw_files = out_compiler.raw_files();
  for (size_t i = 0; i < translations.size(); ++i) {
    Translation& t = translations[i];
    const fdf_idl::flat::Library* clone = out_compiler.Find(t.new_library);
    for (Note& note : CheckMessageSizes(*clone, t, options.rules.message_limit)) {
      t.notes.push_back(std::move(note));
    }
    const fdf_idl::raw::File& raw = *raw_files[i];
    fdf_idl::NameKinds kinds;
    fdf_idl::CollectNameKinds(raw, &kinds);
    std::string fidl = fdf_idl::Format(raw, kinds, fdf_idl::LayoutsNeedingResource(*clone));
    result.files.push_back({t.new_library + ".fidl", fidl});
    result.files.push_back({t.new_library + ".mapping.json", DumpJson(t.mapping)});
    result.files.push_back({ReportFileName(t, options.report), MigrationReport(t, options.report)});
  }
  result.ok = true;
  return result;
}

}  // namespace

MigrateResult MigrateProtocols(const std::vector<std::string>& paths,
                               const std::vector<std::string>& include_dirs,
                               const MigrateOptions& options) {
  return Migrate(include_dirs, options, [&](fdf_idl::Compiler& compiler) {
    for (const std::string& path : paths) compiler.AddFile(path);
  });
}

MigrateResult MigrateSources(const std::vector<OutputFile>& sources,
                             const std::vector<std::string>& include_dirs,
                             const MigrateOptions& options) {
  return Migrate(include_dirs, options, [&](fdf_idl::Compiler& compiler) {
    for (const OutputFile& source : sources) compiler.AddSource(source.text, source.name);
  });
}

}  // namespace fdf_migrate
