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

bool ResultUnused(clang::ASTContext& context, const clang::Expr& expr) {
  Enclosing enclosing = EnclosingNode(context, clang::DynTypedNode::create(expr));
  if (const auto* cast = enclosing.node.get<clang::ExplicitCastExpr>()) {
    return cast->getType()->isVoidType();
  }
  const auto* self = enclosing.child.get<clang::Stmt>();
  if (enclosing.node.get<clang::CompoundStmt>() != nullptr) return true;
  if (const auto* if_stmt = enclosing.node.get<clang::IfStmt>()) {
    return if_stmt->getThen() == self || if_stmt->getElse() == self;
  }
  if (const auto* loop = enclosing.node.get<clang::ForStmt>()) {
    return loop->getBody() == self || loop->getInc() == self;
  }
  if (const auto* loop = enclosing.node.get<clang::WhileStmt>()) return loop->getBody() == self;
  if (const auto* loop = enclosing.node.get<clang::DoStmt>()) return loop->getBody() == self;
  if (const auto* label = enclosing.node.get<clang::SwitchCase>()) {
    return label->getSubStmt() == self;
  }
  return false;
}

clang::DynTypedNode ParentLeadingOut(clang::ASTContext& context, const clang::DynTypedNode& node) {
  auto parents = context.getParents(node);
  if (parents.empty()) return {};
  for (const clang::DynTypedNode& parent : parents) {
    if (parent.get<clang::LambdaExpr>() != nullptr) return parent;
  }
  return parents[0];
}

const clang::FunctionDecl* OutermostFunction(clang::ASTContext& context,
                                             const clang::Stmt& stmt) {
  for (clang::DynTypedNode node = ParentLeadingOut(context, clang::DynTypedNode::create(stmt));
       !node.getNodeKind().isNone(); node = ParentLeadingOut(context, node)) {
    const auto* function = node.get<clang::FunctionDecl>();
    const auto* method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(function);
    if (function != nullptr && (method == nullptr || !method->getParent()->isLambda())) {
      return function;
    }
  }
  return nullptr;
}

const clang::FunctionDecl* EnclosingFunction(clang::ASTContext& context,
                                             const clang::Stmt& stmt) {
  clang::DynTypedNode node = clang::DynTypedNode::create(stmt);
  for (;;) {
    auto parents = context.getParents(node);
    if (parents.empty()) return nullptr;
    node = parents[0];
    if (const auto* lambda = node.get<clang::LambdaExpr>()) return lambda->getCallOperator();
    if (const auto* function = node.get<clang::FunctionDecl>()) return function;
  }
}

}  // namespace fdfkit::driver_migration
