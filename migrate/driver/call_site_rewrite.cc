#include "migrate/driver/call_site_rewrite.h"

#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/Lex/Lexer.h>

#include <optional>

#include "migrate/driver/client_declaration.h"
#include "migrate/driver/connect_result.h"
#include "migrate/driver/diagnostics.h"
#include "migrate/driver/enclosing_node.h"
#include "migrate/driver/scope_names.h"
#include "migrate/driver/source_text.h"
#include "migrate/driver/value_kind.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language
namespace {

// Whether the value of `call` is thrown away: it is a statement of its own, or cast to void.
bool ResultUnused(clang::ASTContext& context, const clang::Expr& call) {
  Enclosing enclosing = EnclosingNode(context, clang::DynTypedNode::create(call));
  if (const auto* cast = enclosing.node.get<clang::ExplicitCastExpr>()) {
    return cast->getType()->isVoidType();
  }
  const auto* self = enclosing.child.get<clang::Stmt>();
  if (enclosing.node.get<clang::CompoundStmt>() != nullptr) return true;
  if (const auto* if_stmt = enclosing.node.get<clang::IfStmt>()) {
    return if_stmt->getThen() == self || if_stmt->getElse() == self;
  }
  return false;
}

// A call that could not be rewritten: which parameter, and why.
struct Refusal {
  std::string parameter, type, why;
};

// What one banjo call becomes.
struct CallPlan {
  std::vector<std::string> request;      // the FIDL call's arguments
  std::vector<std::string> checks;       // statements before the assignments (may return)
  std::vector<std::string> assignments;  // out-parameters written from the response
  bool returns_status = false;           // the banjo call returned a zx_status_t
  std::string value_field;               // or the value of this response field
  std::optional<Refusal> refusal;
};

class CallPlanner {
 public:
  CallPlanner(const RewriteContext& context, const clang::SourceManager& sm,
              clang::ASTContext& ast, const clang::CXXMemberCallExpr& call,
              const clang::CXXMethodDecl& method, const MethodMapping& mapped,
              const LibraryMapping& library, const ProtocolMapping& protocol,
              const std::string& result_name)
      : context_(context), sm_(sm), ast_(ast), call_(call), method_(method), mapped_(mapped),
        library_(library), protocol_(protocol),
        field_prefix_(result_name + (mapped.error_syntax ? "->value()->" : "->")) {}

  CallPlan Plan() {
    CallPlan plan;
    for (const ParameterMapping& parameter : mapped_.parameters) {
      Parameter(parameter, &plan);
      if (plan.refusal) break;
    }
    if (!plan.refusal && !plan.value_field.empty() &&
        (!plan.assignments.empty() || !plan.checks.empty())) {
      Refuse(&plan, plan.value_field, call_.getType(),
             "is returned beside out-parameters, which the rewrite does not unpack together");
    }
    return plan;
  }

 private:
  // The argument passed for the banjo C++ parameter called `name`, or null.
  const clang::Expr* ArgumentFor(const std::string& name, clang::QualType* type) const {
    for (unsigned i = 0; i < method_.getNumParams() && i < call_.getNumArgs(); ++i) {
      if (IsNamed(*method_.getParamDecl(i), name)) {
        *type = method_.getParamDecl(i)->getType();
        return call_.getArg(i);
      }
    }
    return nullptr;
  }
  std::string Text(const clang::Expr& expr) const {
    return driver_migration::Text(sm_, ast_.getLangOpts(), expr.getSourceRange());
  }
  std::string TypeName(clang::QualType type) const {
    return driver_migration::TypeName(ast_.getLangOpts(), type);
  }
  // Where an out-parameter's value goes: `x` for `&x`, `*p` for `p`; nullopt for nullptr.
  std::optional<std::string> Target(const clang::Expr& argument, CallPlan* plan,
                                    const std::string& name, clang::QualType type) {
    const clang::Expr* bare = argument.IgnoreParenImpCasts();
    if (bare->isNullPointerConstant(ast_, clang::Expr::NPC_ValueDependentIsNotNull)) {
      return std::nullopt;
    }
    if (bare->HasSideEffects(ast_)) {
      Refuse(plan, name, type,
             "is an expression with side effects, which would run after the call");
      return std::nullopt;
    }
    if (const auto* address = llvm::dyn_cast<clang::UnaryOperator>(bare);
        address != nullptr && address->getOpcode() == clang::UO_AddrOf) {
      return Text(*address->getSubExpr());
    }
    if (llvm::isa<clang::DeclRefExpr, clang::MemberExpr>(bare)) return "*" + Text(*bare);
    return "*(" + Text(*bare) + ")";
  }
  void Refuse(CallPlan* plan, const std::string& parameter, clang::QualType type,
              std::string why) {
    if (!plan->refusal) plan->refusal = Refusal{parameter, TypeName(type), std::move(why)};
  }

