// Parser: tokens of one file → raw::File. One recursive-descent parser for every dialect: the
// legacy forms (bracket attributes, type-before-name, `handle<vmo>`, `T?`, banjo parameter lists)
// are recognised where they occur and normalised into the raw AST. Errors are reported with
// their location; the parser then skips to the next declaration and carries on.
#ifndef FDFKIT_MIGRATE_IDL_PARSER_H_
#define FDFKIT_MIGRATE_IDL_PARSER_H_

#include <optional>

#include "migrate/idl/diagnostics.h"
#include "migrate/idl/raw_ast.h"

namespace fdfkit::idl {

// Parses buffer `buffer_id` of `files`. Returns nullopt only when nothing usable was parsed (no
// `library` line); otherwise a (possibly partial) file, with errors in `reporter`.
std::optional<raw::File> ParseFile(SourceFiles& files, unsigned buffer_id, Reporter* reporter);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_PARSER_H_
