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

// What the scan is given and what it finds, shared by every file's pass.
struct Scan {
  const llvm::Regex& filter;
  const MappingIndex& mappings;
  std::map<std::string, std::set<std::string>> included_by;  // header → given files
  // A header's first include of a mapped banjo (or shims) header: where it is.
  std::map<std::string, std::pair<unsigned, unsigned>> banjo_include;  // header → line, column
};

class HeaderCollector : public clang::PPCallbacks {
 public:
  HeaderCollector(const clang::SourceManager& sm, std::string file, Scan* scan)
      : sm_(sm), file_(std::move(file)), scan_(scan) {}

  void InclusionDirective(clang::SourceLocation hash, const clang::Token&, llvm::StringRef,
                          bool, clang::CharSourceRange, const clang::FileEntry* included,
                          llvm::StringRef, llvm::StringRef, const clang::Module*,
                          clang::SrcMgr::CharacteristicKind) override {
    if (included == nullptr ||
        scan_->mappings.ForBanjoHeaderPath(included->tryGetRealPathName()) == nullptr) {
      return;
    }
    const clang::FileEntry* from = sm_.getFileEntryForID(sm_.getFileID(hash));
    if (from == nullptr) return;
    clang::PresumedLoc where = sm_.getPresumedLoc(hash);
    scan_->banjo_include.emplace(from->tryGetRealPathName().str(),
                                 std::make_pair(where.getLine(), where.getColumn()));
  }

  void FileChanged(clang::SourceLocation location, FileChangeReason reason,
                   clang::SrcMgr::CharacteristicKind kind, clang::FileID) override {
    if (reason != EnterFile || kind != clang::SrcMgr::C_User) return;
    clang::FileID id = sm_.getFileID(location);
    if (id == sm_.getMainFileID()) return;
    const clang::FileEntry* entry = sm_.getFileEntryForID(id);
    if (entry == nullptr) return;
    std::string path = entry->tryGetRealPathName().str();
    if (path.empty() || !scan_->filter.match(path) ||
        scan_->mappings.ForBanjoHeaderPath(path) != nullptr) {
      return;
    }
    scan_->included_by[path].insert(file_);
  }

 private:
  const clang::SourceManager& sm_;
  std::string file_;
  Scan* scan_;
};

class ScanAction : public clang::PreprocessOnlyAction {
 public:
  explicit ScanAction(Scan* scan) : scan_(scan) {}

  bool BeginSourceFileAction(clang::CompilerInstance& ci) override {
    ci.getPreprocessor().addPPCallbacks(
        std::make_unique<HeaderCollector>(ci.getSourceManager(), getCurrentFile().str(), scan_));
    return true;
  }

 private:
  Scan* scan_;
};

class ScanActionFactory : public clang::tooling::FrontendActionFactory {
 public:
  explicit ScanActionFactory(Scan* scan) : scan_(scan) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<ScanAction>(scan_);
  }

 private:
  Scan* scan_;
};

// A quiet run: what does not preprocess is the rewriting pass's to say.
class IgnoreDiagnostics : public clang::DiagnosticConsumer {};

}  // namespace

std::map<std::string, std::set<std::string>> FindRewritableHeaders(
    clang::tooling::ClangTool& tool, const llvm::Regex& filter, const MappingIndex& mappings,
    support::Diagnostics* diagnostics) {
  Scan scan{filter, mappings, {}, {}};
  ScanActionFactory factory(&scan);
  IgnoreDiagnostics quiet;
  tool.setDiagnosticConsumer(&quiet);
  (void)tool.run(&factory);
  tool.setDiagnosticConsumer(nullptr);
  std::map<std::string, std::set<std::string>> headers_of;
  for (const auto& [header, files] : scan.included_by) {
    if (files.size() == 1) {
      headers_of[*files.begin()].insert(header);
      continue;
    }
    // Shared, and nothing of banjo in it: nothing to rewrite, nothing to say.
    auto banjo = scan.banjo_include.find(header);
    if (banjo == scan.banjo_include.end()) continue;
    std::string names;
    for (const std::string& file : files) names += (names.empty() ? "" : ", ") + file;
    diagnostics->Add({support::Make(diag::kHeaderShared, files.size(), names), "migrate-driver",
                      header, static_cast<int>(banjo->second.first),
                      static_cast<int>(banjo->second.second), ""});
  }
  return headers_of;
}

}  // namespace fdfkit::driver_migration
