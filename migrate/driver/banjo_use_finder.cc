#include "migrate/driver/banjo_use_finder.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

void BanjoUseFinder::Register(MatchFinder* finder) {
  finder->addMatcher(typeLoc(isExpansionInRewritableFile(&context_->files())).bind("type"), this);
  finder->addMatcher(declRefExpr(isExpansionInRewritableFile(&context_->files())).bind("reference"), this);
  finder->addMatcher(memberExpr(isExpansionInRewritableFile(&context_->files())).bind("member"), this);
}

void BanjoUseFinder::run(const MatchFinder::MatchResult& result) {
  const clang::Decl* used = nullptr;
  clang::SourceLocation at;
  if (const auto* type = result.Nodes.getNodeAs<clang::TypeLoc>("type")) {
    at = type->getBeginLoc();
    const clang::Type* t = type->getTypePtr();
    if (const auto* tag = t->getAsTagDecl()) used = tag;
    if (const auto* typedef_type = t->getAs<clang::TypedefType>()) used = typedef_type->getDecl();
    if (const auto* specialization = t->getAs<clang::TemplateSpecializationType>()) {
      used = specialization->getTemplateName().getAsTemplateDecl();
    }
  } else if (const auto* reference = result.Nodes.getNodeAs<clang::DeclRefExpr>("reference")) {
    used = reference->getDecl();
    at = reference->getBeginLoc();
  } else if (const auto* member = result.Nodes.getNodeAs<clang::MemberExpr>("member")) {
    used = member->getMemberDecl();
    at = member->getMemberLoc();
  }
  if (used == nullptr || at.isInvalid()) return;
  const clang::SourceManager& sm = *result.SourceManager;
  clang::SourceLocation declared = sm.getExpansionLoc(used->getLocation());
  if (declared.isInvalid()) return;
  const clang::FileEntry* file = sm.getFileEntryForID(sm.getFileID(declared));
  if (file == nullptr) return;
  if (const LibraryMapping* library = context_->mappings().ForBanjoHeaderPath(file->getName())) {
    context_->UsesBanjo(*library, at);
  }
}

}  // namespace fdfkit::driver_migration
