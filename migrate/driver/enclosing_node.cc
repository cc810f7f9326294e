#include "migrate/driver/enclosing_node.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>

namespace fdfkit::driver_migration {

Enclosing EnclosingNode(clang::ASTContext& context, clang::DynTypedNode of) {
  clang::DynTypedNode child = of;
  for (;;) {
    auto parents = context.getParents(child);
    if (parents.size() != 1) return {{}, child};
    const auto* expr = parents[0].get<clang::Expr>();
    if (expr == nullptr ||
        !llvm::isa<clang::ImplicitCastExpr, clang::ParenExpr, clang::MaterializeTemporaryExpr,
                   clang::ExprWithCleanups>(expr)) {
      return {parents[0], child};
    }
    child = parents[0];
  }
}

}  // namespace fdfkit::driver_migration
