#include "migrate/driver/driver_migration.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <memory>
#include <set>
#include <tuple>
#include <vector>

#include "migrate/driver/banjo_use_finder.h"
#include "migrate/driver/call_site_rewrite.h"
#include "migrate/driver/client_type_rewrite.h"
#include "migrate/driver/connect_banjo_rewrite.h"
#include "migrate/driver/diagnostics.h"
#include "migrate/driver/dual_server_rewrite.h"
#include "migrate/driver/header_scan.h"
#include "migrate/driver/include_rewrite.h"
#include "migrate/driver/run_report.h"
#include "support/atomic_write.h"

namespace fdfkit::driver_migration {
namespace {

// Options g++ takes and clang refuses: a gcc compile database must still parse.
clang::tooling::ArgumentsAdjuster StripGccOnlyFlags() {
  return [](const clang::tooling::CommandLineArguments& args, llvm::StringRef) {
    clang::tooling::CommandLineArguments kept;
    for (const std::string& arg : args) {
      llvm::StringRef a(arg);
      if (a.startswith("-fconcepts-diagnostics-depth") || a == "-Wlogical-op" ||
          a == "-Wduplicated-cond" || a == "-Wduplicated-branches" || a == "-Wuseless-cast" ||
          a.startswith("-fno-tree-")) {
        continue;
      }
      kept.push_back(arg);
    }
    return kept;
  };
}

// One translation unit: the rewrites run into edits of its own, kept only if it compiled.
class MigrateAction : public clang::ASTFrontendAction {
 public:
  MigrateAction(const MappingIndex& mappings, Mode mode,
                const std::map<std::string, std::set<std::string>>& headers, EditSet* all_edits,
                BuildFilePlan* build_files, support::Diagnostics* diagnostics)
      : context_(mappings, mode, &edits_, build_files, diagnostics),
        headers_(headers),
        all_edits_(all_edits),
        diagnostics_(diagnostics) {}

  bool BeginSourceFileAction(clang::CompilerInstance& ci) override {
    if (auto mine = headers_.find(getCurrentFile().str()); mine != headers_.end()) {
      context_.set_rewritable_headers(mine->second);
    }
    if (auto cwd = ci.getFileManager().getVirtualFileSystem().getCurrentWorkingDirectory()) {
      context_.set_working_directory(*cwd);
    }
    context_.set_lang_options(ci.getLangOpts());
    ci.getPreprocessor().addPPCallbacks(
        std::make_unique<IncludeRewrite>(ci.getPreprocessor(), &context_));
    connect_banjo_.Register(&finder_);
    dual_server_.Register(&finder_);
    if (context_.mode() == Mode::kReplace) {
      banjo_uses_.Register(&finder_);
      call_sites_.Register(&finder_);
      client_types_.Register(&finder_);
    }
    return true;
  }
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&,
                                                        llvm::StringRef) override {
    return finder_.newASTConsumer();
  }
  void EndSourceFileAction() override {
    clang::CompilerInstance& ci = getCompilerInstance();
    unsigned errors = ci.getDiagnostics().getClient()->getNumErrors();
    if (errors > 0) {
      diagnostics_->ReportFile(diag::kDoesNotCompile, "", getCurrentFile(),
                               static_cast<size_t>(errors));
      return;
    }
    context_.Finish(ci.getSourceManager());
    all_edits_->AddAll(edits_);
  }

 private:
  EditSet edits_;
  RewriteContext context_;
  ConnectBanjoRewrite connect_banjo_{&context_};
  DualServerRewrite dual_server_{&context_};
  BanjoUseFinder banjo_uses_{&context_};
  CallSiteRewrite call_sites_{&context_};
  ClientTypeRewrite client_types_{&context_};
  const std::map<std::string, std::set<std::string>>& headers_;
  EditSet* all_edits_;
  support::Diagnostics* diagnostics_;
  clang::ast_matchers::MatchFinder finder_;
};

class MigrateActionFactory : public clang::tooling::FrontendActionFactory {
 public:
  MigrateActionFactory(const MappingIndex& mappings, Mode mode,
                       std::map<std::string, std::set<std::string>> headers, EditSet* edits,
                       BuildFilePlan* build_files, support::Diagnostics* diagnostics)
      : mappings_(mappings),
        mode_(mode),
        headers_(std::move(headers)),
        edits_(edits),
        build_files_(build_files),
        diagnostics_(diagnostics) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<MigrateAction>(mappings_, mode_, headers_, edits_, build_files_,
                                           diagnostics_);
  }

 private:
  const MappingIndex& mappings_;
  Mode mode_;
  std::map<std::string, std::set<std::string>> headers_;  // by the file that rewrites them
  EditSet* edits_;
  BuildFilePlan* build_files_;
  support::Diagnostics* diagnostics_;
};

std::string Absolute(const std::string& path) {
  llvm::SmallString<256> absolute(path);
  llvm::sys::fs::make_absolute(absolute);
  llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/true);
  return std::string(absolute);
}

}  // namespace

