// The source text the rewrites copy and line up with: an expression as written, the indentation
// of the line a node starts on.
#ifndef FDFKIT_MIGRATE_DRIVER_SOURCE_TEXT_H_
#define FDFKIT_MIGRATE_DRIVER_SOURCE_TEXT_H_

#include <clang/AST/Decl.h>
#include <clang/AST/Stmt.h>
#include <clang/AST/Type.h>
#include <clang/Basic/LangOptions.h>
#include <clang/Basic/SourceManager.h>

#include <string>

namespace fdfkit::driver_migration {

// The text of `range` (whole tokens), as written.
std::string Text(const clang::SourceManager& sm, const clang::LangOptions& lang,
                 clang::SourceRange range);

// The leading blanks of the line `location` is on (where it is expanded).
std::string LineIndent(const clang::SourceManager& sm, clang::SourceLocation location);

// Where a statement goes to come first in `body` (right after its `{`), and the indentation it
// takes there (that of the body's first statement, or one level in).
struct BodyStart {
  clang::SourceLocation after_brace;
  std::string indent;
};
BodyStart StartOf(const clang::SourceManager& sm, const clang::CompoundStmt& body);

// "line 12, column 5": where `location` is expanded, for messages that point at another place.
std::string Where(const clang::SourceManager& sm, clang::SourceLocation location);

// Whether `decl` is called `name`. False for constructors, operators and conversions, whose
// names are not identifiers (clang's getName() asserts on them).
inline bool IsNamed(const clang::NamedDecl& decl, llvm::StringRef name) {
  return decl.getIdentifier() != nullptr && decl.getName() == name;
}

// The printed name of `type`, without `struct`/`class`.
std::string TypeName(const clang::LangOptions& lang, clang::QualType type);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_SOURCE_TEXT_H_
