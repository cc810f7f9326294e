// Walking up from an expression past what the compiler wraps it in (implicit conversions,
// parentheses, cleanups, materialized temporaries): the node the code itself puts around it.
#ifndef FDFKIT_MIGRATE_DRIVER_ENCLOSING_NODE_H_
#define FDFKIT_MIGRATE_DRIVER_ENCLOSING_NODE_H_

#include <clang/AST/ASTContext.h>
#include <clang/AST/ASTTypeTraits.h>

namespace fdfkit::driver_migration {

struct Enclosing {
  clang::DynTypedNode node;   // null if `of` has no single parent
  clang::DynTypedNode child;  // what of `of` (or its wrappers) `node` holds directly
};

Enclosing EnclosingNode(clang::ASTContext& context, clang::DynTypedNode of);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_ENCLOSING_NODE_H_
