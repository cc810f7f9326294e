#include "migrate/driver/protocol_struct_connection.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>

#include "migrate/driver/enclosing_node.h"
#include "migrate/driver/scope_names.h"
#include "migrate/driver/source_text.h"
#include "migrate/driver/wire_spelling.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

std::string ConnectThroughService(RewriteContext* context, clang::ASTContext& ast,
                                  const ClientDeclaration& client) {
  const clang::SourceManager& sm = ast.getSourceManager();
  const clang::LangOptions& lang = ast.getLangOpts();
  const clang::VarDecl& proto = *client.protocol_struct;
  std::string name = proto.getNameAsString();
  const auto* function = llvm::dyn_cast<clang::FunctionDecl>(proto.getDeclContext());
  if (function == nullptr || function->getBody() == nullptr) {
    return name + " is not declared in a function body";
  }
  // Its only uses: filled by one device_get_protocol, read by this client.
  const clang::CallExpr* fill = nullptr;
  for (const BoundNodes& bound :
       match(findAll(declRefExpr(to(varDecl(equalsNode(&proto)))).bind("use")),
             *function->getBody(), ast)) {
    const auto* use = bound.getNodeAs<clang::DeclRefExpr>("use");
    const auto* address =
        EnclosingNode(ast, clang::DynTypedNode::create(*use)).node.get<clang::UnaryOperator>();
    if (address != nullptr && address == client.protocol_struct_use) continue;
    const auto* call =
        address != nullptr && address->getOpcode() == clang::UO_AddrOf
            ? EnclosingNode(ast, clang::DynTypedNode::create(*address)).node.get<clang::CallExpr>()
            : nullptr;
    const auto* callee = call ? call->getDirectCallee() : nullptr;
    if (fill == nullptr && callee != nullptr && IsNamed(*callee, "device_get_protocol") &&
        call->getNumArgs() == 3 && call->getArg(2)->IgnoreParenImpCasts() == address) {
      fill = call;
      continue;
    }
    return name + " is used at " + Where(sm, use->getBeginLoc()) +
           " other than to be filled by device_get_protocol and build the client";
  }
  if (fill == nullptr) return "no device_get_protocol in its function fills " + name;
  if (fill->getBeginLoc().isMacroID() || fill->getEndLoc().isMacroID() ||
      context->InConditional(sm, fill->getBeginLoc())) {
    return "the device_get_protocol at " + Where(sm, fill->getBeginLoc()) +
           " is written through a macro or inside #if";
  }
  std::string id = Text(sm, lang, fill->getArg(1)->getSourceRange());
  if (id != client.protocol->protocol_id) {
    return "the device_get_protocol at " + Where(sm, fill->getBeginLoc()) + " asks for " + id +
           ", not " + client.protocol->protocol_id;
  }
  clang::SourceRange type = proto.getTypeSourceInfo()->getTypeLoc().getSourceRange();
  if (type.getBegin().isMacroID() || type.getEnd().isMacroID() ||
      !context->files().Contains(sm, type.getBegin())) {
    return name + " has a type written through a macro";
  }
  // `= {}` or nothing: a client end has no fields to initialize.
  if (const clang::Expr* init = proto.getInit()) {
    const clang::Expr* bare = init->IgnoreImplicit();
    const auto* list = llvm::dyn_cast<clang::InitListExpr>(bare);
    const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(bare);
    if (!(list != nullptr && list->getNumInits() == 0) &&
        !(construct != nullptr && construct->getNumArgs() == 0)) {
      return name + " is initialized (at " + Where(sm, init->getBeginLoc()) +
             "), which a client end cannot be";
    }
  }
  std::string ns = FidlNamespace(*client.library);
  std::string service = ns + "::" + client.protocol->service_name +
                        "::" + ServiceMemberTag(client.protocol->service_member);
  std::string end = ScopeNames(*function).Fresh("end", "client");
  std::string indent = LineIndent(sm, fill->getBeginLoc());
  std::string parent = Text(sm, lang, fill->getArg(0)->getSourceRange());
  const void* group = client.decl;
  // DFv1's connection to a parent's service on either transport.
  std::string connect =
      OnChannel(*client.protocol) ? "DdkConnectFidlProtocol" : "DdkConnectRuntimeProtocol";
  context->ReplaceIn(group, sm, clang::CharSourceRange::getTokenRange(type),
                     BindingsNamespace(*client.protocol) + "::ClientEnd<" + ns + "::" +
                         client.protocol->fidl_protocol + ">");
  context->ConsumedIn(group, sm, clang::CharSourceRange::getTokenRange(type));
  context->ReplaceIn(group, sm, clang::CharSourceRange::getTokenRange(fill->getSourceRange()),
                     "[&]() -> zx_status_t {\n" + indent + "    zx::result " + end +
                         " = " + connect + "<" + service + ">(" + parent + ");\n" +
                         indent + "    if (" + end + ".is_error()) return " + end +
                         ".status_value();\n" + indent + "    " + name + " = std::move(*" + end +
                         ");\n" + indent + "    return ZX_OK;\n" + indent + "  }()");
  context->ReplaceIn(
      group, sm,
      clang::CharSourceRange::getTokenRange(client.protocol_struct_use->getSourceRange()),
      "std::move(" + name + ")");
  return "";
}

}  // namespace fdfkit::driver_migration
