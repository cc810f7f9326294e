// --mode=replace, servers: a class serving a banjo protocol through its mixin
// (`ddk::FooProtocol<D[, ddk::base_protocol]>`) becomes an `fdf::WireServer<P>`. Each
// `zx_status_t FooBar(in..., T* out...)` becomes
// `void Bar(BarRequestView request, fdf::Arena& arena, BarCompleter::Sync& completer)`: reads of
// an in-parameter read `request->field`, writes through an out-parameter write a local that the
// reply carries, and each `return status;` replies — `ReplySuccess(outs...)` or
// `ReplyError(status)` — then returns. The class gains the server binding group, an
// unknown-method handler for an open protocol, and, in a DFv2 driver's Start, the publication of
// the service. A dual server (RFC step 3: its banjo children are gone) becomes one the same way,
// its own AddDriverTransportService call the binding group's AddService.
// Each method is planned by server_method_plan.h (structs field by field, @async callbacks
// replied to in place or through a held completer). A method the rewrite cannot express (an
// out-parameter that escapes, a struct used whole, a buffer, an @async callback stored or passed
// on) leaves the whole class for a human, said at the method.
#ifndef FDFKIT_MIGRATE_DRIVER_WIRE_SERVER_REWRITE_H_
#define FDFKIT_MIGRATE_DRIVER_WIRE_SERVER_REWRITE_H_

#include <clang/AST/DeclCXX.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include "migrate/driver/rewrite_context.h"

namespace fdfkit::driver_migration {

class WireServerRewrite {
 public:
  explicit WireServerRewrite(RewriteContext* context) : context_(context) {}

  // Rewrites `server`, whose base `mixin` serves `protocol`: the banjo mixin, or (`from_dual`)
  // the generated dual server, whose AddDriverTransportService call on the server itself
  // becomes the binding group's publication.
  void Rewrite(const clang::ast_matchers::MatchFinder::MatchResult& result,
               const clang::CXXRecordDecl& server, const clang::CXXBaseSpecifier& mixin,
               const LibraryMapping& library, const ProtocolMapping& protocol, bool from_dual);

 private:
  RewriteContext* context_;
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_WIRE_SERVER_REWRITE_H_
