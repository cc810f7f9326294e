// The names a server method's rewrite adds or changes (server_method_planner.h): locals it
// declares, free of every name the body uses and of each other, and the body's own locals that
// the FIDL signature's parameters would hide.
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include <algorithm>

#include "migrate/driver/server_method_planner.h"

namespace fdfkit::driver_migration::server_method {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

std::string MethodPlanner::NewName(const std::string& base, const std::string& suffix) const {
  std::string name = names_->Fresh(base, suffix);
  for (int i = 2; added_names_.count(name) > 0; ++i) {
    name = names_->Fresh(base + std::to_string(i), suffix);
  }
  added_names_.insert(name);
  return name;
}

std::string MethodPlanner::FreshLocal(const std::string& base, std::set<std::string>* taken) {
  std::string name = NewName(base, "local");
  for (int i = 2; taken->count(name) > 0; ++i) name = NewName(base + std::to_string(i), "local");
  taken->insert(name);
  return name;
}

bool MethodPlanner::RenameLocal(const std::string& name, std::vector<ServerEdit>* edits) {
  // Every local of that name in the body (a block may declare its own), with its uses.
  std::vector<const clang::VarDecl*> locals;
  for (const BoundNodes& bound :
       match(findAll(declStmt(forEach(varDecl(hasName(name)).bind("local")))),
             *definition_->getBody(), ast_)) {
    const auto* local = bound.getNodeAs<clang::VarDecl>("local");
    if (!local->isLocalVarDecl() || local->getLocation().isMacroID()) return false;
    locals.push_back(local);
  }
  const clang::NamedDecl* declared = names_->Declared(name);
  if (locals.empty() ||
      (declared != nullptr && std::find(locals.begin(), locals.end(), declared) == locals.end())) {
    return false;  // something else has the name (a member the body reads, a function)
  }
  std::string renamed = NewName("local_" + name, "local");
  std::vector<ServerEdit> renames;
  for (const clang::VarDecl* local : locals) {
    renames.push_back({clang::CharSourceRange::getTokenRange(local->getLocation()), renamed});
    for (const BoundNodes& bound :
         match(findAll(declRefExpr(to(varDecl(equalsNode(local)))).bind("use")),
               *definition_->getBody(), ast_)) {
      const auto* use = bound.getNodeAs<clang::DeclRefExpr>("use");
      if (use->getLocation().isMacroID()) return false;
      renames.push_back({clang::CharSourceRange::getTokenRange(use->getLocation()), renamed});
    }
    // A lambda naming it in its captures would need the capture renamed too: not done.
    for (const BoundNodes& bound :
         match(findAll(lambdaExpr().bind("lambda")), *definition_->getBody(), ast_)) {
      for (const clang::LambdaCapture& capture :
           bound.getNodeAs<clang::LambdaExpr>("lambda")->explicit_captures()) {
        if (capture.capturesVariable() && capture.getCapturedVar() == local) return false;
      }
    }
  }
  edits->insert(edits->end(), renames.begin(), renames.end());
  return true;
}

}  // namespace fdfkit::driver_migration::server_method
