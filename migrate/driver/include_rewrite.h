// Rewrite: the banjo C++ header a driver includes becomes its clone's driver-transport bindings
// (--mode=replace: <fidl/LIB/cpp/driver/wire.h>, once the file uses nothing of banjo's) or the
// generated shims, which bring both (--mode=dual: <fidl/LIB/cpp/banjo_shims.h>). An include
// written through a macro or inside #if is left for a human: the other branch was never seen.
// It also tells the context about the file's #if blocks, the shims it gets and the banjo macros
// it uses.
#ifndef FDFKIT_MIGRATE_DRIVER_INCLUDE_REWRITE_H_
#define FDFKIT_MIGRATE_DRIVER_INCLUDE_REWRITE_H_

#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>

#include "migrate/driver/rewrite_context.h"

namespace fdfkit::driver_migration {

class IncludeRewrite : public clang::PPCallbacks {
 public:
  IncludeRewrite(const clang::Preprocessor& preprocessor, RewriteContext* context)
      : sm_(preprocessor.getSourceManager()), preprocessor_(preprocessor), context_(context) {}

  void InclusionDirective(clang::SourceLocation hash, const clang::Token& include_token,
                          llvm::StringRef file_name, bool is_angled,
                          clang::CharSourceRange file_name_range, const clang::FileEntry* file,
                          llvm::StringRef search_path, llvm::StringRef relative_path,
                          const clang::Module* imported,
                          clang::SrcMgr::CharacteristicKind file_type) override;
  void If(clang::SourceLocation location, clang::SourceRange, ConditionValueKind) override;
  void Ifdef(clang::SourceLocation location, const clang::Token&,
             const clang::MacroDefinition&) override;
  void Ifndef(clang::SourceLocation location, const clang::Token&,
              const clang::MacroDefinition&) override;
  void Endif(clang::SourceLocation location, clang::SourceLocation) override;

  // A banjo header's macro (GPIO_POLARITY_HIGH) used in the file is a use of that header.
  void MacroExpands(const clang::Token& name, const clang::MacroDefinition& definition,
                    clang::SourceRange range, const clang::MacroArgs*) override;

  // The header that replaces a banjo library's C++ header in `mode`.
  static std::string Replacement(const LibraryMapping& library, Mode mode);

 private:
  // Whether the #ifndef at `ifndef` guards all of `file` (an include guard is no #if block).
  bool IsIncludeGuard(clang::FileID file, clang::SourceLocation ifndef) const;

  const clang::SourceManager& sm_;
  const clang::Preprocessor& preprocessor_;
  RewriteContext* context_;
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_INCLUDE_REWRITE_H_
