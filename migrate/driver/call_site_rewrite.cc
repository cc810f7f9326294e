#include "migrate/driver/call_site_rewrite.h"

#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/Lex/Lexer.h>

#include <optional>
#include <set>

#include "migrate/driver/call_plan.h"
#include "migrate/driver/call_text.h"
#include "migrate/driver/client_declaration.h"
#include "migrate/driver/connect_result.h"
#include "migrate/driver/diagnostics.h"
#include "migrate/driver/enclosing_node.h"
#include "migrate/driver/scope_names.h"
#include "migrate/driver/server_method_plan.h"
#include "migrate/driver/source_text.h"
#include "migrate/driver/wire_spelling.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language
namespace {

// Why the client a call is made on stays banjo ("" if it does not): the declaration the
// client-type rewrite turns into an fdf::WireSyncClient, or what a ConnectBanjo result holds,
// which becomes an fdf::ClientEnd called through fdf::WireCall.
std::string WhyClientStays(clang::ASTContext& ast, const MappingIndex& mappings,
                           const RewritableFiles& files,
                           const clang::Expr* receiver, const clang::VarDecl* connect_result,
                           const clang::FunctionDecl* function, const LibraryMapping& library,
                           const ProtocolMapping& protocol) {
  if (connect_result != nullptr) {
    std::string why = function == nullptr ? "is read out of a result outside a function"
                                          : WhyConnectStays(ast, mappings, *connect_result,
                                                            *function, library, protocol);
    return why.empty() ? "" : "comes from compat::ConnectBanjo, which stays: " + why;
  }
  const clang::DeclaratorDecl* declared = receiver ? ReceiverDeclaration(*receiver) : nullptr;
  std::optional<ClientDeclaration> declaration =
      declared ? FindClientDeclaration(mappings, files, ast, *declared)
               : std::nullopt;
  if (!declaration) {
    return "is not a variable, member or parameter declared with the banjo client's type";
  }
  return declaration->why_not;
}

}  // namespace

void CallSiteRewrite::Register(MatchFinder* finder) {
  finder->addMatcher(cxxMemberCallExpr(isExpansionInRewritableFile(&context_->files()), unless(isInTemplateInstantiation()),
                                       optionally(forFunction(functionDecl().bind("function"))))
                         .bind("call"),
                     this);
  // In a template, a call with arguments that depend on it is no CXXMemberCallExpr yet.
  finder->addMatcher(
      expr(anyOf(memberExpr(), unresolvedMemberExpr()), isExpansionInRewritableFile(&context_->files()),
           anyOf(hasAncestor(functionTemplateDecl()), hasAncestor(classTemplateDecl())))
          .bind("templated"),
      this);
}

void CallSiteRewrite::LeaveTemplated(const clang::SourceManager& sm, const clang::Expr& member) {
  const clang::CXXRecordDecl* record = nullptr;
  std::string name;
  clang::SourceLocation at;
  const clang::Expr* base = nullptr;
  if (const auto* known = llvm::dyn_cast<clang::MemberExpr>(&member)) {
    base = known->getBase();
    const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(known->getMemberDecl());
    if (method == nullptr) return;
    record = method->getParent();
    name = method->getNameAsString();
    at = known->getMemberLoc();
  } else if (const auto* unresolved = llvm::dyn_cast<clang::UnresolvedMemberExpr>(&member)) {
    base = unresolved->isImplicitAccess() ? nullptr : unresolved->getBase();
    record = unresolved->getBaseType()->getPointeeCXXRecordDecl();
    if (record == nullptr) record = unresolved->getBaseType()->getAsCXXRecordDecl();
    name = unresolved->getMemberName().getAsString();
    at = unresolved->getMemberLoc();
  }
  const LibraryMapping* library = nullptr;
  if (record == nullptr || name == "is_valid" ||
      context_->mappings().ForClientClass(record->getQualifiedNameAsString(), &library) ==
          nullptr) {
    return;
  }
  context_->Leave(sm, at, diag::kInTemplate, "a call of " + record->getQualifiedNameAsString() +
                                                 "::" + name);
  if (const clang::DeclaratorDecl* client = base ? ReceiverDeclaration(*base) : nullptr) {
    context_->Block(client, "of the call at " + Where(sm, at) + " (reported there)");
  }
}

