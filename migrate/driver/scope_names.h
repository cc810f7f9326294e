// The names a rewrite must not introduce in a function, because the code there already declares
// or uses them: its locals and parameters, the names its body refers to, and the members of its
// class. A rewrite that needs a name of its own (an arena, a call's result, a reply's status, an
// out-parameter's value) takes the first free one.
#ifndef FDFKIT_MIGRATE_DRIVER_SCOPE_NAMES_H_
#define FDFKIT_MIGRATE_DRIVER_SCOPE_NAMES_H_

#include <clang/AST/Decl.h>

#include <map>
#include <set>
#include <string>

namespace fdfkit::driver_migration {

class ScopeNames {
 public:
  // `ignored`: declarations whose names go away with the rewrite (a server method's old
  // parameters), so they do not count.
  explicit ScopeNames(const clang::FunctionDecl& function,
                      const std::set<const clang::Decl*>& ignored = {});

  bool Taken(const std::string& name) const { return taken_.count(name) > 0; }
  // The local or parameter of the function called `name`, or null.
  const clang::NamedDecl* Declared(const std::string& name) const;
  // `base` if free, else `base_suffix`, `base_suffix2`, ...
  std::string Fresh(const std::string& base, const std::string& suffix) const;

 private:
  std::map<std::string, const clang::NamedDecl*> declared_;
  std::set<std::string> taken_;
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_SCOPE_NAMES_H_
