// The tokens of GN's language, for the reader in gn_file.cc. Reading a file stops at its first
// syntax error: the lexer and the parser throw it as a SyntaxError.
#ifndef FDFKIT_MIGRATE_PLAN_SCAN_GN_LEXER_H_
#define FDFKIT_MIGRATE_PLAN_SCAN_GN_LEXER_H_

#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "migrate/plan/diagnostics.h"

namespace fdfkit::plan::scan::gn {

enum class Tok { kIdent, kString, kInt, kPunct, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;
  int line = 0;
  int column = 0;
};

// Reading a file stops at its first syntax error: the lexer and parser throw it.
struct SyntaxError : std::runtime_error {
  SyntaxError(int l, int c, support::Diagnostic d)
      : std::runtime_error(d.message), line(l), column(c), diagnostic(std::move(d)) {}
  int line, column;
  support::Diagnostic diagnostic;
};

template <typename... Args>
[[noreturn]] void Fail(int line, int column, const support::DiagnosticDef<Args...>& def,
                       const std::type_identity_t<Args>&... args) {
  throw SyntaxError(line, column, support::Make(def, args...));
}

// "'x'" for a token, "end of file" at the end.
std::string Found(bool at_end, const std::string& text);

std::vector<Token> Lex(const std::string& src);

}  // namespace fdfkit::plan::scan::gn

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_GN_LEXER_H_
