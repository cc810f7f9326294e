#include "migrate/driver/connect_result.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include "migrate/driver/enclosing_node.h"
#include "migrate/driver/source_text.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

namespace {

// `expr` without the implicit nodes and parentheses the compiler puts around a value.
const clang::Expr* Bare(const clang::Expr* expr) {
  return expr == nullptr ? nullptr : expr->IgnoreImplicit()->IgnoreParens()->IgnoreImplicit();
}

// The variable that `expr`, `*expr`, `expr->` or `expr.value()` reads the client out of.
const clang::VarDecl* ResultVariable(const clang::Expr* expr) {
  expr = Bare(expr);
  if (const auto* op = llvm::dyn_cast_or_null<clang::CXXOperatorCallExpr>(expr)) {
    if ((op->getOperator() == clang::OO_Star || op->getOperator() == clang::OO_Arrow) &&
        op->getNumArgs() == 1) {
      expr = Bare(op->getArg(0));
    } else {
      return nullptr;
    }
  } else if (const auto* call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(expr)) {
    if (call->getMethodDecl() == nullptr || !IsNamed(*call->getMethodDecl(), "value")) {
      return nullptr;
    }
    expr = Bare(call->getImplicitObjectArgument());
  } else {
    return nullptr;
  }
  const auto* reference = llvm::dyn_cast_or_null<clang::DeclRefExpr>(expr);
  const auto* variable =
      reference ? llvm::dyn_cast<clang::VarDecl>(reference->getDecl()) : nullptr;
  return variable != nullptr && ConnectBanjoInitializer(*variable) ? variable : nullptr;
}

clang::DynTypedNode ParentOf(clang::ASTContext& context, clang::DynTypedNode node) {
  return EnclosingNode(context, node).node;
}

bool IsResultApi(llvm::StringRef name) {
  return name == "is_ok" || name == "is_error" || name == "status_value" ||
         name == "status_string" || name == "take_error" || name == "error_value";
}

// The copy of a banjo client `value` (`*x`, `x.value()`) feeds, walking out past std::move:
// the assignment's left side or the constructed variable; null when it is not copied.
struct CopyTarget {
  const clang::Expr* assigned = nullptr;   // `lhs = value`
  const clang::VarDecl* declared = nullptr;  // `T v(value)`, `T v = value`
  bool moved = false;
};
CopyTarget CopyOf(clang::ASTContext& context, const clang::Expr& value) {
  CopyTarget target;
  clang::DynTypedNode node = clang::DynTypedNode::create(value);
  clang::DynTypedNode parent = ParentOf(context, node);
  if (const auto* call = parent.get<clang::CallExpr>()) {
    const auto* callee = call->getDirectCallee();
    if (callee != nullptr && callee->getQualifiedNameAsString() == "std::move" &&
        call->getNumArgs() == 1) {
      target.moved = true;
      node = parent;
      parent = ParentOf(context, parent);
    }
  }
  if (const auto* op = parent.get<clang::CXXOperatorCallExpr>()) {
    if (op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2 &&
        Bare(op->getArg(1)) == Bare(node.get<clang::Expr>())) {
      target.assigned = Bare(op->getArg(0));
    }
    return target;
  }
  if (const auto* construct = parent.get<clang::CXXConstructExpr>()) {
    clang::DynTypedNode holder = ParentOf(context, parent);
    target.declared = holder.get<clang::VarDecl>();
  } else {
    target.declared = parent.get<clang::VarDecl>();
  }
  return target;
}

// `target` assigns a data member of this class whose type is a mapped banjo client.
bool IntoOwnClientMember(const MappingIndex& mappings, const CopyTarget& target) {
  const auto* member = llvm::dyn_cast_or_null<clang::MemberExpr>(target.assigned);
  const auto* field = member ? llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl()) : nullptr;
  if (field == nullptr || !llvm::isa<clang::CXXThisExpr>(member->getBase()->IgnoreImplicit())) {
    return false;
  }
  const clang::CXXRecordDecl* type = field->getType()->getAsCXXRecordDecl();
  const LibraryMapping* library = nullptr;
  return type != nullptr && mappings.ForClientClass(type->getQualifiedNameAsString(), &library);
}

}  // namespace

const clang::CallExpr* ConnectBanjoInitializer(const clang::VarDecl& variable) {
  const auto* call = llvm::dyn_cast_or_null<clang::CallExpr>(Bare(variable.getInit()));
  if (call == nullptr) return nullptr;
  const auto* callee = call->getDirectCallee();
  return callee != nullptr && callee->getQualifiedNameAsString() == "compat::ConnectBanjo"
             ? call
             : nullptr;
}

const clang::VarDecl* ConnectResultReceiver(const clang::Expr& receiver) {
  return ResultVariable(&receiver);
}

