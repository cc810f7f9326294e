#include "migrate/driver/include_rewrite.h"

#include <clang/Lex/HeaderSearch.h>
#include <clang/Lex/Lexer.h>

#include "migrate/driver/diagnostics.h"

namespace fdfkit::driver_migration {
namespace {

// "fuchsia.hardware.gpioimpl" for "fidl/fuchsia.hardware.gpioimpl<suffix>", else "".
std::string FidlLibraryOf(llvm::StringRef include, llvm::StringRef suffix) {
  if (!include.startswith("fidl/") || !include.endswith(suffix)) return "";
  return include.drop_front(5).drop_back(suffix.size()).str();
}

}  // namespace

std::string IncludeRewrite::Replacement(const LibraryMapping& library, Mode mode) {
  return "<fidl/" + library.fidl_library +
         (mode == Mode::kDual ? "/cpp/banjo_shims.h>" : "/cpp/driver/wire.h>");
}

void IncludeRewrite::InclusionDirective(clang::SourceLocation hash, const clang::Token&,
                                        llvm::StringRef file_name, bool is_angled,
                                        clang::CharSourceRange file_name_range,
                                        const clang::FileEntry*, llvm::StringRef,
                                        llvm::StringRef, const clang::Module*,
                                        clang::SrcMgr::CharacteristicKind) {
  // The shims, wherever they come from, are what the dual rewrites need.
  if (std::string shims = FidlLibraryOf(file_name, "/cpp/banjo_shims.h"); !shims.empty()) {
    context_->ShimsAvailable(shims);
  }
  // Only the files this unit rewrites (the given file, the headers --header-filter gives it).
  if (!context_->files().Contains(sm_, hash)) return;
  if (std::string wire = FidlLibraryOf(file_name, "/cpp/driver/wire.h"); !wire.empty()) {
    context_->WireHeaderIncluded(sm_, hash, wire);
  }
  // In --mode=replace the shims go too: their dual servers and clients are banjo.
  const LibraryMapping* library =
      context_->mappings().ForBanjoInclude(file_name, context_->mode() == Mode::kReplace);
  if (library == nullptr) return;
  if (file_name_range.getBegin().isMacroID()) {
    context_->Leave(sm_, hash, diag::kIncludeInMacro, file_name);
    return;
  }
  if (context_->InConditional(sm_, hash)) {
    context_->Leave(sm_, hash, diag::kIncludeInConditional, file_name);
    return;
  }
  // "" or <>: the replacement is always a system-style include.
  std::string replacement = Replacement(*library, context_->mode());
  if (context_->mode() == Mode::kDual) {
    context_->Replace(sm_, file_name_range, replacement);
    context_->ShimsAvailable(library->fidl_library);
    context_->RewriteBuildFilesOf(sm_, *library, IncludeOutcome::kShims);
  } else {
    std::string original = (is_angled ? "<" : "\"") + file_name.str() + (is_angled ? ">" : "\"");
    context_->ReplaceIncludeLater(sm_, file_name_range, hash, *library, original, replacement);
  }
}

void IncludeRewrite::MacroExpands(const clang::Token&, const clang::MacroDefinition& definition,
                                  clang::SourceRange range, const clang::MacroArgs*) {
  const clang::MacroInfo* info = definition.getMacroInfo();
  if (info == nullptr || !context_->files().Contains(sm_, range.getBegin())) return;
  clang::SourceLocation defined = info->getDefinitionLoc();
  if (defined.isInvalid() || context_->files().Contains(sm_, defined)) return;
  const clang::FileEntry* file = sm_.getFileEntryForID(sm_.getFileID(defined));
  if (file == nullptr) return;
  if (const LibraryMapping* library = context_->mappings().ForBanjoHeaderPath(file->getName())) {
    context_->UsesBanjo(*library, range.getBegin());
  }
}

void IncludeRewrite::If(clang::SourceLocation location, clang::SourceRange, ConditionValueKind) {
  context_->OpenConditional(sm_, location);
}
void IncludeRewrite::Ifdef(clang::SourceLocation location, const clang::Token&,
                           const clang::MacroDefinition&) {
  context_->OpenConditional(sm_, location);
}
void IncludeRewrite::Ifndef(clang::SourceLocation location, const clang::Token&,
                            const clang::MacroDefinition&) {
  // An include guard comes first in its file, only comments before it.
  clang::FileID file = sm_.getFileID(location);
  bool first = false;
  if (file != sm_.getMainFileID()) {
    clang::Lexer lexer(file, sm_.getBufferOrFake(file), sm_, preprocessor_.getLangOpts());
    lexer.SetCommentRetentionState(false);
    clang::Token token;
    lexer.LexFromRawLexer(token);
    first = token.is(clang::tok::hash) && sm_.getFileOffset(token.getLocation()) <=
                                              sm_.getFileOffset(location);
    // `location` is the `ifndef` after the `#`: nothing may come between.
    if (first) {
      lexer.LexFromRawLexer(token);
      first = token.getLocation() == location;
    }
  }
  context_->OpenConditional(sm_, location, first);
}
void IncludeRewrite::Endif(clang::SourceLocation location, clang::SourceLocation) {
  context_->CloseConditional(sm_, location);
}
void IncludeRewrite::FileChanged(clang::SourceLocation, FileChangeReason reason,
                                 clang::SrcMgr::CharacteristicKind, clang::FileID previous) {
  if (reason != ExitFile || previous.isInvalid()) return;
  // The preprocessor has seen the whole header: it knows whether a guard wraps all of it.
  const clang::FileEntry* entry = sm_.getFileEntryForID(previous);
  if (entry != nullptr &&
      !preprocessor_.getHeaderSearchInfo().isFileMultipleIncludeGuarded(entry)) {
    context_->NotIncludeGuarded(sm_, previous);
  }
}

}  // namespace fdfkit::driver_migration
