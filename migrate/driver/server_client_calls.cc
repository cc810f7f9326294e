// The banjo client calls a server method makes (server_method_planner.h): a layer between a
// parent and a child forwards each request down. The call is written with the method around it,
// since the call-site rewrite's edits and the method's would overlap; the call-site rewrite ties
// the client to the server so that both move or neither does.
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include <algorithm>

#include "migrate/driver/call_plan.h"
#include "migrate/driver/call_text.h"
#include "migrate/driver/client_declaration.h"
#include "migrate/driver/enclosing_node.h"
#include "migrate/driver/server_method_planner.h"
#include "migrate/driver/source_text.h"
#include "migrate/driver/wire_spelling.h"

namespace fdfkit::driver_migration::server_method {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

namespace {

// The call `expr` is passed to as an argument (through implicit conversions only), with the
// argument's index; null if it is anything else.
const clang::CallExpr* CallPassing(clang::ASTContext& ast, const clang::Expr& expr,
                                   unsigned* index) {
  for (clang::DynTypedNode node = clang::DynTypedNode::create(expr);;) {
    auto parents = ast.getParents(node);
    if (parents.size() != 1) return nullptr;
    if (parents[0].get<clang::ImplicitCastExpr>() != nullptr) {
      node = parents[0];
      continue;
    }
    const auto* call = parents[0].get<clang::CallExpr>();
    if (call == nullptr) return nullptr;
    for (unsigned i = 0; i < call->getNumArgs(); ++i) {
      if (call->getArg(i) == node.get<clang::Expr>()) {
        *index = i;
        return call;
      }
    }
    return nullptr;
  }
}

}  // namespace

bool MethodPlanner::IsCallArgument(const clang::Expr& expr) const {
  // A pointer parameter of a function the call names (no operator, no function pointer): the
  // callee writes through it during the call, as it did through banjo's. A reference to the
  // pointer, or a container's element, would keep the local's address past the call.
  unsigned index = 0;
  const clang::CallExpr* call = CallPassing(ast_, expr, &index);
  const clang::FunctionDecl* callee = call ? call->getDirectCallee() : nullptr;
  return callee != nullptr && !llvm::isa<clang::CXXOperatorCallExpr>(call) &&
         index < callee->getNumParams() &&
         callee->getParamDecl(index)->getType()->isPointerType();
}

const clang::CXXMemberCallExpr* MethodPlanner::ClientCallWithArgument(
    const clang::Expr& expr) const {
  unsigned index = 0;
  const auto* call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(CallPassing(ast_, expr, &index));
  const LibraryMapping* library = nullptr;
  return call != nullptr && call->getMethodDecl() != nullptr &&
                 context_.mappings().ForClientClass(
                     call->getMethodDecl()->getParent()->getQualifiedNameAsString(),
                     &library) != nullptr
             ? call
             : nullptr;
}

bool MethodPlanner::ClientCalls(std::vector<ServerEdit>* edits, std::string* why) {
  std::vector<const clang::CXXMemberCallExpr*> calls;
  for (const BoundNodes& bound :
       match(findAll(cxxMemberCallExpr().bind("call")), *definition_->getBody(), ast_)) {
    const auto* call = bound.getNodeAs<clang::CXXMemberCallExpr>("call");
    const clang::CXXMethodDecl* method = call->getMethodDecl();
    const LibraryMapping* library = nullptr;
    if (method == nullptr || EnclosingFunction(ast_, *call) != definition_ ||
        IsNamed(*method, "is_valid") ||
        context_.mappings().ForClientClass(method->getParent()->getQualifiedNameAsString(),
                                           &library) == nullptr) {
      continue;
    }
    calls.push_back(call);
  }
  for (const clang::CXXMemberCallExpr* call : calls) {
    for (const clang::CXXMemberCallExpr* other : calls) {
      if (other != call && sm_.isPointWithin(other->getBeginLoc(), call->getBeginLoc(),
                                             call->getEndLoc())) {
        *why = "passes one banjo client call (at " + Where(sm_, other->getBeginLoc()) +
               ") to another (at " + Where(sm_, call->getBeginLoc()) + ")";
        return false;
      }
    }
    // One its callback is forwarded to is written where the callback is (CallbackReplies).
    bool forwards_callback = false;
    for (const clang::Expr* argument : call->arguments()) {
      const auto* named = llvm::dyn_cast<clang::DeclRefExpr>(argument->IgnoreParenImpCasts());
      forwards_callback = forwards_callback ||
                          (named != nullptr && callback_ != nullptr && named->getDecl() == callback_);
    }
    if (!forwards_callback && !ClientCall(*call, /*forward=*/false, edits, why)) return false;
  }
  return true;
}

bool MethodPlanner::ClientCall(const clang::CXXMemberCallExpr& call, bool forward,
                               std::vector<ServerEdit>* edits, std::string* why) {
  const clang::CXXMethodDecl& method = *call.getMethodDecl();
  const LibraryMapping* library = nullptr;
  const ProtocolMapping* protocol = context_.mappings().ForClientClass(
      method.getParent()->getQualifiedNameAsString(), &library);
  std::string at = Where(sm_, call.getExprLoc());
  const clang::Expr* receiver = call.getImplicitObjectArgument();
  const auto* field = llvm::dyn_cast_or_null<clang::FieldDecl>(
      receiver != nullptr ? ReceiverDeclaration(*receiver) : nullptr);
  std::string client = receiver != nullptr ? Text(receiver->getSourceRange()) : "";
  std::string calls = "calls " + client + "." + method.getNameAsString() + "(...) (at " + at + ")";
  if (field == nullptr || call.getBeginLoc().isMacroID() || call.getEndLoc().isMacroID()) {
    *why = calls + " on a client that is no member, or through a macro";
    return false;
  }
  const MethodMapping* mapped = protocol->MethodForClientCall(method.getNameAsString());
  if (mapped == nullptr || !mapped->cloned) {
    *why = calls + ", which has no method in the clone";
    return false;
  }
  if (mapped->async && !ResultUnused(ast_, call)) {
    *why = calls + " as a value, though it is @async";
    return false;
  }
  if (forward) {
    // The callback goes on unchanged: the request's reply is the parent's, as it was (the same
    // C callback type, so the same outputs; both with an error).
    clang::QualType callback = callback_->getType().getCanonicalType();
    bool same = std::any_of(method.param_begin(), method.param_end(),
                            [&](const clang::ParmVarDecl* parameter) {
                              return parameter->getType().getCanonicalType() == callback;
                            });
    if (!callback->isFunctionPointerType() || !same || !mapped->error_syntax ||
        !mapped_.error_syntax) {
      *why = "passes its callback on to " + client + "." + method.getNameAsString() +
             "(...) (at " + at + "), whose reply is not its own: reply by hand";
      return false;
    }
  }
  ArgumentText text_of = [&](const clang::Expr& expr) {
    return TextWithEditsKept(expr.getSourceRange(), *edits);
  };
  std::string result = NewName("result", "fidl");
  LocalName local_name = [&](const std::string& base) { return NewName(base, "fidl"); };
  CallPlan plan = PlanCall(context_, sm_, ast_, call, method, *mapped, *library, *protocol,
                           result, "arena", local_name, &text_of);
  if (plan.refusal) {
    *why = calls + ", whose '" + plan.refusal->parameter + "' " + plan.refusal->why;
    return false;
  }
  const auto* callee = llvm::dyn_cast<clang::MemberExpr>(call.getCallee()->IgnoreParens());
  bool arrow = callee != nullptr && callee->isArrow();
  bool through_sync =
      !mapped->async && CalledAsync(context_.files(), ast_, *field, *protocol);
  if (through_sync && OnChannel(*protocol)) {
    *why = calls + ", which waits for its reply on a client also called @async: the "
                   "fidl::WireClient it becomes makes no synchronous calls";
    return false;
  }
  if (CallNeedsArena(*protocol, plan)) NeedArena(*protocol);
  std::string fidl_call = FidlCallText(*protocol, client, arrow, through_sync, "arena",
                                       mapped->fidl_method, plan.request);
  std::string marker =
      FidlNamespace(*library) + "::" + protocol->fidl_protocol + "::" + mapped->fidl_method;
  std::string indent = IndentAt(call.getBeginLoc());
  std::string text =
      forward ? ForwardedAsyncCallText(plan, fidl_call, *protocol, marker, protocol_, result,
                                       indent)
      : mapped->async
          ? AsyncCallText(plan, fidl_call, *protocol, marker, result, indent)
          : CallText(plan, fidl_call, mapped->error_syntax, ResultUnused(ast_, call), result,
                     indent);
  DropEditsWithin(call.getSourceRange(), edits);  // the text above took them in
  clang::CharSourceRange range = clang::CharSourceRange::getTokenRange(call.getSourceRange());
  edits->push_back({range, text, true});
  // A statement around it may take the text in (a returned status): the call's banjo names are
  // gone all the same.
  edits->push_back({range, "", true, /*consume_only=*/true});
  return true;
}

}  // namespace fdfkit::driver_migration::server_method
