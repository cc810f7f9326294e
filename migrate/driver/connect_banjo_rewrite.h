// Rewrite: in --mode=dual, a DFv2 client's
// `compat::ConnectBanjo<ddk::FooProtocolClient>(incoming())` becomes the generated dual client,
// `fdfkit::shims::<lib>::FooDualClient::Connect(incoming())`, which takes banjo when the parent
// offers it and the driver transport otherwise. The dual client is a ddk::FooProtocolClient, so
// the uses of what the result holds stay as they are; only a result kept in a variable of deduced
// type (`zx::result x = ...`, `auto x = ...`) is rewritten — spelled out, returned or passed on,
// the result's own type would change. Calls in macros, templates or #if blocks, and files that get
// the banjo header through another file (no shims header to add), are left for a human. In
// --mode=replace the call connects to the parent's service instead
// (`incoming()->Connect<Service::Device>()`), where what the result holds is only called through
// (connect_result.h says when).
#ifndef FDFKIT_MIGRATE_DRIVER_CONNECT_BANJO_REWRITE_H_
#define FDFKIT_MIGRATE_DRIVER_CONNECT_BANJO_REWRITE_H_

#include <set>
#include <string>

#include "migrate/driver/rewrite.h"

namespace fdfkit::driver_migration {

class ConnectBanjoRewrite : public Rewrite {
 public:
  using Rewrite::Rewrite;
  void Register(clang::ast_matchers::MatchFinder* finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;

 private:
  void Replace(const clang::ast_matchers::MatchFinder::MatchResult& result,
               const clang::CallExpr& call, const LibraryMapping& library,
               const ProtocolMapping& protocol, const std::string& client);
  // --mode=dual: why `field` (a member a result is moved into) cannot become a dual client: it
  // is also given what is not a ConnectBanjo result the rewrite turns into one; "" if it can.
  std::string WhyMemberStays(clang::ASTContext& ast, const clang::FieldDecl& field) const;

  std::set<const clang::FieldDecl*> dual_members_;  // whose type was rewritten already
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_CONNECT_BANJO_REWRITE_H_
