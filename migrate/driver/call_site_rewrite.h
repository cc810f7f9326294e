// --mode=replace, call sites: `s = client.Method(in..., &out...)` on a banjo C++ client becomes a
// call through the driver-transport client its declaration becomes (client_type_rewrite.h):
// `client.buffer(arena)->Method(in...)`, with the transport error, the domain error and the
// response fields unpacked into what the banjo call returned and wrote, so the code around it
// reads the same values in the same places. Each function gets one arena, declared first in its
// body and reused by every call in it.
#ifndef FDFKIT_MIGRATE_DRIVER_CALL_SITE_REWRITE_H_
#define FDFKIT_MIGRATE_DRIVER_CALL_SITE_REWRITE_H_

#include <clang/AST/Decl.h>

#include <map>

#include "migrate/driver/rewrite.h"

namespace fdfkit::driver_migration {

class CallSiteRewrite : public Rewrite {
 public:
  using Rewrite::Rewrite;
  void Register(clang::ast_matchers::MatchFinder* finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult& result) override;

 private:
  // A call on a banjo client in a template: its instantiations may differ.
  void LeaveTemplated(const clang::SourceManager& sm, const clang::Expr& member);
  // A function's arena: one it has, or the declaration to insert first in its body.
  struct Arena {
    bool usable = true;  // false: `arena` names something else there
    clang::SourceLocation insert_at;
    std::string declaration;
  };
  // `function`'s arena, its declaration added to the edits of `group` (once per group: identical
  // edits count once); false if the name is taken by something else.
  bool EnsureArena(const void* group, const clang::SourceManager& sm, clang::ASTContext& ast,
                   const clang::FunctionDecl& function, const std::string& tag);
  std::map<const clang::FunctionDecl*, Arena> arenas_;
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_CALL_SITE_REWRITE_H_
