#include "migrate/driver/dual_server_rewrite.h"

#include <clang/AST/DeclTemplate.h>
#include <clang/AST/TypeLoc.h>
#include <clang/Lex/Lexer.h>

#include "migrate/driver/diagnostics.h"
#include "migrate/driver/driver_start.h"
#include "migrate/driver/source_text.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

void DualServerRewrite::Register(MatchFinder* finder) {
  finder->addMatcher(cxxRecordDecl(isDefinition(), unless(isTemplateInstantiation()))
                         .bind("server"),
                     this);
  // Whether the file publishes a driver-transport service for its dual servers.
  finder->addMatcher(
      expr(isExpansionInRewritableFile(&context_->files()),
           anyOf(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("AddDriverTransportService")))),
                 cxxDependentScopeMemberExpr(hasMemberName("AddDriverTransportService")),
                 unresolvedMemberExpr(hasAnyDeclaration(
                     namedDecl(hasName("AddDriverTransportService"))))))
          .bind("publishes"),
      this);
}

namespace {

// The class template a base names (`ddk::GpioImplProtocol` for `ddk::GpioImplProtocol<Gpio>`),
// dependent or not, or "".
std::string BaseTemplateName(const clang::CXXBaseSpecifier& base) {
  if (const auto* record = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
          base.getType()->getAsCXXRecordDecl())) {
    return record->getSpecializedTemplate()->getQualifiedNameAsString();
  }
  if (const auto* specialization = base.getType()->getAs<clang::TemplateSpecializationType>()) {
    if (const clang::TemplateDecl* decl = specialization->getTemplateName().getAsTemplateDecl()) {
      return decl->getQualifiedNameAsString();
    }
  }
  return "";
}

}  // namespace

DualServerRewrite::MappedBase DualServerRewrite::Mapped(const clang::CXXBaseSpecifier& base) const {
  MappedBase found;
  std::string name = BaseTemplateName(base);
  if (name.empty()) return found;
  for (const LibraryMapping& library : context_->mappings().libraries()) {
    for (const ProtocolMapping& protocol : library.protocols) {
      std::string dual = ShimsNamespace(library) + "::" + protocol.banjo_protocol + "DualServer";
      if (protocol.cpp_mixin == name || dual == name) {
        found = {&library, &protocol, dual == name};
      }
    }
  }
  return found;
}

int DualServerRewrite::MappedBases(const clang::CXXRecordDecl& server) const {
  int count = 0;
  for (const clang::CXXBaseSpecifier& base : server.bases()) {
    if (Mapped(base).protocol != nullptr) ++count;
  }
  return count;
}

void DualServerRewrite::QualifyPublications(clang::ASTContext& ast,
                                            const clang::CXXRecordDecl& server) {
  const clang::SourceManager& sm = ast.getSourceManager();
  for (const BoundNodes& bound : MatchInRewritableFiles(
           context_->files(), ast,
           cxxMemberCallExpr(callee(cxxMethodDecl(hasName("AddDriverTransportService"))))
               .bind("call"))) {
    const auto* call = bound.getNodeAs<clang::CXXMemberCallExpr>("call");
    const auto* member = llvm::dyn_cast<clang::MemberExpr>(call->getCallee()->IgnoreParens());
    const clang::Expr* object = call->getImplicitObjectArgument();
    const auto* owner = call->getMethodDecl()->getParent();
    if (member == nullptr || member->hasQualifier() || object == nullptr ||
        !llvm::isa<clang::CXXThisExpr>(object->IgnoreParenImpCasts()) ||
        !server.isDerivedFrom(owner) || member->getMemberLoc().isMacroID()) {
      continue;
    }
    clang::SourceLocation at = member->getMemberLoc();
    context_->Replace(sm, clang::CharSourceRange::getCharRange(at, at),
                      TypeName(ast.getLangOpts(), ast.getRecordType(owner)) + "::");
  }
}

