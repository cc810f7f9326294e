// Lexer: IDL text → tokens. Handles every dialect's lexical forms: `//` and `/* */` comments (kept
// beside the tokens, so the parser can attach them to declarations and the formatter can write
// them back), `///` doc comments (tokens: they are attributes), string escapes, and
// decimal/hex/binary/negative/float numbers.
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

// A plain comment: `// ...` to the end of its line, or a whole `/* ... */`.
struct Comment {
  std::string_view text;  // as written, without trailing whitespace
  llvm::SMLoc loc;
  bool own_line = false;        // nothing but whitespace before it on its line
  bool blank_line_before = false;  // an empty line separates it from what came before
};

// Lexes one buffer; errors go to `reporter`, and lexing continues after them. Plain comments go
// to `comments` when given, in order.
std::vector<Token> Lex(std::string_view text, Reporter* reporter,
                       std::vector<Comment>* comments = nullptr);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_LEXER_H_
