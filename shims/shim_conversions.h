// How a banjo C value and its driver-transport FIDL counterpart turn into each other, as C++
// expressions and statements the shims emit. A pair of types converts when their shapes agree
// (scalars to scalars, enums and bits by value, handles, strings, vectors and arrays of
// convertible elements, structs whose every field converts by name, tables — a plain C struct of
// every field in banjo — likewise); anything else is reported as unsupported with the reason,
// and the shim leaves that method out.
#ifndef FDFKIT_SHIMS_SHIM_CONVERSIONS_H_
#define FDFKIT_SHIMS_SHIM_CONVERSIONS_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "generators/banjo/banjo_signatures.h"

namespace fdfkit::shims {

namespace flat = fdfkit::idl::flat;
using generators::banjo::Param;

// Who owns the handles inside a value being converted. Banjo moves a handle passed as a
// parameter (and everything a call hands back), but only lends the handles inside the structs an
// in-parameter points to: the caller keeps them.
enum class Handles {
  kTransfer,   // they move with the value
  kLent,       // an in-parameter: handles inside its structs are lent
  kLentField,  // a field inside a lent struct: its own handles are lent too
};

class Conversions {
 public:
  // `banjo`: where the constants a union's selection rule names are looked up.
  explicit Conversions(const generators::LibraryView* banjo = nullptr) : banjo_(banjo) {}

  // Why `banjo` (a parameter or field) cannot be converted to or from `fidl`, or nullopt.
  std::optional<std::string> Check(const Param& banjo, const flat::Type& fidl);
  // Whether KeepOwnHandles can put every handle of a checked banjo `type` back: none sits in an
  // array, vector, box or nullable struct.
  bool RestoresOwnHandles(const flat::Type& type) const;

  // C → wire: an expression of the wire type of `fidl` from the banjo value `p` given as one
  // expression per C declarator of its field form (`c` = {"x"} for a scalar, handle, string or
  // box pointer, the struct lvalue for an aggregate, {list, count} for a vector, the array).
  // May allocate on `arena` (an fdf::Arena lvalue in scope).
  // `handles`: lent handles are duplicated into the message, so the caller keeps its own.
  std::string ToWire(const Param& p, const flat::Type& fidl, const std::vector<std::string>& c,
                     Handles handles = Handles::kTransfer) const;
  // wire → C: statements storing the wire lvalue `from` into the banjo lvalues `to` (one per C
  // declarator of the field form, as above). Pointers it stores may point into `arena` or into
  // the message; handles are moved out of `from`.
  // `copy`: copy vector contents onto `arena` instead of pointing into the message (what a
  // banjo caller keeps after the call needs; a banjo server called during the request does not).
  std::string ToBanjo(const Param& p, const flat::Type& fidl, const std::string& from,
                      const std::vector<std::string>& to, const std::string& indent,
                      bool copy = true) const;

  // Statements closing the handles lent inside the banjo in-parameter `p` (its field-form
  // lvalues `c`) once the call it was lent to returned: ToBanjo moved them out of the message, and
  // banjo's callee only borrowed them. Empty when `p` lends none.
  std::string CloseLent(const Param& p, const std::vector<std::string>& c,
                        const std::string& indent) const;
  // Statements closing the handles banjo moves with `p` (a handle, a vector of handles): for a
  // call that never reaches its callee. Empty when `p` moves none.
  static std::string CloseMoved(const Param& p, const std::vector<std::string>& c,
                                const std::string& indent);

  // `inline ::lib::wire::Foo ToWire(fdf::Arena&, const foo_t&)` and `inline void
  // ToBanjo(::lib::wire::Foo&, foo_t*, fdf::Arena&)` for every struct and table pair used so far,
  // in dependency order; for those holding handles also `LendToWire` (duplicates them) and
  // `CloseHandles(const foo_t&)`.
  std::string StructConverters() const;

