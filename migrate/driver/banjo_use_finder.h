// Finds what the file being rewritten still uses of a mapped library's banjo bindings (a type, a
// function, a member): in --mode=replace its banjo header may only go once nothing does.
#ifndef FDFKIT_MIGRATE_DRIVER_BANJO_USE_FINDER_H_
#define FDFKIT_MIGRATE_DRIVER_BANJO_USE_FINDER_H_

#include "migrate/driver/rewrite.h"

namespace fdfkit::driver_migration {

class BanjoUseFinder : public Rewrite {
 public:
  using Rewrite::Rewrite;
  void Register(clang::ast_matchers::MatchFinder* finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_BANJO_USE_FINDER_H_
