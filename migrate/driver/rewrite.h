// What every AST rewrite is, clang-tidy style: one class per rewrite, which registers its matchers
// and, for each match, edits through the context or leaves the code for a human, saying why.
#ifndef FDFKIT_MIGRATE_DRIVER_REWRITE_H_
#define FDFKIT_MIGRATE_DRIVER_REWRITE_H_

#include <clang/ASTMatchers/ASTMatchFinder.h>

#include "migrate/driver/rewrite_context.h"

namespace fdfkit::driver_migration {

class Rewrite : public clang::ast_matchers::MatchFinder::MatchCallback {
 public:
  explicit Rewrite(RewriteContext* context) : context_(context) {}
  virtual void Register(clang::ast_matchers::MatchFinder* finder) = 0;

 protected:
  RewriteContext* context_;
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_REWRITE_H_
