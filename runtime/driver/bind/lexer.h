// Splits a bind source (rules or library) into tokens. A dotted name (`fuchsia.gpio.FUNCTION`) is
// one identifier token; keywords are identifiers the parser recognises by their text. Comments
// (`//` and `/* */`) are skipped. Errors are reported and lexing stops at the first one: the
// result then ends with an error token.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_LEXER_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_LEXER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "runtime/driver/bind/diagnostics.h"

namespace fdfkit::bind {

enum class TokenKind {
  kIdentifier,
  kString,  // text keeps its quotes
  kNumber,
  kLeftBrace,
  kRightBrace,
  kSemicolon,
  kComma,
  kAssign,    // =
  kEqual,     // ==
  kNotEqual,  // !=
  kEnd,
  kError,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string_view text;  // into the SourceFile
  size_t offset = 0;
  uint32_t number = 0;  // kNumber's value
};

// How a token is named in "expected X, found Y": "';'", "identifier 'foo'", "end of file".
std::string Describe(const Token& token);
std::string_view Describe(TokenKind kind);

std::vector<Token> Lex(const SourceFile& file, Diagnostics* diagnostics);

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_LEXER_H_