  void Parameter(const ParameterMapping& parameter, CallPlan* plan) {
    const std::string& becomes = parameter.becomes;
    const std::string& field = parameter.field;
    const std::string& banjo = parameter.banjo;
    if (becomes == "error") {
      plan->returns_status = true;
      return;
    }
    if (parameter.returned()) {
      if (KindOf(context_.mappings(), sm_, call_.getType(), nullptr) != ValueKind::kPlain) {
        Refuse(plan, banjo, call_.getType(), "is returned as a type the clone names differently");
        return;
      }
      plan->value_field = field;
      return;
    }
    std::vector<std::pair<const clang::Expr*, clang::QualType>> arguments;
    for (const std::string& name : parameter.c) {
      clang::QualType type;
      const clang::Expr* argument = ArgumentFor(name, &type);
      if (argument == nullptr) {
        Refuse(plan, banjo, {}, "is not a parameter of " + method_.getQualifiedNameAsString() +
                                    " as the header declares it (the mapping names '" + name +
                                    "')");
        return;
      }
      arguments.emplace_back(argument, type);
    }
    if (parameter.direction == "in" && becomes == "request") {
      In(banjo, field, arguments, plan);
    } else if (parameter.direction == "out" && becomes == "response") {
      Out(banjo, field_prefix_ + field, arguments, plan);
    } else {
      Refuse(plan, banjo, arguments.empty() ? clang::QualType() : arguments[0].second,
             "becomes '" + becomes + "' in the clone, which a call site cannot express");
    }
  }

  void In(const std::string& banjo, const std::string& field,
          const std::vector<std::pair<const clang::Expr*, clang::QualType>>& arguments,
          CallPlan* plan) {
    if (arguments.size() == 1) {
      auto [argument, type] = arguments[0];
      if (type->isPointerType() && type->getPointeeType()->isCharType()) {
        plan->request.push_back("fidl::StringView::FromExternal(" + Text(*argument) + ")");
        return;
      }
      switch (KindOf(context_.mappings(), sm_, type, nullptr)) {
        case ValueKind::kPlain:
        case ValueKind::kZxObject:  // taken by value in banjo too: moved by the caller already
          plan->request.push_back(Text(*argument));
          return;
        case ValueKind::kBanjoInteger:
          // The clone's enum or bits, named by what the request field is.
          plan->request.push_back(mapped_.WireFieldCast(FidlNamespace(library_),
                                                        protocol_.fidl_protocol, "Request", field) +
                                  "(" + Text(*argument) + ")");
          return;
        case ValueKind::kRawHandle:
          Refuse(plan, banjo, type, "is a raw handle, which the FIDL call takes as an owning zx:: "
                                    "object of its own type");
          return;
        case ValueKind::kOther:
          Refuse(plan, banjo, type, "is a struct, whose FIDL wire type is built differently");
          return;
      }
    }
    if (arguments.size() == 2 && arguments[0].second->isPointerType()) {
      clang::QualType element = arguments[0].second->getPointeeType().getUnqualifiedType();
      if (KindOf(context_.mappings(), sm_, element, nullptr) != ValueKind::kPlain) {
        Refuse(plan, banjo, arguments[0].second,
               "is a list of elements whose FIDL wire type is built differently");
        return;
      }
      std::string name = TypeName(element);
      plan->request.push_back("fidl::VectorView<" + name + ">::FromExternal(const_cast<" + name +
                              "*>(" + Text(*arguments[0].first) + "), " +
                              Text(*arguments[1].first) + ")");
      return;
    }
    Refuse(plan, banjo, arguments.empty() ? clang::QualType() : arguments[0].second,
           "has a shape the rewrite does not know");
  }

