#include "migrate/driver/rewrite_context.h"

#include <llvm/Support/Path.h>

#include "migrate/driver/diagnostics.h"

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
  clang::tooling::Replacement edit(sm, range, text, lang_options_);
  edits_->Add(clang::tooling::Replacement(AbsolutePath(edit.getFilePath()), edit.getOffset(),
                                          edit.getLength(), edit.getReplacementText()));
}

void RewriteContext::OpenConditional(const clang::SourceManager& sm,
                                     clang::SourceLocation location) {
  if (sm.isWrittenInMainFile(location)) open_conditionals_.push_back(sm.getFileOffset(location));
}

void RewriteContext::CloseConditional(const clang::SourceManager& sm,
                                      clang::SourceLocation location) {
  if (!sm.isWrittenInMainFile(location) || open_conditionals_.empty()) return;
  conditionals_.emplace_back(open_conditionals_.back(), sm.getFileOffset(location));
  open_conditionals_.pop_back();
}

bool RewriteContext::InConditional(const clang::SourceManager& sm,
                                   clang::SourceLocation location) const {
  clang::SourceLocation at = sm.getExpansionLoc(location);
  if (!sm.isWrittenInMainFile(at)) return false;
  unsigned offset = sm.getFileOffset(at);
  for (unsigned open : open_conditionals_) {
    if (offset > open) return true;
  }
  for (const auto& [begin, end] : conditionals_) {
    if (offset > begin && offset < end) return true;
  }
  return false;
}

void RewriteContext::ReplaceIncludeLater(const clang::SourceManager& sm,
                                         clang::CharSourceRange range, clang::SourceLocation hash,
                                         const LibraryMapping& library, const std::string& text) {
  clang::tooling::Replacement edit(sm, range, text, lang_options_);
  pending_includes_.push_back(
      {clang::tooling::Replacement(AbsolutePath(edit.getFilePath()), edit.getOffset(),
                                   edit.getLength(), edit.getReplacementText()),
       hash, &library});
}

void RewriteContext::UsesBanjo(const LibraryMapping& library, clang::SourceLocation location) {
  banjo_uses_.emplace(&library, location);  // keeps the first
}

void RewriteContext::NeedsPublishing(clang::SourceLocation location, std::string server,
                                     std::string protocol) {
  pending_publish_.push_back({location, std::move(server), std::move(protocol)});
}

void RewriteContext::Finish(const clang::SourceManager& sm) {
  for (const PendingInclude& include : pending_includes_) {
    auto use = banjo_uses_.find(include.library);
    if (use == banjo_uses_.end()) {
      edits_->Add(include.edit);
      continue;
    }
    clang::PresumedLoc where = sm.getPresumedLoc(sm.getExpansionLoc(use->second));
    Leave(sm, include.hash, diag::kIncludeKeptForUses, include.library->banjo_library,
          where.isValid() ? static_cast<int>(where.getLine()) : 0,
          where.isValid() ? static_cast<int>(where.getColumn()) : 0);
  }
  if (!publishes_) {
    for (const PendingPublish& server : pending_publish_) {
      Leave(sm, server.location, diag::kServerPublishService, server.server, server.protocol);
    }
  }
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
}

}  // namespace fdfkit::driver_migration
