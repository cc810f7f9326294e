#include "migrate/driver/client_type_rewrite.h"

#include <clang/AST/ParentMapContext.h>
#include <clang/Lex/Lexer.h>

#include "migrate/driver/client_declaration.h"
#include "migrate/driver/diagnostics.h"
#include "migrate/driver/protocol_struct_connection.h"
#include "migrate/driver/scope_names.h"
#include "migrate/driver/source_text.h"
#include "migrate/driver/wire_spelling.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

namespace {

// The first use of `decl` that is not the object of a call on it (`x.M()`, `x->M()`, `(*x).M()`)
// nor a connection the rewrite makes (`client`'s): passed on, copied, assigned — which an
// fdf::WireSyncClient would not compile with. Null if none.
const clang::Expr* OtherUse(const RewritableFiles& files, clang::ASTContext& context,
                            const ClientDeclaration& client) {
  const clang::DeclaratorDecl& decl = *client.decl;
  auto uses =
      MatchInRewritableFiles(files, context, expr(anyOf(declRefExpr(to(declaratorDecl(equalsNode(&decl)))),
                                          memberExpr(member(equalsNode(&decl)))))
                                   .bind("use"));
  for (const BoundNodes& bound : uses) {
    const auto* use = bound.getNodeAs<clang::Expr>("use");
    bool connects = false;
    for (const ClientDeclaration::Connection& c : client.connections) connects |= c.assigned == use;
    if (connects) continue;
    clang::DynTypedNode node = clang::DynTypedNode::create(*use);
    for (;;) {
      auto parents = context.getParents(node);
      if (parents.size() != 1) break;
      const auto* expr = parents[0].get<clang::Expr>();
      bool see_through = expr != nullptr &&
                         (llvm::isa<clang::ImplicitCastExpr, clang::ParenExpr>(expr) ||
                          (llvm::isa<clang::UnaryOperator>(expr) &&
                           llvm::cast<clang::UnaryOperator>(expr)->getOpcode() == clang::UO_Deref));
      if (!see_through) break;
      node = parents[0];
    }
    auto parents = context.getParents(node);
    const auto* member = parents.size() == 1 ? parents[0].get<clang::MemberExpr>() : nullptr;
    if (member != nullptr && llvm::isa<clang::CXXMethodDecl>(member->getMemberDecl())) continue;
    return use;
  }
  return nullptr;
}

// `DdkConnectRuntimeProtocol<Service::Member>(parent)`, or the fragment's (`...FidlProtocol` for a
// clone on Zircon channels).
std::string ConnectCall(const ClientDeclaration& client, const clang::SourceManager& sm,
                        const clang::LangOptions& lang, const clang::Expr& parent,
                        const clang::Expr* fragment) {
  std::string service = FidlNamespace(*client.library) + "::" + client.protocol->service_name +
                        "::" + ServiceMemberTag(client.protocol->service_member);
  std::string transport = OnChannel(*client.protocol) ? "Fidl" : "Runtime";
  return fragment != nullptr
             ? "DdkConnectFragment" + transport + "Protocol<" + service + ">(" +
                   Text(sm, lang, parent.getSourceRange()) + ", " +
                   Text(sm, lang, fragment->getSourceRange()) + ")"
             : "DdkConnect" + transport + "Protocol<" + service + ">(" +
                   Text(sm, lang, parent.getSourceRange()) + ")";
}

}  // namespace

void ClientTypeRewrite::Register(MatchFinder* finder) {
  finder->addMatcher(
      declaratorDecl(isExpansionInRewritableFile(&context_->files()), unless(isImplicit()), unless(isInstantiated()))
          .bind("decl"),
      this);
}

