// Resolved types and values spelled back as modern FIDL source for one clone: its own
// declarations by short name, others as `library.Name`, every name after the rules' renames, type
// rules applied (`usize` → `uint64` ...), and types copied from unmigrated libraries by their local
// names. The libraries a spelling refers to are collected so the clone imports exactly those.
#ifndef FDFKIT_MIGRATE_PROTOCOL_FIDL_SPELLING_H_
#define FDFKIT_MIGRATE_PROTOCOL_FIDL_SPELLING_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "migrate/idl/flat_ast.h"
#include "migrate/protocol/rules.h"

namespace fdfkit::protocol {

// Names after the rules' renames of libraries, protocols and types.
class CloneNames {
 public:
  explicit CloneNames(const Rules& rules) : rules_(rules) {}
  std::string Library(const std::string& library) const;
  std::string Decl(const fdfkit::idl::flat::Decl& decl) const;
  std::string Method(const fdfkit::idl::flat::Decl& protocol, const std::string& method) const;
  const Rules& rules() const { return rules_; }

 private:
  const Rules& rules_;
};

// Where a spelling is written, and what it collects.
struct SpellingScope {
  std::string library;  // the original name of the library being cloned
  const CloneNames* names = nullptr;
  const std::map<const fdfkit::idl::flat::Decl*, std::string>* copies = nullptr;  // local copies
  std::set<std::string>* usings = nullptr;        // libraries referenced (new names)
  std::vector<std::string>* applied = nullptr;    // keys of type rules applied
};

std::string TypeSpelling(const fdfkit::idl::flat::Type& type, const SpellingScope& scope);
std::string DeclReference(const fdfkit::idl::flat::Decl& decl, const SpellingScope& scope);
std::string ValueSpelling(const fdfkit::idl::flat::ConstantValue& value);
// A constant as it was written (`I2C_IMPL_MAX_RW_OPS`, `0x2`, `zx.Rights.READ | zx.Rights.MAP`),
// its names after the renames; the value's spelling when the source's is not known.
std::string ConstantSpelling(const fdfkit::idl::flat::ConstantExpr& expr, const SpellingScope& scope);
std::string ConstantSpelling(const std::optional<fdfkit::idl::flat::ConstantExpr>& expr,
                             const fdfkit::idl::flat::ConstantValue& value,
                             const SpellingScope& scope);
// The FIDL-quoted form of `text`.
std::string Quoted(const std::string& text);

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_FIDL_SPELLING_H_