  // `field` is how the response field is read: result->value()->x, or result->x.
  void Out(const std::string& banjo, const std::string& field,
           const std::vector<std::pair<const clang::Expr*, clang::QualType>>& arguments,
           CallPlan* plan) {
    if (arguments.empty()) {
      Refuse(plan, banjo, {}, "was written in place by the callee, which FIDL cannot do");
      return;
    }
    auto [argument, type] = arguments[0];
    if (!type->isPointerType()) {
      Refuse(plan, banjo, type, "is not a pointer to write through");
      return;
    }
    clang::QualType pointee = type->getPointeeType();
    if (arguments.size() == 3) {  // (buffer, capacity, &actual)
      if (!plan->returns_status) {
        Refuse(plan, banjo, type, "is an out-buffer of a call that returns no status to report "
                                  "a short buffer with");
        return;
      }
      if (KindOf(context_.mappings(), sm_, pointee, nullptr) != ValueKind::kPlain) {
        Refuse(plan, banjo, type, "is an out-buffer of elements whose FIDL wire type differs");
        return;
      }
      if (argument->HasSideEffects(ast_) || arguments[1].first->HasSideEffects(ast_)) {
        Refuse(plan, banjo, type, "is an expression with side effects, which would run after "
                                  "the call");
        return;
      }
      plan->checks.push_back("if (" + field + ".count() > " + Text(*arguments[1].first) +
                             ") return ZX_ERR_BUFFER_TOO_SMALL;");
      plan->assignments.push_back("std::copy(" + field + ".begin(), " + field + ".end(), " +
                                  Text(*argument) + ");");
      if (std::optional<std::string> actual =
              Target(*arguments[2].first, plan, banjo, arguments[2].second)) {
        plan->assignments.push_back(*actual + " = " + field + ".count();");
      }
      return;
    }
    std::optional<std::string> target = Target(*argument, plan, banjo, type);
    if (!target) return;
    const clang::TypedefNameDecl* banjo_typedef = nullptr;
    switch (KindOf(context_.mappings(), sm_, pointee, &banjo_typedef)) {
      case ValueKind::kPlain:
        plan->assignments.push_back(*target + " = " + field + ";");
        return;
      case ValueKind::kBanjoInteger:
        // The integer the banjo typedef stands for: the file needs no banjo name for it.
        plan->assignments.push_back(*target + " = static_cast<" +
                                    TypeName(banjo_typedef->getUnderlyingType()) + ">(" + field +
                                    ");");
        return;
      case ValueKind::kZxObject:
        plan->assignments.push_back(*target + " = std::move(" + field + ");");
        return;
      case ValueKind::kRawHandle:
        plan->assignments.push_back(*target + " = " + field + ".release();");
        return;
      case ValueKind::kOther:
        Refuse(plan, banjo, type, "is a struct, whose FIDL wire type must be copied out by hand");
        return;
    }
  }

