// Lexer: IDL text → tokens. Handles every dialect's lexical forms: `//` comments (dropped), `///`
// doc comments (kept as tokens), string escapes, decimal/hex/binary/negative/float numbers.
#ifndef FDFKIT_MIGRATE_IDL_LEXER_H_
#define FDFKIT_MIGRATE_IDL_LEXER_H_

#include <string_view>
#include <vector>

#include "migrate/idl/diagnostics.h"

namespace fdfkit::idl {

enum class TokenKind {
  kIdentifier, kNumber, kString, kDocComment,
  kLParen, kRParen, kLBrace, kRBrace, kLBracket, kRBracket, kLAngle, kRAngle,
  kSemicolon, kColon, kComma, kDot, kEqual, kPipe, kQuestion, kAt, kArrow,
  kEnd,
};

const char* TokenKindName(TokenKind kind);

struct Token {
  TokenKind kind;
  std::string_view text;  // points into the source buffer; a doc comment's text excludes `///`
  llvm::SMLoc loc;
};

// Lexes one buffer; errors go to `reporter`, and lexing continues after them.
std::vector<Token> Lex(std::string_view text, Reporter* reporter);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_LEXER_H_
