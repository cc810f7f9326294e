// --mode=replace: `zx::result x = compat::ConnectBanjo<ddk::FooProtocolClient>(incoming());`
// becomes `zx::result x = incoming()->Connect<Service::Device>();`, a zx::result of an
// fdf::ClientEnd. That keeps every use of zx::result's own API (the error path: is_error,
// status_string, take_error...) and the calls through the client (`x->Bar()`, `(*x).Bar()`,
// `x.value().Bar()`, which become `fdf::WireCall(*x).buffer(arena)->Bar()`); any other use of
// the client (passed on, copied, stored) would not compile, so then nothing is rewritten. The
// connect rewrite and the call-site rewrite both ask here.
#ifndef FDFKIT_MIGRATE_DRIVER_CONNECT_RESULT_H_
#define FDFKIT_MIGRATE_DRIVER_CONNECT_RESULT_H_

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>

#include <string>
#include <vector>

#include "migrate/driver/mapping_index.h"

namespace fdfkit::driver_migration {

// The compat::ConnectBanjo call that initializes `variable`, or null.
const clang::CallExpr* ConnectBanjoInitializer(const clang::VarDecl& variable);

// The variable initialized by ConnectBanjo that `receiver` (a banjo client call's object
// expression: `*x`, `x->`, `x.value()`) reads the client out of, or null.
const clang::VarDecl* ConnectResultReceiver(const clang::Expr& receiver);

// The first use of `variable` in `function` that would not compile once it holds an
// fdf::ClientEnd (or would read it after a member took it); null if there is none.
const clang::Expr* BlockingUse(clang::ASTContext& context, const MappingIndex& mappings,
                               const clang::VarDecl& variable, const clang::FunctionDecl& function);

// --mode=dual: the uses of `variable` that copy the client out of it into a place the result
// does not outlive. `field` is set for a data member of this class of a banjo client's type (the
// rewrite makes it a dual client and moves the result in); otherwise `target` says where the copy
// goes (kept, returned, captured, passed by value...), which is left. Calls through the result,
// copies into locals and `const Client&` arguments are not listed: the result outlives them.
struct ClientCopy {
  const clang::Expr* use = nullptr;    // `*x` or `x.value()`, as written
  const clang::FieldDecl* field = nullptr;
  bool moved = false;                  // already `std::move(*x)`
  std::string target;                  // what the copy goes into, for the diagnostic
};
std::vector<ClientCopy> ClientCopies(clang::ASTContext& context, const MappingIndex& mappings,
                                     const clang::VarDecl& variable,
                                     const clang::FunctionDecl& function);

// --mode=replace: the banjo client members of this class the result is moved or copied into
// (each bound to the end instead, and tied to the result).
std::vector<const clang::FieldDecl*> MembersAssignedFrom(clang::ASTContext& context,
                                                         const MappingIndex& mappings,
                                                         const clang::VarDecl& variable,
                                                         const clang::FunctionDecl& function);

// Why the ConnectBanjo call initializing `variable` (in `function`, for `protocol`) stays banjo
// in --mode=replace; "" if it is rewritten.
std::string WhyConnectStays(clang::ASTContext& context, const MappingIndex& mappings,
                            const clang::VarDecl& variable, const clang::FunctionDecl& function,
                            const LibraryMapping& library, const ProtocolMapping& protocol);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_CONNECT_RESULT_H_
