// C++ spellings of FIDL names, as fidlgen_cpp chooses them: library namespaces, kCamelCase
// constants and members, reserved-word escaping, and the C++ type of every wire type.
#ifndef FDFKIT_GENERATORS_CPP_CPP_NAMES_H_
#define FDFKIT_GENERATORS_CPP_CPP_NAMES_H_

#include <string>
#include <string_view>

#include "generators/library_view.h"

namespace fdfkit::generators::cpp {

// `fuchsia.hardware.gpio` → `fuchsia_hardware_gpio`.
std::string LibraryNamespace(std::string_view library);
// `::fuchsia_hardware_gpio`.
std::string QualifiedNamespace(std::string_view library);
// `MAX_LEN`, `max_len`, `MaxLen` → `kMaxLen`.
std::string ConstantName(std::string_view name);
// Appends `_` to names C++ or the bindings reserve.
std::string Escape(std::string name);
// `::lib::wire::Name` for a type declaration, `::lib::Name` for a protocol.
std::string DeclName(const flat::Decl& decl);
// The coding table of a declaration: `::lib::internal::kCodingName`.
std::string CodingName(const flat::Decl& decl);
// The C++ type of a wire value of `type`. `driver` picks fdf:: endpoints for driver protocols.
std::string WireTypeName(const flat::Type& type);
std::string PrimitiveTypeName(flat::PrimitiveKind kind);
// The wire bits of an integer member of a `size`-byte enum or bits (two's complement, zero-extended).
uint64_t RawBits(__int128 value, uint32_t size);
// Whether a protocol uses the driver transport (@transport("Driver")).
bool IsDriverProtocol(const flat::Decl& protocol);
// A C and C++ string literal of `text` (quotes, backslashes and non-printable bytes escaped).
std::string QuotedString(const std::string& text);
// Identifier-safe spelling of a library for file guards: `FIDL_FUCHSIA_HARDWARE_GPIO`.
std::string GuardName(std::string_view library, std::string_view suffix);

}  // namespace fdfkit::generators::cpp

#endif  // FDFKIT_GENERATORS_CPP_CPP_NAMES_H_
