// Identifiers that banjo and old FIDL accepted and modern FIDL does not: names that start with a
// digit (`2ghz`, and `@8BIT`, where `@` escaped what the lexer would read as a number). Modern
// FIDL output (the formatter, migrate-protocol's clones) spells the leading number as words, in
// the name's own case: `8BIT` → `EIGHT_BIT`, `20BIT_PACKED` → `TWENTY_BIT_PACKED`, `2ghz` →
// `two_ghz`, as Fuchsia itself renamed WLAN bands (`TWO_GHZ`).
#ifndef FDFKIT_MIGRATE_IDL_IDENTIFIERS_H_
#define FDFKIT_MIGRATE_IDL_IDENTIFIERS_H_

#include <string>
#include <string_view>

namespace fdfkit::idl {

// Whether `text` starts with a digit (and so is not a modern FIDL identifier).
bool StartsWithDigit(std::string_view text);

// `name` as a modern FIDL identifier; names that are already valid come back unchanged.
std::string FidlIdentifier(std::string_view name);

// FidlIdentifier of every dot-separated part of a compound name (`lib.Enum.8BIT`).
std::string FidlCompoundName(std::string_view name);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_IDENTIFIERS_H_
