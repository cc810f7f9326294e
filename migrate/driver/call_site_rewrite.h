// --mode=replace, call sites: `s = client.Method(in..., &out...)` on a banjo C++ client becomes a
// call through the driver-transport client its declaration becomes (client_type_rewrite.h):
// `client.buffer(arena)->Method(in...)`, with the transport error, the domain error and the
// response fields unpacked into what the banjo call returned and wrote, so the code around it
// reads the same values in the same places. Each function gets one arena, declared first in its
// body and reused by every call in it (or the fdf::Arena `arena` it has); the names it adds are
// ones the function does not use.
#ifndef FDFKIT_MIGRATE_DRIVER_CALL_SITE_REWRITE_H_
#define FDFKIT_MIGRATE_DRIVER_CALL_SITE_REWRITE_H_

#include <clang/AST/Decl.h>

#include <map>
#include <memory>
#include <set>

#include "migrate/driver/rewrite.h"
#include "migrate/driver/scope_names.h"

namespace fdfkit::driver_migration {

class CallSiteRewrite : public Rewrite {
 public:
  using Rewrite::Rewrite;
  void Register(clang::ast_matchers::MatchFinder* finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;

 private:
  // A call on a banjo client in a template: its instantiations may differ.
  void LeaveTemplated(const clang::SourceManager& sm, const clang::Expr& member);
  // A function's arena: one it has, or one declared first in its body under a free name.
  struct Arena {
    std::string name;
    clang::SourceLocation insert_at;  // invalid: the function has it already
    std::string declaration;
  };
  // `function`'s arena for `protocol`'s calls (one per function and transport: an fdf::Arena
  // carries driver-transport messages, a fidl::Arena holds a channel call's copies), decided
  // once for all its calls.
  const Arena& ArenaOf(const clang::SourceManager& sm, const clang::FunctionDecl& function,
                       const ScopeNames& names, const ProtocolMapping& protocol,
                       clang::SourceLocation use);
  // Its declaration, if one is needed, goes with the edits of `group` (once per group: identical
  // edits count once).
  void DeclareArena(const void* group, const clang::SourceManager& sm, const Arena& arena);
  // Per function and arena type ("fdf::Arena", "fidl::Arena").
  std::map<std::pair<const clang::FunctionDecl*, std::string>, Arena> arenas_;
  std::map<const clang::FunctionDecl*, std::unique_ptr<ScopeNames>> scopes_;
  std::map<const void*, std::string> why_stays_;  // per client (group): why it stays banjo
  std::map<const void*, bool> called_async_;      // per client: it becomes a WireClient
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_CALL_SITE_REWRITE_H_
