#include "migrate/driver/connect_banjo_rewrite.h"

#include <clang/AST/DeclTemplate.h>
#include <clang/Lex/Lexer.h>

#include "migrate/driver/client_declaration.h"
#include "migrate/driver/connect_result.h"
#include "migrate/driver/diagnostics.h"
#include "migrate/driver/source_text.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

namespace {

// The variable `call` initializes, through the implicit nodes in between (cleanups, temporaries),
// or null.
const clang::VarDecl* InitializedVariable(clang::ASTContext& context, const clang::Expr& call) {
  clang::DynTypedNode node = clang::DynTypedNode::create(call);
  for (;;) {
    auto parents = context.getParents(node);
    if (parents.size() != 1) return nullptr;
    node = parents[0];
    if (const auto* variable = node.get<clang::VarDecl>()) {
      return variable->getInit() && variable->getInit()->IgnoreImplicit() == &call ? variable
                                                                                   : nullptr;
    }
    const auto* expr = node.get<clang::Expr>();
    if (expr == nullptr || expr->IgnoreImplicit() != &call) return nullptr;
  }
}

}  // namespace

void ConnectBanjoRewrite::Register(MatchFinder* finder) {
  finder->addMatcher(
      callExpr(callee(functionDecl(hasName("::compat::ConnectBanjo")).bind("function")),
               unless(isInTemplateInstantiation()),
               optionally(forFunction(functionDecl().bind("enclosing"))))
          .bind("call"),
      this);
  // In a template, with arguments that depend on it: the callee is not even resolved.
  finder->addMatcher(
      callExpr(callee(unresolvedLookupExpr(
                   hasAnyDeclaration(namedDecl(hasName("::compat::ConnectBanjo"))))))
          .bind("dependent"),
      this);
}

void ConnectBanjoRewrite::run(const MatchFinder::MatchResult& result) {
  const clang::SourceManager& sm = *result.SourceManager;
  if (const auto* dependent = result.Nodes.getNodeAs<clang::CallExpr>("dependent")) {
    if (context_->files().Contains(sm, dependent->getBeginLoc())) {
      context_->Leave(sm, dependent->getBeginLoc(), diag::kInTemplate, "compat::ConnectBanjo");
    }
    return;
  }
  const auto* call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  const auto* function = result.Nodes.getNodeAs<clang::FunctionDecl>("function");
  if (!context_->files().Contains(sm, call->getBeginLoc())) return;
  const clang::TemplateArgumentList* arguments = function->getTemplateSpecializationArgs();
  if (arguments == nullptr || arguments->size() == 0 ||
      arguments->get(0).getKind() != clang::TemplateArgument::Type) {
    return;
  }
  const auto* client = arguments->get(0).getAsType()->getAsCXXRecordDecl();
  if (client == nullptr) return;
  const LibraryMapping* library = nullptr;
  const ProtocolMapping* protocol =
      context_->mappings().ForClientClass(client->getQualifiedNameAsString(), &library);
  if (protocol == nullptr) return;
  std::string client_name = client->getQualifiedNameAsString();
  std::string what = "compat::ConnectBanjo<" + client_name + ">";
  clang::SourceRange callee = call->getCallee()->getSourceRange();
  if (call->getBeginLoc().isMacroID() || callee.getBegin().isMacroID() ||
      callee.getEnd().isMacroID()) {
    context_->Leave(sm, call->getBeginLoc(), diag::kConnectInMacro, client_name);
    return;
  }
  const auto* enclosing = result.Nodes.getNodeAs<clang::FunctionDecl>("enclosing");
  if (enclosing != nullptr && enclosing->isTemplated()) {
    context_->Leave(sm, call->getBeginLoc(), diag::kInTemplate, what);
    return;
  }
  if (context_->InConditional(sm, call->getBeginLoc())) {
    context_->Leave(sm, call->getBeginLoc(), diag::kInConditional, what);
    return;
  }
  if (context_->mode() == Mode::kReplace) {
    Replace(result, *call, *library, *protocol, client_name);
    return;
  }
  if (!context_->HasShims(library->fidl_library)) {
    context_->Leave(sm, call->getBeginLoc(), diag::kNeedsShimsHeader, what,
                    library->banjo_library);
    return;
  }
  const clang::VarDecl* variable = InitializedVariable(*result.Context, *call);
  bool deduced = variable != nullptr && variable->getTypeSourceInfo() != nullptr &&
                 variable->getTypeSourceInfo()->getType()->getContainedDeducedType() != nullptr;
  if (!deduced) {
    context_->Leave(sm, call->getBeginLoc(), diag::kConnectResultSpelledOut, client_name);
    return;
  }
  // The dual client owns the driver-transport side of what it hands out: a copy kept past the
  // result would call through freed memory. A member of the client's own type becomes a dual
  // client and takes the result by move; anything else outliving it is left.
  std::vector<ClientCopy> copies;
  if (enclosing != nullptr) {
    copies = ClientCopies(*result.Context, context_->mappings(), *variable, *enclosing);
  }
  for (const ClientCopy& copy : copies) {
    std::string target = copy.target;
    if (copy.field != nullptr && !context_->files().Contains(sm, copy.field->getLocation())) {
      target = "member '" + copy.field->getNameAsString() +
               "', declared in a file not being rewritten";
    } else if (copy.field != nullptr) {
      clang::SourceRange type = copy.field->getTypeSourceInfo()->getTypeLoc().getSourceRange();
      if (type.getBegin().isMacroID() || type.getEnd().isMacroID()) {
        target = "member '" + copy.field->getNameAsString() + "', its type written through a macro";
      } else if (std::string why = WhyMemberStays(*result.Context, *copy.field); !why.empty()) {
        target = "member '" + copy.field->getNameAsString() + "', which " + why;
      }
    }
    if (!target.empty()) {
      context_->Leave(sm, call->getBeginLoc(), diag::kDualClientOutlived, client_name,
                      Where(sm, copy.use->getBeginLoc()), target);
      return;
    }
  }
  std::string dual = ShimsNamespace(*library) + "::" + protocol->banjo_protocol + "DualClient";
  const clang::LangOptions& lang = result.Context->getLangOpts();
  for (const ClientCopy& copy : copies) {
    if (dual_members_.insert(copy.field).second) {
      context_->Replace(sm,
                        clang::CharSourceRange::getTokenRange(
                            copy.field->getTypeSourceInfo()->getTypeLoc().getSourceRange()),
                        dual);
    }
    if (!copy.moved) {
      context_->Replace(sm, clang::CharSourceRange::getTokenRange(copy.use->getSourceRange()),
                        "std::move(" + Text(sm, lang, copy.use->getSourceRange()) + ")");
    }
  }
  // `compat::ConnectBanjo<ddk::FooProtocolClient>` → the dual client's Connect; the arguments
  // (the incoming namespace, an instance name) are the same.
  context_->Replace(sm, clang::CharSourceRange::getTokenRange(callee),
                    ShimsNamespace(*library) + "::" + protocol->banjo_protocol +
                        "DualClient::Connect");
}