void CallSiteRewrite::run(const MatchFinder::MatchResult& result) {
  const clang::SourceManager& sm = *result.SourceManager;
  if (const auto* templated = result.Nodes.getNodeAs<clang::Expr>("templated")) {
    LeaveTemplated(sm, *templated);
    return;
  }
  const auto* call = result.Nodes.getNodeAs<clang::CXXMemberCallExpr>("call");
  const clang::CXXMethodDecl* method = call->getMethodDecl();
  if (method == nullptr || method->getParent() == nullptr) return;
  const LibraryMapping* library = nullptr;
  const ProtocolMapping* protocol = context_->mappings().ForClientClass(
      method->getParent()->getQualifiedNameAsString(), &library);
  if (protocol == nullptr) return;
  const clang::Expr* receiver = call->getImplicitObjectArgument();
  std::string name = method->getNameAsString();
  const clang::LangOptions& lang = result.Context->getLangOpts();
  // `x` for `x.M()`, `x->M()` and `(*x).M()` alike (an overloaded -> spans the arrow).
  const clang::Expr* object = receiver ? receiver->IgnoreParenImpCasts() : nullptr;
  if (const auto* op = llvm::dyn_cast_or_null<clang::CXXOperatorCallExpr>(object);
      op != nullptr && op->getOperator() == clang::OO_Arrow && op->getNumArgs() == 1) {
    object = op->getArg(0);
  }
  std::string client = object ? Text(sm, lang, object->getSourceRange()) : "";
  if (client.empty()) client = protocol->cpp_client;
  clang::SourceLocation at = call->getExprLoc();
  const auto* function = result.Nodes.getNodeAs<clang::FunctionDecl>("function");
  const clang::VarDecl* connect_result = receiver ? ConnectResultReceiver(*receiver) : nullptr;
  // The group this call stands or falls with: its client's declaration, or the ConnectBanjo
  // result it is read out of.
  const void* group = connect_result ? static_cast<const void*>(connect_result)
                                     : static_cast<const void*>(
                                           receiver ? ReceiverDeclaration(*receiver) : nullptr);
  // Decided once per client: every call on it asks the same (a connect result's uses are a walk
  // of its whole function).
  auto known = group ? why_stays_.find(group) : why_stays_.end();
  std::string why_not = known != why_stays_.end()
                            ? known->second
                            : WhyClientStays(*result.Context, context_->mappings(), context_->files(), receiver,
                                             connect_result, function, *library, *protocol);
  if (group != nullptr) why_stays_.emplace(group, why_not);
  // A call made in a banjo server method the server rewrite rewrites (its parameters, its
  // returns): one made directly in it on a member client is written by that rewrite, with the
  // rest of the method, and the two stand or fall together.
  const clang::FunctionDecl* outermost = OutermostFunction(*result.Context, *call);
  const auto* served_method =
      llvm::dyn_cast_or_null<clang::CXXMethodDecl>(outermost ? outermost : function);
  const clang::CXXBaseSpecifier* served =
      served_method ? ServedBy(context_->mappings(), *served_method) : nullptr;
  if (served == nullptr) served_method = nullptr;
  bool served_directly =
      served != nullptr && function == served_method && receiver != nullptr &&
      connect_result == nullptr &&
      llvm::isa_and_nonnull<clang::FieldDecl>(ReceiverDeclaration(*receiver));
  if (served_directly) {
    std::string method_name =
        served_method->getParent()->getNameAsString() + "::" + served_method->getNameAsString();
    context_->Tie(served, group,
                  "the banjo client " + client + " that " + method_name + " calls (at " +
                      Where(sm, at) + ") stays banjo (reported there)",
                  "its call at " + Where(sm, at) + " is made in the banjo server method " +
                      method_name + ", which stays banjo (reported there)");
  }
  auto block = [&] {
    if (group != nullptr && why_not.empty()) {
      context_->Block(group, "of the call at " + Where(sm, at) + " (reported there)");
    }
  };
  if (call->getBeginLoc().isMacroID() || call->getEndLoc().isMacroID()) {
    context_->Leave(sm, at, diag::kCallInMacro, client, name);
    return block();
  }
  if (function != nullptr && function->isTemplated()) return block();  // said by LeaveTemplated
  if (context_->InConditional(sm, at)) {
    context_->Leave(sm, at, diag::kInConditional, client + "." + name + "(...)");
    return block();
  }
  if (name == "is_valid" && connect_result == nullptr) {
    // fdf::WireSyncClient has it too: the call stays, and names no banjo declaration any more.
    if (why_not.empty()) {
      context_->ConsumedIn(group, sm, clang::CharSourceRange::getTokenRange(
                                          call->getCallee()->getSourceRange()));
    }
    return;
  }
  if (!why_not.empty()) {
    context_->Leave(sm, at, diag::kClientNotRewritable, client, name, why_not);
    return;
  }
  const MethodMapping* mapped = protocol->MethodForClientCall(name);
  if (mapped == nullptr) {
    context_->Leave(sm, at, diag::kMethodNotMigrated, client, name,
                    "not a method of banjo protocol " + protocol->banjo_protocol);
    return block();
  }
  if (!mapped->cloned) {
    context_->Leave(sm, at, diag::kMethodNotMigrated, client, name,
                    mapped->not_cloned.empty() ? "the mapping has no FIDL method for it"
                                               : mapped->not_cloned);
    return block();
  }
  const std::string& fidl_method = mapped->fidl_method;
  // A client called @async becomes an fdf::WireClient, which must outlive its replies: a member.
  auto called_async = group ? called_async_.find(group) : called_async_.end();
  if (called_async == called_async_.end()) {
    const auto* field = llvm::dyn_cast_or_null<clang::FieldDecl>(
        receiver && !connect_result ? ReceiverDeclaration(*receiver) : nullptr);
    called_async = called_async_
                       .emplace(group, field != nullptr &&
                                           CalledAsync(context_->files(), *result.Context, *field, *protocol))
                       .first;
  }
  if (!mapped->async && called_async->second && OnChannel(*protocol)) {
    context_->Leave(sm, at, diag::kChannelSyncCallOnAsyncClient, client, name);
    return block();
  }
  if (mapped->async) {
    const auto* field = llvm::dyn_cast_or_null<clang::FieldDecl>(
        receiver && !connect_result ? ReceiverDeclaration(*receiver) : nullptr);
    std::string why;
    if (field == nullptr) {
      why = "is called on a client that is not a member: an fdf::WireClient that goes out of "
            "scope cancels the reply its callback waits for";
    } else if (field->getType()->isReferenceType() || field->getType()->isPointerType()) {
      why = "is called through a reference or pointer to the client, which stays banjo";
    } else if (!ResultUnused(*result.Context, *call)) {
      why = "is used as a value";
    }
    if (!why.empty()) {
      context_->Leave(sm, at, diag::kAsyncCallLeft, client, name, why);
      return block();
    }
  }
  const clang::CompoundStmt* body =
      function ? llvm::dyn_cast_or_null<clang::CompoundStmt>(function->getBody()) : nullptr;
  if (body == nullptr || !sm.isBeforeInTranslationUnit(body->getLBracLoc(), call->getBeginLoc())) {
    context_->Leave(sm, at, diag::kCallOutsideFunctionBody, client, name);
    return block();
  }
  for (const clang::Expr* argument : call->arguments()) {
    auto nested = match(findAll(cxxMemberCallExpr().bind("nested")), *argument, *result.Context);
    for (const BoundNodes& bound : nested) {
      const auto* inner = bound.getNodeAs<clang::CXXMemberCallExpr>("nested");
      const LibraryMapping* inner_library = nullptr;
      if (inner->getMethodDecl() != nullptr &&
          context_->mappings().ForClientClass(
              inner->getMethodDecl()->getParent()->getQualifiedNameAsString(), &inner_library)) {
        context_->Leave(sm, at, diag::kNestedCall, client, name);
        return block();
      }
    }
  }
  if (served_method != nullptr) {
    if (!served_directly) {
      // Anywhere else in it the two sets of edits would overlap.
      context_->Leave(sm, at, diag::kCallInServerMethod, client, name);
      return block();
    }
    return;  // the server rewrite writes it (tied above)
  }
  auto names = scopes_.find(function);
  if (names == scopes_.end()) {
    names = scopes_.emplace(function, std::make_unique<ScopeNames>(*function)).first;
  }
  std::string result_name = names->second->Fresh("result", "fidl");
  const Arena& arena = ArenaOf(sm, *function, *names->second, *protocol, call->getBeginLoc());
  // The plan's locals live in the lambda the call becomes: free in the function, and apart from
  // the result, the arena and each other.
  std::set<std::string> locals = {result_name, arena.name};
  LocalName local_name = [&](const std::string& base) {
    std::string local = names->second->Fresh(base, "fidl");
    for (int n = 2; locals.count(local) > 0; ++n) {
      local = names->second->Fresh(base + std::to_string(n), "fidl");
    }
    locals.insert(local);
    return local;
  };
  CallPlan plan = PlanCall(*context_, sm, *result.Context, *call, *method, *mapped, *library,
                           *protocol, result_name, arena.name, local_name);
  if (plan.refusal) {
    context_->Leave(sm, at, diag::kCallParameterNeedsHuman, client, name, plan.refusal->parameter,
                    plan.refusal->type.empty() ? "?" : plan.refusal->type, plan.refusal->why);
    return block();
  }
  if (CallNeedsArena(*protocol, plan)) DeclareArena(group, sm, arena);
  const auto* callee = llvm::dyn_cast<clang::MemberExpr>(call->getCallee()->IgnoreParens());
  bool arrow = callee != nullptr && callee->isArrow();
  if (connect_result != nullptr) {
    client = BindingsNamespace(*protocol) + "::WireCall(*" + connect_result->getNameAsString() +
             ")";
    arrow = false;
  }
  // On a WireClient, a two-way call that waits for its reply goes through sync().
  std::string fidl_call = FidlCallText(*protocol, client, arrow,
                                       called_async->second && !mapped->async, arena.name,
                                       fidl_method, plan.request);
  std::string indent = LineIndent(sm, call->getBeginLoc());
  std::string text =
      mapped->async
          ? AsyncCallText(plan, fidl_call, *protocol,
                          FidlNamespace(*library) + "::" + protocol->fidl_protocol + "::" +
                              fidl_method,
                          result_name, indent)
          : CallText(plan, fidl_call, mapped->error_syntax, ResultUnused(*result.Context, *call),
                     result_name, indent);
  context_->ReplaceIn(group, sm, clang::CharSourceRange::getTokenRange(call->getSourceRange()),
                      text);
  context_->ConsumedIn(group, sm,
                       clang::CharSourceRange::getTokenRange(call->getCallee()->getSourceRange()));
}

