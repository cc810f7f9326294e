#include "migrate/driver/header_scan.h"

#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>

#include <memory>
#include <vector>

#include "migrate/driver/diagnostics.h"

namespace fdfkit::driver_migration {
namespace {

using IncludedBy = std::map<std::string, std::set<std::string>>;  // header → given files
// A matching header's include of a mapped banjo (or shims) header: where it is.
struct BanjoInclude {
  unsigned line = 0, column = 0;
};
using BanjoIncludes = std::map<std::string, BanjoInclude>;  // header → its first

class HeaderCollector : public clang::PPCallbacks {
 public:
  HeaderCollector(const clang::SourceManager& sm, const llvm::Regex& filter,
                  const MappingIndex& mappings, std::string file, IncludedBy* included_by,
                  BanjoIncludes* banjo_includes)
      : sm_(sm), filter_(filter), mappings_(mappings), file_(std::move(file)),
        included_by_(included_by), banjo_includes_(banjo_includes) {}

  void InclusionDirective(clang::SourceLocation hash, const clang::Token&, llvm::StringRef,
                          bool, clang::CharSourceRange, const clang::FileEntry* included,
                          llvm::StringRef, llvm::StringRef, const clang::Module*,
                          clang::SrcMgr::CharacteristicKind) override {
    if (included == nullptr ||
        mappings_.ForBanjoHeaderPath(included->tryGetRealPathName()) == nullptr) {
      return;
    }
    const clang::FileEntry* from = sm_.getFileEntryForID(sm_.getFileID(hash));
    if (from == nullptr) return;
    clang::PresumedLoc where = sm_.getPresumedLoc(hash);
    banjo_includes_->emplace(from->tryGetRealPathName().str(),
                             BanjoInclude{where.getLine(), where.getColumn()});
  }

  void FileChanged(clang::SourceLocation location, FileChangeReason reason,
                   clang::SrcMgr::CharacteristicKind kind, clang::FileID) override {
    if (reason != EnterFile || kind != clang::SrcMgr::C_User) return;
    clang::FileID id = sm_.getFileID(location);
    if (id == sm_.getMainFileID()) return;
    const clang::FileEntry* entry = sm_.getFileEntryForID(id);
    if (entry == nullptr) return;
    std::string path = entry->tryGetRealPathName().str();
    if (path.empty() || !filter_.match(path) || mappings_.ForBanjoHeaderPath(path) != nullptr) {
      return;
    }
    (*included_by_)[path].insert(file_);
  }

 private:
  const clang::SourceManager& sm_;
  const llvm::Regex& filter_;
  const MappingIndex& mappings_;
  std::string file_;
  IncludedBy* included_by_;
  BanjoIncludes* banjo_includes_;
};

class ScanAction : public clang::PreprocessOnlyAction {
 public:
  ScanAction(const llvm::Regex& filter, const MappingIndex& mappings, IncludedBy* included_by,
             BanjoIncludes* banjo_includes)
      : filter_(filter), mappings_(mappings), included_by_(included_by),
        banjo_includes_(banjo_includes) {}

  bool BeginSourceFileAction(clang::CompilerInstance& ci) override {
    ci.getPreprocessor().addPPCallbacks(std::make_unique<HeaderCollector>(
        ci.getSourceManager(), filter_, mappings_, getCurrentFile().str(), included_by_,
        banjo_includes_));
    return true;
  }

 private:
  const llvm::Regex& filter_;
  const MappingIndex& mappings_;
  IncludedBy* included_by_;
  BanjoIncludes* banjo_includes_;
};

class ScanActionFactory : public clang::tooling::FrontendActionFactory {
 public:
  ScanActionFactory(const llvm::Regex& filter, const MappingIndex& mappings,
                    IncludedBy* included_by, BanjoIncludes* banjo_includes)
      : filter_(filter), mappings_(mappings), included_by_(included_by),
        banjo_includes_(banjo_includes) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<ScanAction>(filter_, mappings_, included_by_, banjo_includes_);
  }

 private:
  const llvm::Regex& filter_;
  const MappingIndex& mappings_;
  IncludedBy* included_by_;
  BanjoIncludes* banjo_includes_;
};

// A quiet run: what does not preprocess is the rewriting pass's to say.
class IgnoreDiagnostics : public clang::DiagnosticConsumer {};

}  // namespace

std::map<std::string, std::set<std::string>> FindRewritableHeaders(
    clang::tooling::ClangTool& tool, const llvm::Regex& filter, const MappingIndex& mappings,
    support::Diagnostics* diagnostics) {
  IncludedBy included_by;
  BanjoIncludes banjo_includes;
  ScanActionFactory factory(filter, mappings, &included_by, &banjo_includes);
  IgnoreDiagnostics quiet;
  tool.setDiagnosticConsumer(&quiet);
  (void)tool.run(&factory);
  tool.setDiagnosticConsumer(nullptr);
  std::map<std::string, std::set<std::string>> headers_of;
  for (const auto& [header, files] : included_by) {
    if (files.size() == 1) {
      headers_of[*files.begin()].insert(header);
      continue;
    }
    // Shared, and nothing of banjo in it: nothing to rewrite, nothing to say.
    auto banjo = banjo_includes.find(header);
    if (banjo == banjo_includes.end()) continue;
    std::string names;
    for (const std::string& file : files) names += (names.empty() ? "" : ", ") + file;
    diagnostics->Add({support::Make(diag::kHeaderShared, files.size(), names), "migrate-driver",
                      header, static_cast<int>(banjo->second.line),
                      static_cast<int>(banjo->second.column), ""});
  }
  return headers_of;
}

}  // namespace fdfkit::driver_migration
