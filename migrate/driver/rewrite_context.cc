#include "migrate/driver/rewrite_context.h"

#include <llvm/Support/Path.h>

namespace fdfkit::driver_migration {

std::string RewriteContext::AbsolutePath(llvm::StringRef path) const {
  llvm::SmallString<256> absolute(path);
  if (!llvm::sys::path::is_absolute(absolute) && !working_directory_.empty()) {
    absolute = working_directory_;
    llvm::sys::path::append(absolute, path);
  }
  llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/true);
  return std::string(absolute);
}

void RewriteContext::Replace(const clang::SourceManager& sm, clang::CharSourceRange range,
                             const std::string& text) {
  clang::tooling::Replacement edit(sm, range, text);
  edits_->Add(clang::tooling::Replacement(AbsolutePath(edit.getFilePath()), edit.getOffset(),
                                          edit.getLength(), edit.getReplacementText()));
}

void RewriteContext::LeaveAt(const clang::SourceManager& sm, clang::SourceLocation location,
                             support::Diagnostic diagnostic) {
  clang::PresumedLoc where = sm.getPresumedLoc(sm.getExpansionLoc(location));
  support::LocatedDiagnostic located{std::move(diagnostic), "migrate-driver", "", 0, 0, ""};
  if (where.isValid()) {
    located.file = AbsolutePath(where.getFilename());
    located.line = static_cast<int>(where.getLine());
    located.column = static_cast<int>(where.getColumn());
  }
  // The same place can be met twice (a node matched twice): said once.
  if (!left_at_.emplace(located.file, located.line, located.column, located.info->number)
           .second) {
    return;
  }
  diagnostics_->Add(std::move(located));
  ++left_;
}

}  // namespace fdfkit::driver_migration