 private:
  // A struct or table pair (of the same kind), field by field.
  std::optional<std::string> CheckAggregate(const flat::Decl& banjo, const flat::Decl& fidl);
  // Its fields as struct members (a table's reserved ordinals left out).
  std::vector<const flat::StructMember*> FieldsOf(const flat::Decl& decl);
  std::optional<std::string> CheckElement(const flat::Type& banjo, const flat::Type& fidl);
  std::string ElementToWire(const flat::Type& banjo, const flat::Type& fidl,
                            const std::string& from, Handles handles) const;
  // Whether a value of this type holds a handle (in a field, element or box, at any depth).
  bool HasHandles(const flat::Type& type) const;
  bool HasHandles(const flat::Type& type, std::set<const flat::Decl*>* visiting) const;
  // `CloseHandles(x);`-style statements for one element or field of `type` at lvalue `c`.
  std::string CloseElement(const flat::Type& type, const std::string& c) const;
  std::string ElementToBanjo(const flat::Type& banjo, const flat::Type& fidl,
                             const std::string& from, const std::string& to) const;

  // `array<T, N> things_list` + `things_count` in banjo, one `vector<T>:N things` in the clone
  // (migrate-protocol's array + count pattern, with its default naming).
  struct ArrayCount {
    const flat::StructMember* array;
    const flat::StructMember* count;
    const flat::StructMember* vector;
  };
  // How a banjo union (untagged in C) says which member is set, from fdfkit's attributes on it:
  // `@selected_by("command")` names the integer every member starts with (the member itself,
  // or its first field), `@selected_when("A, B")` on a member lists the values (numbers or
  // constants, masked by `@selected_by(field=..., mask=...)`) that select it; a member without
  // one is selected by every other value.
  struct UnionRule {
    std::string selector;     // the leading field's C type
    std::string mask;         // a C expression, empty for none
    std::vector<std::vector<uint64_t>> values;  // per member, in banjo order
    int fallback = -1;        // the member without values
  };
  struct AggregatePair {
    const flat::Decl* banjo;
    const flat::Decl* fidl;
    std::vector<const flat::StructMember*> banjo_fields, fidl_fields;
    std::vector<ArrayCount> array_counts;
    std::optional<UnionRule> rule;  // a union's
  };
  std::string ArrayCountToWire(const ArrayCount& pair, Handles handles) const;
  bool HoldsHandles(const AggregatePair& pair) const;
  static const flat::StructMember* FidlFieldNamed(const AggregatePair& pair,
                                                  const std::string& name);
  static bool Paired(const AggregatePair& pair, const flat::StructMember* member);
  std::string ToWireConverter(const AggregatePair& pair, Handles handles) const;
  std::string ToBanjoConverter(const AggregatePair& pair) const;
  std::string CloseHandles(const AggregatePair& pair) const;
  std::string KeepOwnHandles(const AggregatePair& pair) const;
  std::string ArrayCountToBanjo(const ArrayCount& pair) const;
  // Unions (shim_union_conversions.cc): the rule, and the converters written from it.
  std::optional<std::string> CheckUnion(const flat::Decl& banjo, AggregatePair* pair);
  std::optional<uint64_t> ConstantValue(const std::string& text) const;
  std::string UnionConverters(const AggregatePair& pair) const;
  std::string UnionToWire(const AggregatePair& pair, Handles handles) const;
  const generators::LibraryView* banjo_;
  std::vector<AggregatePair> aggregates_;  // in the order converters must be written
  std::map<const flat::Decl*, std::optional<std::string>> checked_;
  std::map<const flat::Decl*, std::vector<std::unique_ptr<flat::StructMember>>> table_fields_;
};

// A primitive, enum or bits value: what converts with a cast.
bool IsScalar(const flat::Type& type);
// The wire C++ type of a FIDL type (`::fuchsia_hardware_gpioimpl::wire::Pin`).
std::string WireType(const flat::Type& fidl);

}  // namespace fdfkit::shims

#endif  // FDFKIT_SHIMS_SHIM_CONVERSIONS_H_
