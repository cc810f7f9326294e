#include "migrate/driver/dual_server_rewrite.h"

#include <clang/AST/DeclTemplate.h>
#include <clang/AST/TypeLoc.h>
#include <clang/Lex/Lexer.h>

#include "migrate/driver/diagnostics.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

void DualServerRewrite::Register(MatchFinder* finder) {
  finder->addMatcher(cxxRecordDecl(isDefinition(), unless(isTemplateInstantiation()))
                         .bind("server"),
                     this);
}

void DualServerRewrite::run(const MatchFinder::MatchResult& result) {
  const auto* server = result.Nodes.getNodeAs<clang::CXXRecordDecl>("server");
  const clang::SourceManager& sm = *result.SourceManager;
  if (server->isImplicit()) return;  // a class's injected name of itself
  if (!sm.isWrittenInMainFile(sm.getExpansionLoc(server->getLocation()))) return;
  for (const clang::CXXBaseSpecifier& base : server->bases()) {
    const auto* mixin = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
        base.getType()->getAsCXXRecordDecl());
    if (mixin == nullptr) continue;
    std::string mixin_name = mixin->getSpecializedTemplate()->getQualifiedNameAsString();
    const LibraryMapping* library = nullptr;
    const ProtocolMapping* protocol = nullptr;
    for (const LibraryMapping& candidate : context_->mappings().libraries()) {
      for (const ProtocolMapping& p : candidate.protocols) {
        if (p.cpp_mixin == mixin_name) {
          library = &candidate;
          protocol = &p;
        }
      }
    }
    if (protocol == nullptr) continue;
    std::string server_name = server->getNameAsString();
    clang::SourceRange range = base.getSourceRange();
    clang::SourceLocation type_begin = base.getTypeSourceInfo()->getTypeLoc().getBeginLoc();
    if (range.getBegin().isMacroID() || range.getEnd().isMacroID()) {
      context_->Leave(sm, type_begin, diag::kServerInMacro, server_name, mixin_name);
      continue;
    }
    if (context_->mode() == Mode::kReplace) {
      context_->Leave(sm, type_begin, diag::kServerReplaceNotYet, server_name,
                      mixin_name);
      continue;
    }
    const clang::TemplateArgumentList& arguments = mixin->getTemplateArgs();
    if (arguments.size() > 1 && arguments[1].getKind() == clang::TemplateArgument::Type) {
      const clang::CXXRecordDecl* base_mixin = arguments[1].getAsType()->getAsCXXRecordDecl();
      if (base_mixin && base_mixin->getQualifiedNameAsString() == "ddk::base_protocol") {
        context_->Leave(sm, type_begin, diag::kServerDfv1Base, server_name, mixin_name);
        continue;
      }
    }
    // D as written (`Pmic`), from the base's own template argument.
    auto specialization =
        base.getTypeSourceInfo()->getTypeLoc().getAs<clang::TemplateSpecializationTypeLoc>();
    if (!specialization) {
      if (auto elaborated = base.getTypeSourceInfo()->getTypeLoc().getAs<clang::ElaboratedTypeLoc>()) {
        specialization = elaborated.getNamedTypeLoc().getAs<clang::TemplateSpecializationTypeLoc>();
      }
    }
    if (!specialization || specialization.getNumArgs() == 0) continue;
    std::string derived = clang::Lexer::getSourceText(
                              clang::CharSourceRange::getTokenRange(
                                  specialization.getArgLoc(0).getSourceRange()),
                              sm, result.Context->getLangOpts())
                              .str();
    // Only the type: `public` / `virtual` stay as written.
    clang::SourceRange type_range = base.getTypeSourceInfo()->getTypeLoc().getSourceRange();
    context_->Replace(sm, clang::CharSourceRange::getTokenRange(type_range),
                      ShimsNamespace(*library) + "::" + protocol->banjo_protocol + "DualServer<" +
                          derived + ">");
    context_->Leave(sm, server->getLocation(), diag::kServerPublishService, server_name,
                    protocol->banjo_protocol);
  }
}

}  // namespace fdfkit::driver_migration
