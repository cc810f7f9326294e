// Patterns across the members of one struct (or method payload) that banjo used where FIDL has a
// type of its own: an array with a count beside it, a handle with an offset and a size, an
// integer that smuggles a pointer, and doc comments that state rules the types do not.
#ifndef FDFKIT_MIGRATE_PROTOCOL_MEMBER_PATTERNS_H_
#define FDFKIT_MIGRATE_PROTOCOL_MEMBER_PATTERNS_H_

#include <optional>
#include <string>
#include <vector>

#include "migrate/idl/flat_ast.h"
#include "migrate/protocol/rules.h"

namespace fdfkit::protocol {

// `array<T, N> things_list` (or `things`) with an integer `things_count` beside it: one bounded
// `vector<T>:N things` in the clone.
struct ArrayCountPair {
  size_t array = 0;
  size_t count = 0;
  std::string vector_name;
};
std::vector<ArrayCountPair> FindArrayCountPairs(const std::vector<fdfkit::idl::flat::StructMember>& m,
                                                const Naming& naming);

// A handle followed by an offset and a size: a memory range that deserves a struct of its own.
struct HandleRange {
  size_t handle = 0, offset = 0, size = 0;
};
std::vector<HandleRange> FindHandleRanges(const std::vector<fdfkit::idl::flat::StructMember>& m,
                                          const Naming& naming);

// `has_x bool` beside `x`: optional semantics spelled by hand, which FIDL says with an optional
// table field or `box<T>`/`:optional`.
struct PresenceFlag {
  size_t flag = 0, value = 0;
};
std::vector<PresenceFlag> FindPresenceFlags(const std::vector<fdfkit::idl::flat::StructMember>& m);

// A 64-bit or pointer-sized integer that probably holds an address: named like a pointer, or
// beside a `<name>_count` (a C array passed as pointer + length).
struct SmuggledPointer {
  size_t member = 0;
  std::optional<size_t> count;
};
std::vector<SmuggledPointer> FindSmuggledPointers(
    const std::vector<fdfkit::idl::flat::StructMember>& m, const Naming& naming);

// The rules' comment hints found in a doc comment, in the order of `hints`.
std::vector<std::string> CommentHints(const std::string& doc, const std::vector<std::string>& hints);

// The doc text of an attribute list, or "".
std::string DocText(const fdfkit::idl::raw::AttributeList& attrs);

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_MEMBER_PATTERNS_H_
