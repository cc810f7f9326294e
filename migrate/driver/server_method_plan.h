// --mode=replace, one method of a banjo server: the edits that make `zx_status_t FooBar(in...,
// T* out...)` the FIDL method `void Bar(BarRequestView request, fdf::Arena& arena,
// BarCompleter::Sync& completer)`, or why it cannot be rewritten. In-parameters are read from
// the request (a struct's fields from the request's; a lambda's copy becomes a copy of the
// field); out-parameters are locals the reply carries; each return replies. An @async method's
// `callback(cookie, status, values...)` replies where it is called, in the method or in the one
// lambda that captured the callback, which then holds `completer.ToAsync()`.
#ifndef FDFKIT_MIGRATE_DRIVER_SERVER_METHOD_PLAN_H_
#define FDFKIT_MIGRATE_DRIVER_SERVER_METHOD_PLAN_H_

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/Basic/SourceLocation.h>

#include <string>
#include <vector>

#include "migrate/driver/mapping_index.h"
#include "migrate/driver/rewrite_context.h"

namespace fdfkit::driver_migration {

struct ServerEdit {
  clang::CharSourceRange range;
  std::string text;
  bool consumes = false;  // the banjo names the range held are gone (signatures, the base)
  // Only says that the range's banjo names are gone (the text of another edit took it in).
  bool consume_only = false;
};

// Appends the edits of `method` (the server's banjo method mapped to `mapped`) to `edits`; false
// (with `why`) if it cannot be rewritten, leaving the edits of other methods alone.
bool PlanServerMethod(const RewriteContext& context, clang::ASTContext& ast,
                      const clang::CXXMethodDecl& method, const MethodMapping& mapped,
                      const LibraryMapping& library, const ProtocolMapping& protocol,
                      std::vector<ServerEdit>* edits, std::string* why);

// The base of `method`'s class whose banjo protocol (a mapped mixin) has a server method of
// `method`'s name — which the server rewrite rewrites, with the client calls made directly in
// it — or null.
const clang::CXXBaseSpecifier* ServedBy(const MappingIndex& mappings,
                                        const clang::CXXMethodDecl& method);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_SERVER_METHOD_PLAN_H_
