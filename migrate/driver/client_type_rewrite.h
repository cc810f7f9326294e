// --mode=replace, client declarations: a variable, member or parameter of a banjo C++ client type
// becomes an `fdf::WireSyncClient<P>` (same qualifiers, same name; the calls on it are
// call_site_rewrite.h's). A DFv1 client connected at its declaration,
// `ddk::FooProtocolClient x(parent[, "fragment"]);`, connects through the parent's service instead
// — `DdkConnect[Fragment]RuntimeProtocol<Service::Device>` — and stays invalid when that fails,
// so the driver's own `is_valid()` check keeps its error path.
#ifndef FDFKIT_MIGRATE_DRIVER_CLIENT_TYPE_REWRITE_H_
#define FDFKIT_MIGRATE_DRIVER_CLIENT_TYPE_REWRITE_H_

#include "migrate/driver/rewrite.h"

namespace fdfkit::driver_migration {

class ClientTypeRewrite : public Rewrite {
 public:
  using Rewrite::Rewrite;
  void Register(clang::ast_matchers::MatchFinder* finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_CLIENT_TYPE_REWRITE_H_
