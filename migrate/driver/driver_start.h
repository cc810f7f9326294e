// Where a server rewrite publishes what it serves: first thing in a DFv2 driver's
// `zx::result<> Start()`, so a child that connects in its own Start finds it, and a failure to
// publish fails the start. Other drivers (DFv1, an asynchronous Start, a Start defined in another
// file) publish by hand.
#ifndef FDFKIT_MIGRATE_DRIVER_DRIVER_START_H_
#define FDFKIT_MIGRATE_DRIVER_DRIVER_START_H_

#include <clang/AST/DeclCXX.h>
#include <clang/Basic/SourceManager.h>

#include <string>

#include "migrate/driver/rewrite_context.h"

namespace fdfkit::driver_migration {

// The body of `driver`'s own synchronous Start when `driver` derives from fdf::DriverBase and
// defines it in a file this unit rewrites; else null.
const clang::CompoundStmt* DriverStartBody(const RewriteContext& context,
                                           const clang::SourceManager& sm,
                                           const clang::CXXRecordDecl& driver);

// Inserts, first in `start`, a statement that runs `call` (a zx::result<> expression) and returns
// its error from Start; with the edits of `group` if one is given.
void PublishFirstInStart(RewriteContext* context, const clang::SourceManager& sm,
                         const clang::CompoundStmt& start, const std::string& call,
                         const void* group = nullptr);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_DRIVER_START_H_
