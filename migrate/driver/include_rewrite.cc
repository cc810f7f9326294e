#include "migrate/driver/include_rewrite.h"

#include "migrate/driver/diagnostics.h"

namespace fdfkit::driver_migration {

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
  // Only the files given are rewritten (their headers come with a header filter, later).
  if (!sm_.isWrittenInMainFile(hash)) return;
  const LibraryMapping* library = context_->mappings().ForBanjoInclude(file_name);
  if (library == nullptr) return;
  if (file_name_range.getBegin().isMacroID()) {
    context_->Leave(sm_, hash, diag::kIncludeInMacro, file_name);
    return;
  }
  if (main_file_conditionals_ > 0) {
    context_->Leave(sm_, hash, diag::kIncludeInConditional, file_name);
    return;
  }
  (void)is_angled;  // "" or <>: the replacement is always a system-style include
  context_->Replace(sm_, file_name_range, Replacement(*library, context_->mode()));
}

void IncludeRewrite::Open(clang::SourceLocation location) {
  if (sm_.isWrittenInMainFile(location)) ++main_file_conditionals_;
}
void IncludeRewrite::If(clang::SourceLocation location, clang::SourceRange, ConditionValueKind) {
  Open(location);
}
void IncludeRewrite::Ifdef(clang::SourceLocation location, const clang::Token&,
                           const clang::MacroDefinition&) {
  Open(location);
}
void IncludeRewrite::Ifndef(clang::SourceLocation location, const clang::Token&,
                            const clang::MacroDefinition&) {
  Open(location);
}
void IncludeRewrite::Endif(clang::SourceLocation location, clang::SourceLocation) {
  if (sm_.isWrittenInMainFile(location) && main_file_conditionals_ > 0) {
    --main_file_conditionals_;
  }
}

}  // namespace fdfkit::driver_migration