const clang::Expr* BlockingUse(clang::ASTContext& context, const MappingIndex& mappings,
                               const clang::VarDecl& variable,
                               const clang::FunctionDecl& function) {
  if (function.getBody() == nullptr) return nullptr;
  auto references = match(
      findAll(declRefExpr(to(varDecl(equalsNode(&variable)))).bind("use")), *function.getBody(),
      context);
  for (const BoundNodes& bound : references) {
    const auto* use = bound.getNodeAs<clang::DeclRefExpr>("use");
    clang::DynTypedNode parent = ParentOf(context, clang::DynTypedNode::create(*use));
    // x.is_error(), x.take_error()...: zx::result's own API.
    if (const auto* member = parent.get<clang::MemberExpr>()) {
      if (member->getMemberDecl()->getIdentifier() != nullptr &&
          IsResultApi(member->getMemberDecl()->getName())) {
        continue;
      }
    }
    // The client read out of it, as the object of a call on a mapped banjo client.
    clang::DynTypedNode value = parent;
    if (parent.get<clang::MemberExpr>()) value = ParentOf(context, parent);  // x.value()
    const auto* value_expr = value.get<clang::Expr>();
    if (value_expr != nullptr && ResultVariable(value_expr) == &variable) {
      clang::DynTypedNode callee = ParentOf(context, value);
      const auto* member = callee.get<clang::MemberExpr>();
      clang::DynTypedNode call = member ? ParentOf(context, callee) : clang::DynTypedNode();
      const auto* client_call = call.get<clang::CXXMemberCallExpr>();
      const LibraryMapping* library = nullptr;
      if (client_call != nullptr && client_call->getMethodDecl() != nullptr &&
          mappings.ForClientClass(
              client_call->getMethodDecl()->getParent()->getQualifiedNameAsString(), &library)) {
        continue;
      }
      // Moved or copied into a banjo client member of this class, which the client type rewrite
      // binds to the end instead (the two are tied: both rewritten or neither).
      if (IntoOwnClientMember(mappings, CopyOf(context, *value_expr))) continue;
    }
    return use;
  }
  return nullptr;
}

std::vector<ClientCopy> ClientCopies(clang::ASTContext& context, const clang::VarDecl& variable,
                                     const clang::FunctionDecl& function,
                                     const std::string& client_class) {
  std::vector<ClientCopy> copies;
  if (function.getBody() == nullptr) return copies;
  auto references = match(
      findAll(declRefExpr(to(varDecl(equalsNode(&variable)))).bind("use")), *function.getBody(),
      context);
  const clang::SourceManager& sm = context.getSourceManager();
  for (const BoundNodes& bound : references) {
    const auto* use = bound.getNodeAs<clang::DeclRefExpr>("use");
    clang::DynTypedNode value = ParentOf(context, clang::DynTypedNode::create(*use));
    if (value.get<clang::MemberExpr>()) value = ParentOf(context, value);  // x.value()
    const auto* value_expr = value.get<clang::Expr>();
    if (value_expr == nullptr || ResultVariable(value_expr) != &variable) continue;
    CopyTarget target = CopyOf(context, *value_expr);
    ClientCopy copy{value_expr, nullptr, target.moved, ""};
    if (target.declared != nullptr) {
      if (target.declared->hasLocalStorage()) continue;  // the result outlives it
      copy.target = "'" + target.declared->getNameAsString() + "'";
    } else if (target.assigned != nullptr) {
      const auto* member = llvm::dyn_cast<clang::MemberExpr>(target.assigned);
      const auto* field =
          member ? llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl()) : nullptr;
      const auto* reference = llvm::dyn_cast<clang::DeclRefExpr>(target.assigned);
      const auto* local =
          reference ? llvm::dyn_cast<clang::VarDecl>(reference->getDecl()) : nullptr;
      if (local != nullptr && local->hasLocalStorage()) continue;
      const clang::CXXRecordDecl* type =
          field ? field->getType()->getAsCXXRecordDecl() : nullptr;
      bool own_member = field != nullptr && llvm::isa<clang::CXXThisExpr>(
                                                member->getBase()->IgnoreImplicit()) &&
                        type != nullptr && type->getQualifiedNameAsString() == client_class &&
                        !field->getLocation().isMacroID();
      if (own_member) {
        copy.field = field;
      } else {
        copy.target = field ? "member '" + field->getNameAsString() + "'"
                            : "'" + Text(sm, context.getLangOpts(),
                                         target.assigned->getSourceRange()) + "'";
      }
    } else {
      continue;  // not copied: a call through it, or passed by reference
    }
    copies.push_back(copy);
  }
  return copies;
}

std::string WhyConnectStays(clang::ASTContext& context, const MappingIndex& mappings,
                            const clang::VarDecl& variable, const clang::FunctionDecl& function,
                            const LibraryMapping& library, const ProtocolMapping& protocol) {
  if (variable.getTypeSourceInfo() == nullptr ||
      variable.getTypeSourceInfo()->getType()->getContainedDeducedType() == nullptr) {
    return "its result's type is spelled out (zx::result<...>), not deduced";
  }
  if (protocol.service_name.empty()) {
    return library.file + " names no service for " + protocol.fidl_protocol +
           " (written by an older migrate-protocol?)";
  }
  if (const clang::Expr* use = BlockingUse(context, mappings, variable, function)) {
    return "the client is used at " + Where(context.getSourceManager(), use->getBeginLoc()) +
           " other than to call it, which an fdf::ClientEnd would not compile with";
  }
  return "";
}

}  // namespace fdfkit::driver_migration
