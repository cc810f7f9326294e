// How a banjo value crosses into (or out of) a FIDL message, by its C++ type: the call-site and
// server rewrites convert each kind its own way.
#ifndef FDFKIT_MIGRATE_DRIVER_VALUE_KIND_H_
#define FDFKIT_MIGRATE_DRIVER_VALUE_KIND_H_

#include <clang/AST/Decl.h>
#include <clang/AST/Type.h>
#include <clang/Basic/SourceManager.h>

#include <string>
#include <vector>

#include "migrate/driver/mapping_index.h"

namespace fdfkit::driver_migration {

enum class ValueKind {
  kPlain,         // a number or bool: the same C++ type on both sides
  kBanjoInteger,  // a banjo enum or bits: a C typedef of an integer; FIDL has a type of its own
  kZxObject,      // zx::vmo, zx::interrupt...: moved
  kRawHandle,     // zx_handle_t: FIDL holds an owning zx:: object
  kPlainStruct,   // a banjo struct of numbers, bools, banjo enums and bits, arrays of numbers
                  // and bools, and such structs: the wire struct has the same fields
  kPlainArray,    // a C array of numbers or bools (a struct's field): a fidl::Array on the wire
  kOther,         // a struct of more, a union, a string: built differently on the two sides
};

// The kind of `type`; for a banjo enum or bits, `banjo_typedef` (if given) is its typedef.
ValueKind KindOf(const MappingIndex& mappings, const clang::SourceManager& sm,
                 clang::QualType type, const clang::TypedefNameDecl** banjo_typedef);

// `value` (a FIDL enum or bits) as the integer the banjo typedef stands for, so that the file
// needs no banjo name for it: `static_cast<uint32_t>(value)`.
std::string AsBanjoInteger(const clang::LangOptions& lang, const clang::TypedefNameDecl& banjo,
                           const std::string& value);

// `fidl::VectorView<element>::FromExternal(...)` over a banjo list's pointer and count (the
// pointer's const cast away: the view does not write through it).
std::string ExternalVectorView(const std::string& element, const std::string& data,
                               const std::string& count);

// The fields of a kPlainStruct `type`, in order (they cross one by one: the wire struct has the
// same names; numbers and bools the same C++ types).
struct PlainField {
  std::string name;
  clang::QualType type;
  ValueKind kind = ValueKind::kPlain;  // kPlain, kBanjoInteger, kPlainArray or kPlainStruct
  const clang::TypedefNameDecl* banjo_typedef = nullptr;  // kBanjoInteger
};
std::vector<PlainField> PlainStructFields(const MappingIndex& mappings,
                                          const clang::SourceManager& sm, clang::QualType type);

// Statements copying the wire struct `from` (an expression) into the banjo kPlainStruct `to` (an
// lvalue of `type`), field by field: `to.a = from.a;`, banjo enums as their integers.
std::vector<std::string> CopyPlainStructOut(const MappingIndex& mappings,
                                            const clang::SourceManager& sm,
                                            const clang::LangOptions& lang, clang::QualType type,
                                            const std::string& to, const std::string& from);
// The wire struct `wire` (a type) built from the fields of a banjo kPlainStruct of `type`, read
// through `from` (`x.`, `p->`): `wire{.a = x.a, .mode = static_cast<decltype(wire::mode)>(x.mode),
// .range = decltype(wire::range){.low = x.range.low, ...}}`.
std::string BuildWireStruct(const MappingIndex& mappings, const clang::SourceManager& sm,
                            clang::QualType type, const std::string& wire,
                            const std::string& from);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_VALUE_KIND_H_