void ClientTypeRewrite::run(const MatchFinder::MatchResult& result) {
  const clang::SourceManager& sm = *result.SourceManager;
  const auto* decl = result.Nodes.getNodeAs<clang::DeclaratorDecl>("decl");
  std::optional<ClientDeclaration> client =
      FindClientDeclaration(context_->mappings(), context_->files(), *result.Context, *decl);
  if (!client) return;
  std::string name = decl->getNameAsString();
  if (!client->rewritable()) {
    context_->Leave(sm, decl->getLocation(), diag::kClientDeclarationLeft, name, client->why_not);
    return;
  }
  if (decl->getDeclContext()->isDependentContext()) {
    context_->Leave(sm, decl->getLocation(), diag::kInTemplate, "the banjo client " + name);
    return;
  }
  bool in_conditional = context_->InConditional(sm, decl->getLocation());
  for (const ClientDeclaration::Connection& c : client->connections) {
    in_conditional |= context_->InConditional(sm, c.range.getBegin());
  }
  if (in_conditional) {
    context_->Leave(sm, decl->getLocation(), diag::kInConditional, "the banjo client " + name);
    return;
  }
  // DFv1, connected where declared: the declaration statement (alone in a block) becomes an
  // unconnected client and the connection through the parent's service.
  const clang::DeclStmt* statement = nullptr;
  if (client->construction == ClientDeclaration::Construction::kParent ||
      client->construction == ClientDeclaration::Construction::kFragment) {
    auto parents = result.Context->getParents(*decl);
    if (parents.size() == 1) statement = parents[0].get<clang::DeclStmt>();
    bool in_block = false;
    if (statement != nullptr) {
      auto block = result.Context->getParents(*statement);
      in_block = block.size() == 1 && block[0].get<clang::CompoundStmt>() != nullptr;
    }
    if (statement == nullptr || !in_block || !statement->isSingleDecl() ||
        decl->getType().isConstQualified() || statement->getBeginLoc().isMacroID() ||
        statement->getEndLoc().isMacroID()) {
      // Not declared as a group: the calls on it stay banjo too.
      context_->Leave(sm, decl->getLocation(), diag::kClientDeclarationLeft, name,
                      "connects to its parent in a declaration the rewrite cannot split");
      return;
    }
  }
  context_->DeclareGroup(decl, decl->getLocation(), name);
  if (const clang::Expr* use = OtherUse(context_->files(), *result.Context, *client)) {
    context_->Block(decl,
                    "it is used at " + Where(sm, use->getBeginLoc()) + " other than to call it");
  }
  if (client->construction == ClientDeclaration::Construction::kProtocolStruct) {
    std::string why = ConnectThroughService(context_, *result.Context, *client);
    if (!why.empty()) context_->Block(decl, why);
  }
  bool async = CalledAsync(context_->files(), *result.Context, *decl, *client->protocol);
  std::string type = client->WireClientType(async);
  context_->ConsumedIn(decl, sm, clang::CharSourceRange::getTokenRange(client->type_range));
  const clang::LangOptions& lang = result.Context->getLangOpts();
  if (statement == nullptr) {
    context_->ReplaceIn(decl, sm, clang::CharSourceRange::getTokenRange(client->type_range), type);
    // A member connected where it is initialized or assigned: through the service, invalid
    // (as the banjo client was) if that fails — a client is bound only to a valid end.
    for (const ClientDeclaration::Connection& c : client->connections) {
      if (c.connect_result != nullptr) {
        // DFv2: the ConnectBanjo result is a ClientEnd once rewritten; the member binds it
        // (a client called @async on the dispatcher of the function connecting it: Start's).
        std::string end = "std::move(" + Text(sm, lang, c.result_value->getSourceRange()) + ")";
        std::string member = Text(sm, lang, c.assigned->getSourceRange());
        context_->Tie(decl, c.connect_result,
                      "the compat::ConnectBanjo result assigned to it stays banjo",
                      "the member it is assigned to stays banjo");
        context_->ConsumedIn(decl, sm, clang::CharSourceRange::getTokenRange(c.range));
        // A channel client binds on the async dispatcher behind it.
        std::string dispatcher =
            OnChannel(*client->protocol)
                ? "fdf_dispatcher_get_async_dispatcher(fdf_dispatcher_get_current_dispatcher())"
                : "fdf_dispatcher_get_current_dispatcher()";
        context_->ReplaceIn(decl, sm, clang::CharSourceRange::getTokenRange(c.range),
                            member + ".Bind(" + end + (async ? ", " + dispatcher + ")" : ")"));
        continue;
      }
      std::string connected = "[&]() -> " + type + " {\n" + "  zx::result end = " +
                              ConnectCall(*client, sm, lang, *c.parent, c.fragment) +
                              ";\n  if (end.is_error()) return {};\n  return " + type +
                              "(std::move(*end));\n}()";
      std::string indent = LineIndent(sm, c.range.getBegin());
      std::string text = c.assigned ? Text(sm, lang, c.assigned->getSourceRange()) + " = " +
                                          connected
                                    : name + "(" + connected + ")";
      // The lambda's lines at the statement's indentation.
      for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
        text.insert(at + 1, indent);
      }
      context_->ConsumedIn(decl, sm, clang::CharSourceRange::getTokenRange(c.range));
      context_->ReplaceIn(decl, sm, clang::CharSourceRange::getTokenRange(c.range), text);
    }
    return;
  }
  std::string indent = LineIndent(sm, statement->getBeginLoc());
  // The connection's result, named so that it hides nothing the parent expression reads.
  const auto* function = llvm::dyn_cast<clang::FunctionDecl>(decl->getDeclContext());
  std::string end = function ? ScopeNames(*function).Fresh("end", "client") : "end";
  std::string connect = ConnectCall(*client, sm, lang, *client->parent, client->fragment);
  context_->ReplaceIn(decl, sm, clang::CharSourceRange::getTokenRange(statement->getSourceRange()),
                      type + " " + name + ";\n" + indent + "if (zx::result " + end + " = " +
                          connect + "; " + end + ".is_ok()) {\n" + indent + "  " + name +
                          ".Bind(std::move(*" + end + "));\n" + indent + "}");
}

}  // namespace fdfkit::driver_migration
