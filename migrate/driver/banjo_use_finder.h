// Finds what the file being rewritten still uses of a mapped library's banjo bindings (a type, a
// function, a member): in --mode=replace its banjo header may only go once nothing does.
#ifndef FDFKIT_MIGRATE_DRIVER_BANJO_USE_FINDER_H_
#define FDFKIT_MIGRATE_DRIVER_BANJO_USE_FINDER_H_

#include <clang/ASTMatchers/ASTMatchFinder.h>

#include "migrate/driver/rewrite_context.h"

namespace fdfkit::driver_migration {

class BanjoUseFinder : public clang::ast_matchers::MatchFinder::MatchCallback {
 public:
  explicit BanjoUseFinder(RewriteContext* context) : context_(context) {}
  void Register(clang::ast_matchers::MatchFinder* finder);
  void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;

 private:
  RewriteContext* context_;
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_BANJO_USE_FINDER_H_