int Run(const Options& options, std::ostream& out, std::ostream& err) {
  support::Diagnostics diagnostics("migrate-driver");
  RunReport report;
  report.mode = options.mode;
  // The report goes first (before any source file is written): failing to write it fails the
  // run with nothing else written.
  auto write_report = [&](int status) {
    if (options.report.empty()) return true;
    report.exit_status = status;
    report.diagnostics = diagnostics.all();
    if (support::WriteFileAtomically(options.report, ReportText(report, options.report))) {
      return true;
    }
    diagnostics.ReportFile(diag::kCannotWriteFile, "", options.report);
    return false;
  };
  auto finish = [&](int status) {
    if (status == 2) (void)write_report(2);  // what stopped the run
    // In the order of the places they point at (the run found them in other orders).
    std::vector<support::LocatedDiagnostic> sorted = diagnostics.all();
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const support::LocatedDiagnostic& a, const support::LocatedDiagnostic& b) {
                       return std::tie(a.file, a.line, a.column) <
                              std::tie(b.file, b.line, b.column);
                     });
    for (const support::LocatedDiagnostic& d : sorted) err << d.Text();
    return status;
  };
  if (!options.report.empty() && !IsReportPath(options.report)) {
    diagnostics.ReportFile(diag::kReportFormat, "", options.report);
    err << diagnostics.Text();
    return 2;
  }
  llvm::Regex header_filter(options.header_filter);
  if (std::string why; !options.header_filter.empty() && !header_filter.isValid(why)) {
    diagnostics.ReportFile(diag::kBadHeaderFilter, "", options.header_filter, why);
    err << diagnostics.Text();
    return 2;
  }

  MappingIndex mappings;
  if (options.mappings.empty()) diagnostics.ReportFile(diag::kNoMappings, "");
  if (!mappings.Load(options.mappings, &diagnostics) || diagnostics.has_errors()) {
    return finish(2);
  }

  std::string error;
  std::unique_ptr<clang::tooling::CompilationDatabase> database =
      clang::tooling::JSONCompilationDatabase::loadFromDirectory(options.build_dir, error);
  if (!database) {
    diagnostics.ReportFile(diag::kNoCompileDatabase, "", options.build_dir, error);
    return finish(2);
  }
  // Listed exactly: the database would guess a command for any other file (interpolation),
  // which is not the command the file is built with.
  std::set<std::string> listed;
  for (const std::string& file : database->getAllFiles()) listed.insert(Absolute(file));
  std::vector<std::string> files;
  for (const std::string& file : options.files) {
    std::string absolute = Absolute(file);
    if (!llvm::sys::fs::exists(absolute)) {
      diagnostics.ReportFile(diag::kCannotReadFile, "", file);
    } else if (listed.count(absolute) == 0) {
      diagnostics.ReportFile(diag::kFileNotInDatabase, "", file);
    }
    files.push_back(absolute);
  }
  report.files = files;
  if (diagnostics.has_errors()) return finish(2);

  clang::tooling::ClangTool tool(*database, files);
  tool.appendArgumentsAdjuster(StripGccOnlyFlags());
  tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      "-Wno-unknown-warning-option", clang::tooling::ArgumentInsertPosition::END));
  // LibTooling guesses the builtin headers' place from this binary's path, wrongly.
  tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      "-resource-dir=" FDFKIT_CLANG_RESOURCE_DIR, clang::tooling::ArgumentInsertPosition::END));
  for (const std::string& arg : options.extra_args) {
    tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        arg.c_str(), clang::tooling::ArgumentInsertPosition::END));
  }
  // Last, after the database's and the extra arguments' -Werror: compiler warnings are the
  // build's business (one clang gives and gcc does not must not stop a rewrite); the tool's
  // output is its own findings.
  tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      "-w", clang::tooling::ArgumentInsertPosition::END));
  std::map<std::string, std::set<std::string>> headers;
  if (!options.header_filter.empty()) {
    headers = FindRewritableHeaders(tool, header_filter, mappings, &diagnostics);
  }
  EditSet edits;
  BuildFilePlan build_files;
  MigrateActionFactory factory(mappings, options.mode, std::move(headers), &edits, &build_files,
                               &diagnostics);
  int tool_status = tool.run(&factory);
  if (diagnostics.has_errors() || tool_status == 1) {
    // A file that did not compile (clang said why above): nothing is written.
    return finish(2);
  }
  for (const AmbiguousBuildFile& file : build_files.Apply(&edits)) {
    diagnostics.Add({support::Make(diag::kBuildDepAmbiguous, file.dep, file.count),
                     "migrate-driver", file.file, file.line, file.column, ""});
  }

  report.edits_by_file = edits.CountByFile();
  report.written = options.output == Output::kFix;
  size_t left = 0;
  for (const support::LocatedDiagnostic& d : diagnostics.all()) {
    if (d.info->severity == support::Severity::kWarning) ++left;
  }
  int status = left > 0 ? 1 : 0;
  if (!write_report(status)) return finish(2);
  bool written = true;
  switch (options.output) {
    case Output::kDryRun: written = edits.PrintDiff(out, &diagnostics); break;
    case Output::kFix: written = edits.WriteFiles(&diagnostics); break;
    case Output::kExportFixes:
      written = edits.ExportFixes(options.export_fixes, files.empty() ? "" : files.front(),
                                  &diagnostics);
      break;
  }
  if (!written) return finish(2);
  return finish(status);
}

}  // namespace fdfkit::driver_migration