void ConnectBanjoRewrite::Replace(const MatchFinder::MatchResult& result,
                                  const clang::CallExpr& call, const LibraryMapping& library,
                                  const ProtocolMapping& protocol, const std::string& client) {
  const clang::SourceManager& sm = *result.SourceManager;
  const clang::VarDecl* variable = InitializedVariable(*result.Context, call);
  const auto* enclosing = result.Nodes.getNodeAs<clang::FunctionDecl>("enclosing");
  std::string why = variable == nullptr || enclosing == nullptr
                        ? "its result is not a variable of a function"
                        : WhyConnectStays(*result.Context, context_->mappings(), *variable,
                                          *enclosing, library, protocol);
  if (!why.empty() || call.getNumArgs() == 0) {
    context_->Leave(sm, call.getBeginLoc(), diag::kConnectLeft, client, why);
    return;
  }
  const clang::LangOptions& lang = result.Context->getLangOpts();
  auto text = [&](const clang::Expr* expr) { return Text(sm, lang, expr->getSourceRange()); };
  std::string instance;
  if (call.getNumArgs() > 1 && !llvm::isa<clang::CXXDefaultArgExpr>(call.getArg(1))) {
    instance = text(call.getArg(1));
  }
  context_->DeclareGroup(variable, call.getBeginLoc(), variable->getNameAsString());
  // A member it is moved into binds the end instead: the two stand or fall together, whichever
  // is seen first (a member never rewritten, declared elsewhere or given other clients, keeps
  // the result banjo).
  for (const clang::FieldDecl* field :
       MembersAssignedFrom(*result.Context, context_->mappings(), *variable, *enclosing)) {
    context_->Tie(variable, field, "the member it is assigned to stays banjo",
                  "the compat::ConnectBanjo result assigned to it stays banjo");
  }
  context_->ReplaceIn(variable, sm, clang::CharSourceRange::getTokenRange(call.getSourceRange()),
                    text(call.getArg(0)) + "->Connect<" + FidlNamespace(library) + "::" +
                        protocol.service_name + "::" + ServiceMemberTag(protocol.service_member) +
                        ">(" + instance + ")");
  context_->ConsumedIn(variable, sm,
                       clang::CharSourceRange::getTokenRange(call.getCallee()->getSourceRange()));
}

std::string ConnectBanjoRewrite::WhyMemberStays(clang::ASTContext& ast,
                                                const clang::FieldDecl& field) const {
  std::optional<ClientDeclaration> member =
      FindClientDeclaration(context_->mappings(), context_->files(), ast, field);
  if (!member) return "is not a banjo client's type";
  if (member->construction != ClientDeclaration::Construction::kNone) {
    return "is initialized from something else";
  }
  for (const ClientDeclaration::Connection& c : member->connections) {
    const clang::VarDecl* result = c.connect_result;
    if (result == nullptr) return "is also connected to its parent device (DFv1)";
    bool deduced = result->getTypeSourceInfo() != nullptr &&
                   result->getTypeSourceInfo()->getType()->getContainedDeducedType() != nullptr;
    const clang::CallExpr* call = ConnectBanjoInitializer(*result);
    if (!deduced || call == nullptr || call->getBeginLoc().isMacroID()) {
      return "is also assigned from a compat::ConnectBanjo result that stays banjo ('" +
             result->getNameAsString() + "')";
    }
  }
  // Assigned anything else (another banjo client, a copy): FindMemberConnections says so.
  if (!member->why_not.empty() &&
      member->why_not.find("from something other than its parent device") != std::string::npos) {
    return member->why_not;
  }
  return "";
}

}  // namespace fdfkit::driver_migration
