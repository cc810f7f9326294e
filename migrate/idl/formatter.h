// Formatter: raw::File → canonical modern FIDL (the D5 style): `type X = struct {...}`,
// `closed protocol`, `strict` methods, capitalised `zx` names, `@attribute` syntax, doc comments
// as `///`. Legacy constructs come out in their modern spelling: `S?` of a struct → `box<S>`, a
// bare protocol used as a value → `client_end:P`, banjo parameter lists → inline structs,
// ordinal-less banjo unions → numbered members, an implied banjo transport → `@transport("Banjo")`,
// old FIDL's `bytes` → `vector<uint8>`, older handle subtypes (`MSI_ALLOCATION`) → today's (`MSI`),
// names that start with a digit → words (identifiers.h), enum members that repeat a value →
// constants. It is lossless: every comment comes back, above the node it was attached to (or
// after it on its line), and constants keep their spelling (names, hex, `|` expressions).
#ifndef FDFKIT_MIGRATE_IDL_FORMATTER_H_
#define FDFKIT_MIGRATE_IDL_FORMATTER_H_

#include <map>
#include <set>
#include <string>

#include "migrate/idl/flat_ast.h"
#include "migrate/idl/raw_ast.h"

namespace fdfkit::idl {

// What a name declared in the file's library is: "struct", "union", "table", "enum", "bits",
// "protocol", "alias", "const", "service". Lets the formatter spell optional structs and protocol
// references the modern way; names it does not know are printed as written.
using NameKinds = std::map<std::string, std::string>;

// The kinds of every declaration of `file`.
void CollectNameKinds(const raw::File& file, NameKinds* kinds);

// What only resolution knows: layouts to print with `resource` although the source did not say it
// (banjo and old FIDL never did), and enum members that repeat a value (name → the member whose
// value it repeats).
using LayoutSet = std::set<const raw::Layout*>;
struct FormatHints {
  LayoutSet add_resource;
  std::map<const raw::Layout*, std::map<std::string, std::string>> enum_aliases;
  void Merge(FormatHints other);
};
FormatHints HintsFrom(const flat::Library& library);

std::string Format(const raw::File& file, const NameKinds& kinds, const FormatHints& hints = {});

// Comment lines at an indentation, as the formatter writes them ("" is a blank line; blank lines
// at the start, and at the end of `closing` lines before a `}`, are dropped). For tools that
// write FIDL text that carries comments (migrate-protocol's clones).
std::string CommentLines(const std::vector<std::string>& lines, const std::string& indent,
                         bool closing = false);
// `text` (lines ending in '\n') with `trailing` after its last line.
std::string WithTrailing(std::string text, const std::string& trailing);

// `zx.status` → `zx.Status`, `zx.handle` → `zx.Handle`; other names unchanged.
std::string CanonicalZxName(const std::string& name);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_FORMATTER_H_
