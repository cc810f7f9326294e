#include "migrate/driver/include_rewrite.h"

#include <clang/Lex/Lexer.h>

#include "migrate/driver/diagnostics.h"
#include "migrate/driver/wire_spelling.h"

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
         (mode == Mode::kDual ? "/cpp/banjo_shims.h" : WireHeaderSuffix(library)) + ">";
}

void IncludeRewrite::InclusionDirective(clang::SourceLocation hash, const clang::Token&,
                                        llvm::StringRef file_name, bool is_angled,
                                        clang::CharSourceRange file_name_range,
                                        const clang::FileEntry* file, llvm::StringRef,
                                        llvm::StringRef, const clang::Module*,
                                        clang::SrcMgr::CharacteristicKind) {
  // The shims, wherever they come from, are what the dual rewrites need.
  if (std::string shims = FidlLibraryOf(file_name, "/cpp/banjo_shims.h"); !shims.empty()) {
    context_->ShimsAvailable(shims);
  }
  // Only the files this unit rewrites (the given file, the headers --header-filter gives it).
  if (!context_->files().Contains(sm_, hash)) {
    // A header of the driver's own that is not rewritten and includes banjo keeps the banjo
    // bindings in the build files (not banjo's own headers including each other, nor the shims).
    const clang::FileEntry* includer = sm_.getFileEntryForID(sm_.getFileID(hash));
    const LibraryMapping* library =
        file != nullptr ? context_->mappings().ForBanjoHeaderPath(file->tryGetRealPathName())
                        : nullptr;
    if (library != nullptr && includer != nullptr && !sm_.isInSystemHeader(hash) &&
        context_->mappings().ForBanjoHeaderPath(includer->tryGetRealPathName()) == nullptr) {
      context_->RewriteBuildFilesOf(sm_, *library, IncludeOutcome::kKept);
    }
    return;
  }
  // The clone's bindings on its own transport (a file migrated before, by a run or by hand): a
  // driver-transport library's `/cpp/wire.h` holds its wire types, not its clients and servers.
  for (const LibraryMapping& library : context_->mappings().libraries()) {
    if (FidlLibraryOf(file_name, WireHeaderSuffix(library)) == library.fidl_library) {
      context_->WireHeaderIncluded(sm_, hash, library.fidl_library);
    }
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
  clang::FileID file = sm_.getFileID(location);
  context_->OpenConditional(sm_, location,
                            file != sm_.getMainFileID() && IsIncludeGuard(file, location));
}

bool IncludeRewrite::IsIncludeGuard(clang::FileID file, clang::SourceLocation ifndef) const {
  // Decided from the file's text, now, as the preprocessor will at its end: the `#ifndef` is its
  // first directive (comments and `#pragma` lines before it), and its `#endif` its last.
  clang::Lexer lexer(file, sm_.getBufferOrFake(file), sm_, preprocessor_.getLangOpts());
  lexer.SetCommentRetentionState(false);
  clang::Token token;
  auto next = [&] { return !lexer.LexFromRawLexer(token) || token.isNot(clang::tok::eof); };
  auto directive = [&]() -> llvm::StringRef {  // after a `#` starting a line: its name
    lexer.LexFromRawLexer(token);
    return token.is(clang::tok::raw_identifier) ? token.getRawIdentifier() : "";
  };
  auto rest_of_line = [&] {
    while (next() && !token.isAtStartOfLine()) {
    }
  };
  lexer.LexFromRawLexer(token);
  while (token.is(clang::tok::hash) && token.isAtStartOfLine()) {
    llvm::StringRef name = directive();
    if (name == "ifndef") break;
    if (name != "pragma") return false;
    rest_of_line();
  }
  if (token.getLocation() != ifndef) return false;
  int depth = 1;
  rest_of_line();
  while (token.isNot(clang::tok::eof)) {
    if (token.is(clang::tok::hash) && token.isAtStartOfLine()) {
      llvm::StringRef name = directive();
      if (name == "if" || name == "ifdef" || name == "ifndef") ++depth;
      if (name == "endif" && --depth == 0) {
        rest_of_line();
        return token.is(clang::tok::eof);  // nothing after the guard's #endif
      }
    }
    rest_of_line();
  }
  return false;
}
void IncludeRewrite::Endif(clang::SourceLocation location, clang::SourceLocation) {
  context_->CloseConditional(sm_, location);
}


}  // namespace fdfkit::driver_migration