namespace {

// Whether `decl` (an `arena` of the function's) is in scope at `use`: a parameter, or a local
// declared by a statement of the body itself before it (not in an inner block, not later).
bool InScopeAt(const clang::ValueDecl& decl, const clang::FunctionDecl& function,
               const clang::SourceManager& sm, clang::SourceLocation use) {
  if (const auto* parameter = llvm::dyn_cast<clang::ParmVarDecl>(&decl)) {
    return parameter->getDeclContext() == &function;
  }
  const auto* body = llvm::dyn_cast_or_null<clang::CompoundStmt>(function.getBody());
  if (body == nullptr) return false;
  for (const clang::Stmt* statement : body->body()) {
    const auto* declaration = llvm::dyn_cast<clang::DeclStmt>(statement);
    if (declaration == nullptr) continue;
    for (const clang::Decl* declared : declaration->decls()) {
      if (declared == &decl) return sm.isBeforeInTranslationUnit(declaration->getEndLoc(), use);
    }
  }
  return false;
}

}  // namespace

const CallSiteRewrite::Arena& CallSiteRewrite::ArenaOf(const clang::SourceManager& sm,
                                                       const clang::FunctionDecl& function,
                                                       const ScopeNames& names,
                                                       const ProtocolMapping& protocol,
                                                       clang::SourceLocation use) {
  std::string type = BindingsNamespace(protocol) + "::Arena";
  auto known = arenas_.find({&function, type});
  if (known == arenas_.end()) {
    Arena arena;
    // An arena of that type called `arena` that the call can see (a parameter, a local declared
    // before it in the body) is reused.
    const auto* existing = llvm::dyn_cast_or_null<clang::ValueDecl>(names.Declared("arena"));
    const auto* record =
        existing ? existing->getType().getNonReferenceType()->getAsCXXRecordDecl() : nullptr;
    // The names of the other transport's arena in this function (at most one).
    std::set<std::string> given;
    for (const auto& [key, other] : arenas_) {
      if (key.first == &function) given.insert(other.name);
    }
    if (record != nullptr && record->getQualifiedNameAsString() == type &&
        InScopeAt(*existing, function, sm, use)) {
      arena.name = "arena";
    } else {
      // Free in the function, and apart from the other transport's arena declared in it.
      arena.name = names.Fresh("arena", "fidl");
      for (int n = 2; given.count(arena.name) > 0; ++n) {
        arena.name = names.Fresh("arena" + std::to_string(n), "fidl");
      }
      BodyStart start = StartOf(sm, *llvm::cast<clang::CompoundStmt>(function.getBody()));
      arena.insert_at = start.after_brace;
      arena.declaration = "\n" + start.indent + ArenaDeclaration(protocol, arena.name);
    }
    known = arenas_.emplace(std::make_pair(&function, type), std::move(arena)).first;
  }
  return known->second;
}

void CallSiteRewrite::DeclareArena(const void* group, const clang::SourceManager& sm,
                                   const Arena& arena) {
  if (arena.insert_at.isValid()) {
    context_->ReplaceIn(group, sm, clang::CharSourceRange::getCharRange(arena.insert_at,
                                                                        arena.insert_at),
                        arena.declaration);
  }
}

}  // namespace fdfkit::driver_migration
