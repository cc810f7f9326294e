// Reads a rules file or a bind library file into its AST. Syntax errors stop the parse (nothing is
// returned); the rules' shape errors (an `if` without `else` or not last, empty blocks, a `true;`
// that is not alone) are reported and parsing goes on, so one run names them all.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_PARSER_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_PARSER_H_

#include <optional>

#include "runtime/driver/bind/ast.h"
#include "runtime/driver/bind/diagnostics.h"

namespace fdfkit::bind {

// How deep `if`s may nest; deeper input (a fuzzer's) is an error, not a stack overflow.
inline constexpr int kMaxNesting = 64;

std::optional<ast::RulesFile> ParseRules(const SourceFile& file, Diagnostics* diagnostics);
std::optional<ast::LibraryFile> ParseLibrary(const SourceFile& file, Diagnostics* diagnostics);

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_PARSER_H_