  const RewriteContext& context_;
  const clang::SourceManager& sm_;
  clang::ASTContext& ast_;
  const clang::CXXMemberCallExpr& call_;
  const clang::CXXMethodDecl& method_;
  const MethodMapping& mapped_;
  const LibraryMapping& library_;
  const ProtocolMapping& protocol_;
  std::string field_prefix_;
};

// The text that replaces the banjo call. `indent` is its statement's line indentation; `result`
// names the FIDL call's result in the lambda.
std::string CallText(const CallPlan& plan, const std::string& fidl_call, bool error_syntax,
                     bool unused, const std::string& result, const std::string& indent) {
  bool plain = plan.checks.empty() && plan.assignments.empty();
  if (plan.returns_status && plain && unused) return fidl_call;
  if (!plan.returns_status && plain) {
    // A value read out of the response (a transport error asserts, as Fuchsia's bindings do); a
    // call of a void method used as a value (`return f();`) is cast to void, as it was.
    if (!plan.value_field.empty()) return fidl_call + "->" + plan.value_field;
    return unused ? fidl_call : "(void)" + fidl_call;
  }
  std::string body = indent + "    ";
  std::string out = plan.returns_status ? "[&]() -> zx_status_t {\n" : "[&] {\n";
  std::string on_failure = plan.returns_status ? "return " + result + ".status();" : "return;";
  out += body + "auto " + result + " = " + fidl_call + ";\n";
  out += body + "if (!" + result + ".ok()) " + on_failure + "\n";
  if (error_syntax) {
    out += body + "if (" + result + "->is_error()) " +
           (plan.returns_status ? "return " + result + "->error_value();" : on_failure) + "\n";
  }
  for (const std::string& line : plan.checks) out += body + line + "\n";
  for (const std::string& line : plan.assignments) out += body + line + "\n";
  if (plan.returns_status) out += body + "return ZX_OK;\n";
  return out + indent + "  }()";
}

// Whether `function` is a method of a class serving a mapped banjo protocol through its mixin
// (`ddk::FooProtocol<D>`), whose methods the server rewrite rewrites.
bool InBanjoServerMethod(const MappingIndex& mappings, const clang::FunctionDecl& function) {
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(&function);
  if (method == nullptr) return false;
  for (const clang::CXXBaseSpecifier& base : method->getParent()->bases()) {
    const auto* mixin = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
        base.getType()->getAsCXXRecordDecl());
    if (mixin == nullptr) continue;
    std::string name = mixin->getSpecializedTemplate()->getQualifiedNameAsString();
    for (const LibraryMapping& library : mappings.libraries()) {
      for (const ProtocolMapping& protocol : library.protocols) {
        if (protocol.cpp_mixin == name) return true;
      }
    }
  }
  return false;
}

// Why the client a call is made on stays banjo ("" if it does not): the declaration the
// client-type rewrite turns into an fdf::WireSyncClient, or what a ConnectBanjo result holds,
// which becomes an fdf::ClientEnd called through fdf::WireCall.
std::string WhyClientStays(clang::ASTContext& ast, const MappingIndex& mappings,
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
      declared ? FindClientDeclaration(mappings, ast.getSourceManager(), *declared)
               : std::nullopt;
  if (!declaration) {
    return "is not a variable, member or parameter declared with the banjo client's type";
  }
  return declaration->why_not;
}

}  // namespace

