#include "migrate/protocol/migrate_protocol.h"

#include <cstdio>
#include <cstdlib>
#include <functional>

#include "migrate/idl/compiler.h"
#include "migrate/idl/formatter.h"
#include "migrate/protocol/message_size.h"
#include "migrate/protocol/rule_check.h"

namespace fdfkit::protocol {

MigrateOptions DefaultOptions() {
  RulesProblem problem;
  std::optional<Rules> rules = LoadRules("", "", &problem);
  if (!rules) {  // the defaults are compiled in and tested; this cannot happen in a release
    std::fprintf(stderr, "internal error: default rules: %s\n", problem.Text().c_str());
    std::abort();
  }
  return {std::move(*rules)};
}

namespace {

// The whole pipeline; `add_inputs` gives the compiler the banjo files.
MigrateResult Migrate(const std::vector<std::string>& include_dirs, const MigrateOptions& options,
                      const std::function<void(fdfkit::idl::Compiler&)>& add_inputs) {
  MigrateResult result;
  fdfkit::idl::SourceFiles files;
  fdfkit::idl::Reporter reporter(&files);
  fdfkit::idl::Compiler compiler(&files, &reporter);
  for (const std::string& dir : include_dirs) compiler.AddSearchPath(dir);
  add_inputs(compiler);
  if (reporter.has_errors() || !compiler.Compile()) {
    result.errors = reporter.Summary();
    return result;
  }
  // A rule the user wrote for something the input lacks is an error, not a silent no-op.
  if (!options.rules.patch.empty()) {
    for (const RulesProblem& problem : CheckRulesNameTheInput(
             options.rules.patch, options.rules.patch_source, compiler.targets())) {
      result.errors += problem.Text() + "\n";
    }
    if (!result.errors.empty()) {
      result.invalid_rules = true;
      return result;
    }
  }
  std::set<std::string> migrating;
  for (const fdfkit::idl::flat::Library* library : compiler.targets()) migrating.insert(library->name);
  std::vector<Translation> translations;
  for (const fdfkit::idl::flat::Library* library : compiler.targets()) {
    translations.push_back(Translate(*library, files, options.rules, options.inventory, migrating));
    for (const RulesProblem& problem : translations.back().rule_problems) {
      result.errors += problem.Text() + "\n";
    }
  }
  if (!result.errors.empty()) {  // a rule that makes invalid FIDL is the rule's error, not 040's
    result.invalid_rules = true;
    return result;
  }

  // Every clone must pass the same front end; they compile together so that a clone can import
  // another one under its new name.
  fdfkit::idl::SourceFiles out_files;
  fdfkit::idl::Reporter out_reporter(&out_files);
  fdfkit::idl::Compiler out_compiler(&out_files, &out_reporter);
  for (const std::string& dir : include_dirs) out_compiler.AddSearchPath(dir);
  for (const Translation& t : translations) out_compiler.AddSource(t.fidl, t.new_library + ".fidl");
  // Fail closed: a clone the front end rejects, or one that is missing, is never written.
  bool compiled = !out_reporter.has_errors() && out_compiler.Compile();
  for (const Translation& t : translations) {
    if (compiled && out_compiler.Find(t.new_library)) continue;
    result.errors += t.source + ": " +
                     support::Make(diag::kCloneDoesNotCompile, t.new_library).Text() + "\n";
  }
  if (!result.errors.empty()) {
    result.errors += out_reporter.Summary();
    for (const Translation& t : translations) {
      result.errors += "--- " + t.new_library + ".fidl ---\n" + t.fidl;
    }
    return result;
  }
  std::map<std::string, std::string> banjo_names;
  for (const Translation& t : translations) banjo_names[t.new_library] = t.library;
  for (Translation& t : translations) {
    const fdfkit::idl::flat::Library* clone = out_compiler.Find(t.new_library);
    for (Note& note : CheckMessageSizes(*clone, t, options.rules.message_limit, banjo_names)) {
      t.notes.push_back(std::move(note));
    }
    // By name, never by position: the clone's own file is the one that declares its library.
    const fdfkit::idl::raw::File* raw_clone = nullptr;
    for (const auto& file : out_compiler.raw_files()) {
      if (file->path == t.new_library + ".fidl") raw_clone = file.get();
    }
    const fdfkit::idl::raw::File& raw = *raw_clone;
    fdfkit::idl::NameKinds kinds;
    fdfkit::idl::CollectNameKinds(raw, &kinds);
    std::string fidl = fdfkit::idl::Format(raw, kinds, fdfkit::idl::HintsFrom(*clone));
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
  return Migrate(include_dirs, options, [&](fdfkit::idl::Compiler& compiler) {
    for (const std::string& path : paths) compiler.AddFile(path);
  });
}

MigrateResult MigrateSources(const std::vector<OutputFile>& sources,
                             const std::vector<std::string>& include_dirs,
                             const MigrateOptions& options) {
  return Migrate(include_dirs, options, [&](fdfkit::idl::Compiler& compiler) {
    for (const OutputFile& source : sources) compiler.AddSource(source.text, source.name);
  });
}

}  // namespace fdfkit::protocol
