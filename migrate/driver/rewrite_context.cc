#include "migrate/driver/rewrite_context.h"

#include <clang/Lex/Lexer.h>
#include <llvm/Support/Path.h>

#include <algorithm>

#include "migrate/driver/diagnostics.h"
#include "migrate/driver/source_text.h"

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

clang::tooling::Replacement RewriteContext::MakeEdit(const clang::SourceManager& sm,
                                                     clang::CharSourceRange range,
                                                     const std::string& text) const {
  // A range that ends in a macro's expansion (`return ZX_OK;`) is edited where it is expanded.
  clang::CharSourceRange file_range = clang::Lexer::makeFileCharRange(range, sm, lang_options_);
  clang::tooling::Replacement edit(sm, file_range.isValid() ? file_range : range, text,
                                   lang_options_);
  return clang::tooling::Replacement(AbsolutePath(edit.getFilePath()), edit.getOffset(),
                                     edit.getLength(), edit.getReplacementText());
}

void RewriteContext::Replace(const clang::SourceManager& sm, clang::CharSourceRange range,
                             const std::string& text) {
  edits_->Add(MakeEdit(sm, range, text));
}

void RewriteContext::DeclareGroup(const void* key, clang::SourceLocation declared,
                                  std::string name) {
  Group& group = groups_[key];
  if (group.declared.isValid()) return;
  group.declared = declared;
  group.name = std::move(name);
  group_order_.push_back(key);
}

void RewriteContext::DeclareServerGroup(const void* key, clang::SourceLocation declared,
                                        std::string server, std::string mixin) {
  DeclareGroup(key, declared, std::move(server));
  groups_[key].mixin = std::move(mixin);
}

void RewriteContext::ReplaceIn(const void* key, const clang::SourceManager& sm,
                               clang::CharSourceRange range, const std::string& text) {
  groups_[key].edits.push_back(MakeEdit(sm, range, text));
}

void RewriteContext::ConsumedIn(const void* key, const clang::SourceManager& sm,
                                clang::CharSourceRange range) {
  if (auto offsets = Offsets(sm, range)) groups_[key].consumed.push_back(*offsets);
}

void RewriteContext::Block(const void* key, std::string why) {
  std::string& blocked = groups_[key].blocked;
  if (blocked.empty()) blocked = std::move(why);
}

void RewriteContext::Tie(const void* a, const void* b, std::string a_because,
                         std::string b_because) {
  ties_.push_back({a, b, std::move(a_because), std::move(b_because)});
}

void RewriteContext::OpenConditional(const clang::SourceManager& sm,
                                     clang::SourceLocation location, bool guard) {
  clang::FileID file = sm.getFileID(location);
  if (files_.ContainsFile(sm, file)) {
    open_conditionals_.push_back({file, sm.getFileOffset(location), 0, guard});
  }
}

void RewriteContext::CloseConditional(const clang::SourceManager& sm,
                                      clang::SourceLocation location) {
  clang::FileID file = sm.getFileID(location);
  if (!files_.ContainsFile(sm, file)) return;
  // The innermost #if still open in this file (#if and #endif pair within a file).
  for (auto open = open_conditionals_.rbegin(); open != open_conditionals_.rend(); ++open) {
    if (open->file != file) continue;
    FileSpan block = *open;
    block.end = sm.getFileOffset(location);
    conditionals_.push_back(block);
    open_conditionals_.erase(std::next(open).base());
    return;
  }
}

bool RewriteContext::InConditional(const clang::SourceManager& sm,
                                   clang::SourceLocation location) const {
  clang::SourceLocation at = sm.getExpansionLoc(location);
  clang::FileID file = sm.getFileID(at);
  if (!files_.ContainsFile(sm, file)) return false;
  unsigned offset = sm.getFileOffset(at);
  for (const FileSpan& open : open_conditionals_) {
    if (open.file == file && offset > open.begin && !open.guard) return true;
  }
  for (const FileSpan& block : conditionals_) {
    if (block.file != file || block.guard) continue;  // an include guard is none
    if (offset > block.begin && offset < block.end) return true;
  }
  return false;
}

void RewriteContext::ReplaceIncludeLater(const clang::SourceManager& sm,
                                         clang::CharSourceRange range, clang::SourceLocation hash,
                                         const LibraryMapping& library,
                                         const std::string& original, const std::string& text) {
  clang::tooling::Replacement drop;
  bool invalid = false;
  const char* after = sm.getCharacterData(range.getEnd(), &invalid);
  if (!invalid && *after == '\n') {
    drop = MakeEdit(sm, clang::CharSourceRange::getCharRange(hash, range.getEnd().getLocWithOffset(1)),
                    "");
  }
  pending_includes_.push_back({MakeEdit(sm, range, text),
                               MakeEdit(sm, range, original + "\n#include " + text), drop, hash,
                               &library});
}

void RewriteContext::RewriteBuildFilesOf(const clang::SourceManager& sm,
                                         const LibraryMapping& library, IncludeOutcome outcome) {
  const clang::FileEntry* main = sm.getFileEntryForID(sm.getMainFileID());
  if (main != nullptr) build_files_->Request(AbsolutePath(main->getName()), library, outcome);
}

void RewriteContext::UsesBanjo(const LibraryMapping& library, clang::SourceLocation location) {
  banjo_uses_.emplace_back(&library, location);
}

std::optional<RewriteContext::FileSpan> RewriteContext::Offsets(
    const clang::SourceManager& sm, clang::CharSourceRange range) const {
  clang::CharSourceRange chars = clang::Lexer::makeFileCharRange(range, sm, lang_options_);
  if (chars.isInvalid() || !files_.Contains(sm, chars.getBegin())) return std::nullopt;
  return FileSpan{sm.getFileID(chars.getBegin()), sm.getFileOffset(chars.getBegin()),
                  sm.getFileOffset(chars.getEnd())};
}

