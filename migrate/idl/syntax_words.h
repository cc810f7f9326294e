// The parser's vocabulary: which identifiers open a layout or modify one, which name a built-in
// type (in any dialect the front end reads), and how a string literal's escapes read.
#ifndef FDFKIT_MIGRATE_IDL_SYNTAX_WORDS_H_
#define FDFKIT_MIGRATE_IDL_SYNTAX_WORDS_H_

#include <string>
#include <string_view>

#include "migrate/idl/raw_ast.h"

namespace fdfkit::idl {

// struct, union (and old `xunion`), table, enum, bits.
bool IsLayoutKeyword(std::string_view word);
bool IsLayoutModifier(std::string_view word);
// Built-in type names, including the old syntax's and banjo's (`usize`, `voidptr`, `request`).
bool IsPrimitive(std::string_view word);
// The kind of a layout keyword (IsLayoutKeyword must hold).
raw::Layout::Kind LayoutKindOf(std::string_view keyword);
// The text of a quoted string literal, its escapes (\n, \r, \t, \x for any other x) resolved.
std::string Unescape(std::string_view quoted);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_SYNTAX_WORDS_H_