void CallSiteRewrite::Register(MatchFinder* finder) {
  finder->addMatcher(cxxMemberCallExpr(isExpansionInMainFile(), unless(isInTemplateInstantiation()),
                                       optionally(forFunction(functionDecl().bind("function"))))
                         .bind("call"),
                     this);
  // In a template, a call with arguments that depend on it is no CXXMemberCallExpr yet.
  finder->addMatcher(
      expr(anyOf(memberExpr(), unresolvedMemberExpr()), isExpansionInMainFile(),
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
    context_->Block(client, "the call at " + Where(sm, at) + " is not rewritten");
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
                            : WhyClientStays(*result.Context, context_->mappings(), receiver,
                                             connect_result, function, *library, *protocol);
  if (group != nullptr) why_stays_.emplace(group, why_not);
  auto block = [&] {
    if (group != nullptr && why_not.empty()) {
      context_->Block(group, "the call at " + Where(sm, at) + " is not rewritten");
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
  if (mapped->async) {
    context_->Leave(sm, at, diag::kAsyncCallNotYet, client, name, fidl_method);
    return block();
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
  if (InBanjoServerMethod(context_->mappings(), *function)) {
    // The server rewrite edits this method too (its parameters, its returns): the two sets of
    // edits would overlap.
    context_->Leave(sm, at, diag::kCallInServerMethod, client, name);
    return block();
  }
  auto names = scopes_.find(function);
  if (names == scopes_.end()) {
    names = scopes_.emplace(function, std::make_unique<ScopeNames>(*function)).first;
  }
  std::string result_name = names->second->Fresh("result", "fidl");
  CallPlan plan = CallPlanner(*context_, sm, *result.Context, *call, *method, *mapped, *library,
                              *protocol, result_name)
                      .Plan();
  if (plan.refusal) {
    context_->Leave(sm, at, diag::kCallParameterNeedsHuman, client, name, plan.refusal->parameter,
                    plan.refusal->type.empty() ? "?" : plan.refusal->type, plan.refusal->why);
    return block();
  }
  std::string tag = protocol->fidl_protocol.substr(0, 4);
  for (char& c : tag) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string arena = EnsureArena(group, sm, *function, *names->second, tag);
  const auto* callee = llvm::dyn_cast<clang::MemberExpr>(call->getCallee()->IgnoreParens());
  bool arrow = callee != nullptr && callee->isArrow();
  if (connect_result != nullptr) {
    client = "fdf::WireCall(*" + connect_result->getNameAsString() + ")";
    arrow = false;
  }
  std::string fidl_call =
      client + (arrow ? "->" : ".") + "buffer(" + arena + ")->" + fidl_method + "(";
  for (size_t i = 0; i < plan.request.size(); ++i) {
    fidl_call += (i ? ", " : "") + plan.request[i];
  }
  fidl_call += ")";
  std::string text = CallText(plan, fidl_call, mapped->error_syntax,
                              ResultUnused(*result.Context, *call), result_name,
                              LineIndent(sm, call->getBeginLoc()));
  context_->ReplaceIn(group, sm, clang::CharSourceRange::getTokenRange(call->getSourceRange()),
                      text);
  context_->ConsumedIn(group, sm,
                       clang::CharSourceRange::getTokenRange(call->getCallee()->getSourceRange()));
}

std::string CallSiteRewrite::EnsureArena(const void* group, const clang::SourceManager& sm,
                                         const clang::FunctionDecl& function,
                                         const ScopeNames& names, const std::string& tag) {
  auto known = arenas_.find(&function);
  if (known == arenas_.end()) {
    Arena arena;
    // An fdf::Arena called `arena` already in scope (a parameter, a local) is reused.
    const auto* existing = llvm::dyn_cast_or_null<clang::ValueDecl>(names.Declared("arena"));
    const auto* record =
        existing ? existing->getType().getNonReferenceType()->getAsCXXRecordDecl() : nullptr;
    if (record != nullptr && record->getQualifiedNameAsString() == "fdf::Arena") {
      arena.name = "arena";
    } else {
      arena.name = names.Fresh("arena", "fidl");
      BodyStart start = StartOf(sm, *llvm::cast<clang::CompoundStmt>(function.getBody()));
      arena.insert_at = start.after_brace;
      arena.declaration = "\n" + start.indent + "fdf::Arena " + arena.name + "('" + tag + "');";
    }
    known = arenas_.emplace(&function, std::move(arena)).first;
  }
  const Arena& arena = known->second;
  if (arena.insert_at.isValid()) {
    context_->ReplaceIn(group, sm, clang::CharSourceRange::getCharRange(arena.insert_at,
                                                                        arena.insert_at),
                        arena.declaration);
  }
  return arena.name;
}

}  // namespace fdfkit::driver_migration
