// Resolver: the raw files of one library → flat::Library. Registers every declaration, then
// resolves names, types, constraints and constants, synthesizes payload and result declarations,
// and validates (duplicates, ordinals, ranges, modifiers). Dependencies must already be resolved.
// The implementation is split by concern: resolver.cc (declarations and validation),
// resolve_types.cc (type constructors and constraints), resolve_constants.cc (values).
#ifndef FDFKIT_MIGRATE_IDL_RESOLVER_H_
#define FDFKIT_MIGRATE_IDL_RESOLVER_H_

#include <map>
#include <set>
#include <unordered_map>
#include <string>
#include <vector>

#include "migrate/idl/diagnostics.h"
#include "migrate/idl/flat_ast.h"
#include "migrate/idl/raw_ast.h"

namespace fdfkit::idl {

// Libraries already resolved, by name.
using LibraryMap = std::map<std::string, const flat::Library*>;

class Resolver {
 public:
  Resolver(flat::Library* library, std::vector<const raw::File*> files, const LibraryMap& known,
           Reporter* reporter);
  void Run();

 private:
  // What a file may refer to: its library, and each import by full name and by alias.
  struct Scope {
    const raw::File* file = nullptr;
    std::map<std::string, const flat::Library*> imports;
  };
  enum class State { kRegistered, kResolving, kDone };
  struct Source {  // where a declaration came from
    const raw::Decl* decl = nullptr;     // top-level declarations
    const raw::Layout* layout = nullptr;  // layouts (named or inline)
    const Scope* scope = nullptr;
    State state = State::kRegistered;
  };
  // A name's meaning: a declaration, or a member of an enum or bits.
  struct Target {
    const flat::Decl* decl = nullptr;
    const flat::ValueMember* member = nullptr;
  };

  // resolver.cc
  void BuildScopes();
  flat::Decl* Register(std::unique_ptr<flat::Decl> decl, Source source);
  void RegisterTopLevel(const raw::Decl& decl, const Scope* scope);
  void Resolve(flat::Decl* decl);
  void ResolveLayout(flat::Decl* decl, const raw::Layout& layout, const Scope* scope);
  void ResolveStruct(flat::Struct* decl, const raw::Layout& layout, const Scope* scope);
  void ResolveEnvelopes(flat::Decl* decl, std::vector<flat::EnvelopeMember>* out,
                        const raw::Layout& layout, const Scope* scope);
  void ResolveEnum(flat::Enum* decl, const raw::Layout& layout, const Scope* scope);
  void ResolveProtocol(flat::Protocol* decl, const raw::Decl& raw, const Scope* scope);
  void ResolveMethod(flat::Protocol* protocol, flat::Method* method, const raw::Method& raw,
                     const Scope* scope);
  std::optional<flat::Type> ResolvePayload(const raw::TypeConstructor& type, const std::string& name,
                                           const Scope* scope);
  flat::Type SynthesizeResult(flat::Protocol* protocol, flat::Method* method,
                              std::optional<flat::Type> payload, llvm::SMLoc loc);
  void ResolveService(flat::Service* decl, const raw::Decl& raw, const Scope* scope);
  void InferResources();
  void CheckDuplicateMembers(const std::vector<const flat::Member*>& members, const flat::Decl& owner);
  // Names that modern FIDL output spells differently (a leading digit in words, an enum alias as
  // a library constant) must not land on a name the scope already has.
  struct ScopedName {
    std::string_view owner;  // the enclosing declaration ("" for a library-level name)
    std::string_view name;   // as the input wrote it
    bool alias_constant;     // an enum alias, which modern output declares as a library constant
    llvm::SMLoc loc;
    std::string modern = {};  // its modern spelling when it differs from `name`
    bool Changed() const { return alias_constant || !modern.empty(); }
    std::string_view Written() const { return modern.empty() ? name : std::string_view(modern); }
    std::string What() const;  // "'Mode.8BIT'", "enum alias 'Mode.DEFAULT' (a constant)"
  };
  static ScopedName Scoped(std::string_view owner, std::string_view name, llvm::SMLoc loc,
                           bool alias_constant = false);
  void CheckModernSpellings(const std::vector<ScopedName>& names);
  void CheckLibraryModernSpellings();

  // resolve_types.cc
  flat::Type ResolveType(const raw::TypeConstructor& t, const Scope* scope,
                         const std::string& inline_name);
  bool ApplyConstraints(flat::Type* type, const std::vector<raw::Constant>& constraints,
                        const Scope* scope, llvm::SMLoc loc);
  bool ApplyHandleConstraint(flat::Type* type, const raw::Constant& c, const Scope* scope);
  std::optional<uint32_t> ResolveSize(const raw::Constant& c, const Scope* scope);
  const flat::Protocol* ResolveProtocolName(const raw::Constant& c, const Scope* scope);

  // resolve_constants.cc
  std::optional<Target> Lookup(const std::string& name, llvm::SMLoc loc, const Scope* scope);
  std::optional<flat::ConstantValue> ResolveConstant(const raw::Constant& c, const flat::Type& type,
                                                     const Scope* scope);
  std::optional<flat::ConstantValue> ResolveLiteral(const raw::Constant& c,
                                                    const flat::Type& type);
  bool CheckInRange(const flat::ConstantValue& value, const flat::Type& type, llvm::SMLoc loc);
  // How `c` was written, its names resolved; call after ResolveConstant accepted it.
  flat::ConstantExpr ExpressionOf(const raw::Constant& c, const Scope* scope);

  flat::Library* library_;
  std::vector<const raw::File*> files_;
  const LibraryMap& known_;
  Reporter* reporter_;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::unordered_map<const flat::Decl*, Source> sources_;
  int depth_ = 0;  // nested Resolve calls
  bool nesting_reported_ = false;
};

// An empty declaration of the layout's kind.
std::unique_ptr<flat::Decl> NewLayoutDecl(raw::Layout::Kind kind);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_RESOLVER_H_
