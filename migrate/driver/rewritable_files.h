// The files one translation unit rewrites: its main file, and the headers --header-filter gives
// it (those of its includes that match the filter and that no other given file includes: their
// rewrite is decided within this unit alone). Every rewrite asks here, not "is it the main file".
#ifndef FDFKIT_MIGRATE_DRIVER_REWRITABLE_FILES_H_
#define FDFKIT_MIGRATE_DRIVER_REWRITABLE_FILES_H_

#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/SourceManager.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace fdfkit::driver_migration {

class RewritableFiles {
 public:
  // `headers`: real paths (FileEntry::tryGetRealPathName) of the headers this unit rewrites.
  void set_headers(std::set<std::string> headers) {
    headers_ = std::move(headers);
    cache_.clear();
  }
  // Whether `location`, where it is expanded, is in a file this unit rewrites.
  bool Contains(const clang::SourceManager& sm, clang::SourceLocation location) const;
  // The same, for a location already in a file (not a macro's).
  bool ContainsFile(const clang::SourceManager& sm, clang::FileID file) const;

 private:
  std::set<std::string> headers_;
  mutable std::map<unsigned, bool> cache_;  // by FileID
};

// Matches a node whose start, where it is expanded, is in a file this unit rewrites (the
// counterpart of isExpansionInMainFile()).
AST_POLYMORPHIC_MATCHER_P(isExpansionInRewritableFile,
                          AST_POLYMORPHIC_SUPPORTED_TYPES(clang::Decl, clang::Stmt,
                                                          clang::TypeLoc),
                          const RewritableFiles*, files) {
  return files->Contains(Finder->getASTContext().getSourceManager(), Node.getBeginLoc());
}

// What `matcher` (an expression or statement matcher, with its bindings) finds under the
// top-level declarations of the files this unit rewrites, in source order: not under the
// thousands its other headers bring (a match over the whole unit walks them all, once per
// question asked).
template <typename Matcher>
std::vector<clang::ast_matchers::BoundNodes> MatchInRewritableFiles(const RewritableFiles& files,
                                                                    clang::ASTContext& ast,
                                                                    const Matcher& matcher) {
  namespace m = clang::ast_matchers;
  std::vector<m::BoundNodes> found;
  for (const clang::Decl* top : ast.getTranslationUnitDecl()->decls()) {
    clang::SourceLocation at = top->getBeginLoc();
    if (at.isInvalid() || !files.Contains(ast.getSourceManager(), at)) continue;
    auto matches = m::match(m::decl(m::forEachDescendant(matcher)), *top, ast);
    found.insert(found.end(), matches.begin(), matches.end());
  }
  return found;
}

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_REWRITABLE_FILES_H_
