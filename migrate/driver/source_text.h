// The source text the rewrites copy and line up with: an expression as written, the indentation
// of the line a node starts on.
#ifndef FDFKIT_MIGRATE_DRIVER_SOURCE_TEXT_H_
#define FDFKIT_MIGRATE_DRIVER_SOURCE_TEXT_H_

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

// "line 12, column 5": where `location` is expanded, for messages that point at another place.
std::string Where(const clang::SourceManager& sm, clang::SourceLocation location);

// The printed name of `type`, without `struct`/`class`.
std::string TypeName(const clang::LangOptions& lang, clang::QualType type);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_SOURCE_TEXT_H_
