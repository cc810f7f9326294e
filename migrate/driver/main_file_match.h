// Matching in the file being rewritten only: the descendants of its own top-level declarations,
// not of the thousands its headers bring. A match over the whole translation unit walks them all,
// once per question asked (once per client, per server method).
#ifndef FDFKIT_MIGRATE_DRIVER_MAIN_FILE_MATCH_H_
#define FDFKIT_MIGRATE_DRIVER_MAIN_FILE_MATCH_H_

#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include <vector>

namespace fdfkit::driver_migration {

// What `matcher` (an expression or statement matcher, with its bindings) finds under the main
// file's top-level declarations, in source order.
template <typename Matcher>
std::vector<clang::ast_matchers::BoundNodes> MatchInMainFile(clang::ASTContext& ast,
                                                             const Matcher& matcher) {
  namespace m = clang::ast_matchers;
  const clang::SourceManager& sm = ast.getSourceManager();
  std::vector<m::BoundNodes> found;
  for (const clang::Decl* top : ast.getTranslationUnitDecl()->decls()) {
    clang::SourceLocation at = top->getBeginLoc();
    if (at.isInvalid() || !sm.isInMainFile(sm.getExpansionLoc(at))) continue;
    auto matches = m::match(m::decl(m::forEachDescendant(matcher)), *top, ast);
    found.insert(found.end(), matches.begin(), matches.end());
  }
  return found;
}

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_MAIN_FILE_MATCH_H_