void DualServerRewrite::run(const MatchFinder::MatchResult& result) {
  const clang::SourceManager& sm = *result.SourceManager;
  if (result.Nodes.getNodeAs<clang::Expr>("publishes")) {
    context_->Publishes();
    return;
  }
  const auto* server = result.Nodes.getNodeAs<clang::CXXRecordDecl>("server");
  if (server->isImplicit()) return;  // a class's injected name of itself
  if (!context_->files().Contains(sm, server->getLocation())) return;
  for (const clang::CXXBaseSpecifier& base : server->bases()) {
    auto [library, protocol, already_dual] = Mapped(base);
    if (protocol == nullptr) continue;
    std::string mixin_name = BaseTemplateName(base);
    if (already_dual && context_->mode() == Mode::kDual) {
      // Rewritten before (or by hand): the service must still be published.
      context_->NeedsPublishing(server->getLocation(), server->getNameAsString(),
                                protocol->banjo_protocol);
      continue;
    }
    const auto* mixin = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
        base.getType()->getAsCXXRecordDecl());
    std::string server_name = server->getNameAsString();
    clang::SourceRange range = base.getSourceRange();
    clang::SourceLocation type_begin = base.getTypeSourceInfo()->getTypeLoc().getBeginLoc();
    if (range.getBegin().isMacroID() || range.getEnd().isMacroID()) {
      context_->Leave(sm, type_begin, diag::kServerInMacro, server_name, mixin_name);
      continue;
    }
    if (mixin == nullptr || server->isTemplated()) {
      context_->Leave(sm, type_begin, diag::kInTemplate, server_name);
      continue;
    }
    if (context_->InConditional(sm, type_begin)) {
      context_->Leave(sm, type_begin, diag::kInConditional, server_name);
      continue;
    }
    if (context_->mode() == Mode::kReplace) {
      wire_server_.Rewrite(result, *server, base, *library, *protocol, already_dual);
      continue;
    }
    const clang::TemplateArgumentList& arguments = mixin->getTemplateArgs();
    if (arguments.size() > 1 && arguments[1].getKind() == clang::TemplateArgument::Type) {
      const clang::CXXRecordDecl* base_mixin = arguments[1].getAsType()->getAsCXXRecordDecl();
      std::string base_name = base_mixin ? base_mixin->getQualifiedNameAsString() : "";
      if (base_name == "ddk::base_protocol") {
        context_->Leave(sm, type_begin, diag::kServerDfv1Base, server_name, mixin_name);
        continue;
      }
      if (base_name != "ddk::internal::base_mixin") {
        context_->Leave(sm, type_begin, diag::kUnexpectedMixinBase, server_name, mixin_name,
                        base_name.empty() ? arguments[1].getAsType().getAsString() : base_name);
        continue;
      }
    }
    if (!context_->HasShims(library->fidl_library)) {
      context_->Leave(sm, type_begin, diag::kNeedsShimsHeader, server_name,
                      library->banjo_library);
      continue;
    }
    // D as written (`Pmic`), from the base's own template argument.
    auto specialization =
        base.getTypeSourceInfo()->getTypeLoc().getAs<clang::TemplateSpecializationTypeLoc>();
    if (!specialization) {
      if (auto elaborated =
              base.getTypeSourceInfo()->getTypeLoc().getAs<clang::ElaboratedTypeLoc>()) {
        specialization = elaborated.getNamedTypeLoc().getAs<clang::TemplateSpecializationTypeLoc>();
      }
    }
    if (!specialization || specialization.getNumArgs() == 0) continue;
    std::string derived = Text(sm, result.Context->getLangOpts(),
                               specialization.getArgLoc(0).getSourceRange());
    // Only the type: `public` / `virtual` stay as written.
    clang::SourceRange type_range = base.getTypeSourceInfo()->getTypeLoc().getSourceRange();
    std::string dual_server =
        ShimsNamespace(*library) + "::" + protocol->banjo_protocol + "DualServer<" + derived + ">";
    context_->Replace(sm, clang::CharSourceRange::getTokenRange(type_range), dual_server);
    // A DFv2 driver publishes the driver-transport side where it starts (named through its base
    // when it serves more than one protocol); any other server, by hand.
    bool several = MappedBases(*server) > 1;
    if (several) QualifyPublications(*result.Context, *server);
    if (const clang::CompoundStmt* start = DriverStartBody(*context_, sm, *server)) {
      PublishFirstInStart(context_, sm, *start,
                          (several ? dual_server + "::" : std::string()) +
                              "AddDriverTransportService(*outgoing(), driver_dispatcher()->get())");
    } else {
      context_->NeedsPublishing(server->getLocation(), server_name, protocol->banjo_protocol);
    }
  }
}

}  // namespace fdfkit::driver_migration