void RewriteContext::Consumed(const clang::SourceManager& sm, clang::CharSourceRange range) {
  if (auto offsets = Offsets(sm, range)) consumed_.push_back(*offsets);
}

bool RewriteContext::Rewritten(const clang::SourceManager& sm,
                               clang::SourceLocation location) const {
  clang::SourceLocation at = sm.getExpansionLoc(location);
  clang::FileID file = sm.getFileID(at);
  if (!files_.ContainsFile(sm, file)) return false;
  unsigned offset = sm.getFileOffset(at);
  return std::any_of(consumed_.begin(), consumed_.end(), [&](const FileSpan& span) {
    return span.file == file && offset >= span.begin && offset < span.end;
  });
}

void RewriteContext::NeedsPublishing(clang::SourceLocation location, std::string server,
                                     std::string protocol) {
  pending_publish_.push_back({location, std::move(server), std::move(protocol)});
}

void RewriteContext::Finish(const clang::SourceManager& sm) {
  // A group tied to one that stays (or was never declared) stays too, until nothing changes.
  for (bool changed = true; changed;) {
    changed = false;
    for (const TiedGroups& tie : ties_) {
      struct Direction {
        const void* from;
        const void* to;
        const std::string& because;
      };
      for (const Direction& d : {Direction{tie.b, tie.a, tie.a_because},
                                 Direction{tie.a, tie.b, tie.b_because}}) {
        auto source = groups_.find(d.from);
        bool stays = source == groups_.end() || !source->second.declared.isValid() ||
                     !source->second.blocked.empty();
        auto target = groups_.find(d.to);
        if (stays && target != groups_.end() && target->second.blocked.empty()) {
          target->second.blocked = d.because;
          changed = true;
        }
      }
    }
  }
  for (const void* key : group_order_) {
    const Group& group = groups_[key];
    if (!group.blocked.empty() && !group.mixin.empty()) {
      Leave(sm, group.declared, diag::kServerLeft, group.name, group.mixin, group.blocked);
      continue;
    }
    if (!group.blocked.empty()) {
      Leave(sm, group.declared, diag::kClientDeclarationLeft, group.name,
            "stays banjo with its calls, because " + group.blocked);
      continue;
    }
    for (const clang::tooling::Replacement& edit : group.edits) edits_->Add(edit);
    for (const auto& [location, diagnostic] : group.said) LeaveAt(sm, location, diagnostic);
    consumed_.insert(consumed_.end(), group.consumed.begin(), group.consumed.end());
  }
  for (const PendingInclude& include : pending_includes_) {
    // The first use the rewrites leave in place, in any file of the unit: a source may use banjo
    // through its header's include.
    auto use = std::find_if(banjo_uses_.begin(), banjo_uses_.end(), [&](const auto& candidate) {
      return candidate.first == include.library && !Rewritten(sm, candidate.second);
    });
    bool has_wire_header =
        wire_headers_.count({sm.getFileID(include.hash).getHashValue(),
                             include.library->fidl_library}) > 0;
    if (use == banjo_uses_.end()) {
      // Swapped for the bindings, or only removed where the file includes them already.
      edits_->Add(has_wire_header && include.drop.getFilePath() != "" ? include.drop
                                                                       : include.swap);
      RewriteBuildFilesOf(sm, *include.library, IncludeOutcome::kSwapped);
      continue;
    }
    // A file half migrated, before or by this run, gets both headers; one with nothing
    // rewritten keeps its own (what stays is said where it is).
    if (!has_wire_header && edits_->CountByFile().empty()) {
      // Its build files keep the banjo bindings for it, whatever the directory's other sources.
      RewriteBuildFilesOf(sm, *include.library, IncludeOutcome::kKept);
      continue;
    }
    if (!has_wire_header) edits_->Add(include.beside);
    RewriteBuildFilesOf(sm, *include.library, IncludeOutcome::kBeside);
    // The use may be in another file of the unit (a source using banjo through its header).
    clang::SourceLocation used = sm.getExpansionLoc(use->second);
    bool here = sm.getFileID(used) == sm.getFileID(include.hash);
    const clang::FileEntry* user = sm.getFileEntryForID(sm.getFileID(used));
    Leave(sm, include.hash, diag::kIncludeKeptForUses, include.library->banjo_library,
          here || user == nullptr ? "this file"
                                  : llvm::sys::path::filename(user->getName()).str(),
          Where(sm, used));
  }
  // Migrated before (by a run, or by hand): the build deps follow the include all the same, and
  // what was left in them is said again.
  for (const LibraryMapping& library : mappings_.libraries()) {
    bool banjo_included = std::any_of(
        pending_includes_.begin(), pending_includes_.end(),
        [&](const PendingInclude& include) { return include.library == &library; });
    bool wire_included = std::any_of(
        wire_headers_.begin(), wire_headers_.end(),
        [&](const auto& included) { return included.second == library.fidl_library; });
    if (mode_ == Mode::kReplace && wire_included && !banjo_included) {
      RewriteBuildFilesOf(sm, library, IncludeOutcome::kSwapped);
    }
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
  // The same place can be met twice (a node matched twice): said once. Two things said at one
  // place (a class serving two protocols) are both said.
  if (!left_at_
           .emplace(located.file, located.line, located.column, located.info->number,
                    located.message)
           .second) {
    return;
  }
  diagnostics_->Add(std::move(located));
}

}  // namespace fdfkit::driver_migration
