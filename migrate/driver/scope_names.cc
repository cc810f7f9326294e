#include "migrate/driver/scope_names.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>

namespace fdfkit::driver_migration {
namespace {

class Collector : public clang::RecursiveASTVisitor<Collector> {
 public:
  Collector(std::map<std::string, const clang::NamedDecl*>* declared, std::set<std::string>* taken,
            const std::set<const clang::Decl*>& ignored)
      : declared_(declared), taken_(taken), ignored_(ignored) {}

  bool VisitNamedDecl(clang::NamedDecl* decl) {
    if (ignored_.count(decl) || !decl->getIdentifier()) return true;
    declared_->emplace(decl->getName().str(), decl);
    taken_->insert(decl->getName().str());
    return true;
  }
  bool VisitDeclRefExpr(clang::DeclRefExpr* reference) {
    if (!ignored_.count(reference->getDecl()) && reference->getDecl()->getIdentifier()) {
      taken_->insert(reference->getDecl()->getName().str());
    }
    return true;
  }
  bool VisitMemberExpr(clang::MemberExpr* member) {
    if (member->getMemberDecl()->getIdentifier()) {
      taken_->insert(member->getMemberDecl()->getName().str());
    }
    return true;
  }

 private:
  std::map<std::string, const clang::NamedDecl*>* declared_;
  std::set<std::string>* taken_;
  const std::set<const clang::Decl*>& ignored_;
};

}  // namespace

ScopeNames::ScopeNames(const clang::FunctionDecl& function,
                       const std::set<const clang::Decl*>& ignored) {
  Collector collector(&declared_, &taken_, ignored);
  for (const clang::ParmVarDecl* parameter : function.parameters()) {
    collector.VisitNamedDecl(const_cast<clang::ParmVarDecl*>(parameter));
  }
  if (function.getBody() != nullptr) collector.TraverseStmt(function.getBody());
  // The members of its class (and of the classes around a lambda's): a local of the same name
  // would hide them.
  for (const clang::DeclContext* context = function.getParent(); context != nullptr;
       context = context->getParent()) {
    const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(context);
    if (record == nullptr || !record->hasDefinition()) continue;
    for (const clang::Decl* member : record->decls()) {
      const auto* named = llvm::dyn_cast<clang::NamedDecl>(member);
      if (named != nullptr && named->getIdentifier()) taken_.insert(named->getName().str());
    }
  }
}

const clang::NamedDecl* ScopeNames::Declared(const std::string& name) const {
  auto found = declared_.find(name);
  return found == declared_.end() ? nullptr : found->second;
}

std::string ScopeNames::Fresh(const std::string& base, const std::string& suffix) const {
  if (!Taken(base)) return base;
  std::string candidate = base + "_" + suffix;
  for (int n = 2; Taken(candidate); ++n) candidate = base + "_" + suffix + std::to_string(n);
  return candidate;
}

}  // namespace fdfkit::driver_migration
