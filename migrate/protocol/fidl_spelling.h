// Resolved types and values spelled back as modern FIDL source, relative to the library being
// written (its own declarations by short name, others as `library.Name`).
#ifndef FDFKIT_MIGRATE_PROTOCOL_FIDL_SPELLING_H_
#define FDFKIT_MIGRATE_PROTOCOL_FIDL_SPELLING_H_

#include <string>

#include "idl/flat_ast.h"

namespace fdf_migrate {

// `usize` and `voidptr` have no wire form: they are spelled `uint64`, and `*pointer_sized` is set
// so the caller can flag them.
std::string TypeSpelling(const fdf_idl::flat::Type& type, const std::string& library,
                         bool* pointer_sized = nullptr);
std::string DeclReference(const fdf_idl::flat::Decl& decl, const std::string& library);
std::string ValueSpelling(const fdf_idl::flat::ConstantValue& value);
// The FIDL-quoted form of `text`.
std::string Quoted(const std::string& text);

}  // namespace fdf_migrate

#endif  // FDFKIT_MIGRATE_PROTOCOL_FIDL_SPELLING_H_
