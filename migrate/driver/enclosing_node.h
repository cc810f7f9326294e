// Walking up from an expression past what the compiler wraps it in (implicit conversions,
// parentheses, cleanups, materialized temporaries): the node the code itself puts around it, and
// what that says about the expression.
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

// Whether the value of `expr` is thrown away: it is a statement of its own, or cast to void.
bool ResultUnused(clang::ASTContext& context, const clang::Expr& expr);

// The function whose body holds `stmt`: a lambda's call operator for a statement in a lambda;
// null outside any function.
const clang::FunctionDecl* EnclosingFunction(clang::ASTContext& context, const clang::Stmt& stmt);

// The function, not a lambda's, that holds `stmt` (through any lambdas around it); or null.
const clang::FunctionDecl* OutermostFunction(clang::ASTContext& context, const clang::Stmt& stmt);

// The parent of `node` on the way out of the code: a lambda's body has two parents, its call
// operator and the lambda expression, and the lambda leads out. Null at the top.
clang::DynTypedNode ParentLeadingOut(clang::ASTContext& context, const clang::DynTypedNode& node);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_ENCLOSING_NODE_H_
