#include "migrate/idl/lexer.h"

#include <cctype>

namespace fdfkit::idl {

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kIdentifier: return "identifier";
    case TokenKind::kNumber: return "number";
    case TokenKind::kString: return "string";
    case TokenKind::kDocComment: return "doc comment";
    case TokenKind::kLParen: return "'('";
    case TokenKind::kRParen: return "')'";
    case TokenKind::kLBrace: return "'{'";
    case TokenKind::kRBrace: return "'}'";
    case TokenKind::kLBracket: return "'['";
    case TokenKind::kRBracket: return "']'";
    case TokenKind::kLAngle: return "'<'";
    case TokenKind::kRAngle: return "'>'";
    case TokenKind::kSemicolon: return "';'";
    case TokenKind::kColon: return "':'";
    case TokenKind::kComma: return "','";
    case TokenKind::kDot: return "'.'";
    case TokenKind::kEqual: return "'='";
    case TokenKind::kPipe: return "'|'";
    case TokenKind::kQuestion: return "'?'";
    case TokenKind::kAt: return "'@'";
    case TokenKind::kArrow: return "'->'";
    case TokenKind::kEnd: return "end of file";
  }
  return "?";
}

namespace {

// ASCII only, without the locale lookups of <cctype>: IDL identifiers are ASCII.
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentStart(char c) { return IsAsciiLetter(c) || c == '_'; }
bool IsIdentChar(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c) || c == '_'; }

TokenKind Punctuation(char c) {
  switch (c) {
    case '(': return TokenKind::kLParen;
    case ')': return TokenKind::kRParen;
    case '{': return TokenKind::kLBrace;
    case '}': return TokenKind::kRBrace;
    case '[': return TokenKind::kLBracket;
    case ']': return TokenKind::kRBracket;
    case '<': return TokenKind::kLAngle;
    case '>': return TokenKind::kRAngle;
    case ';': return TokenKind::kSemicolon;
    case ':': return TokenKind::kColon;
    case ',': return TokenKind::kComma;
    case '.': return TokenKind::kDot;
    case '=': return TokenKind::kEqual;
    case '|': return TokenKind::kPipe;
    case '?': return TokenKind::kQuestion;
    case '@': return TokenKind::kAt;
    default: return TokenKind::kEnd;
  }
}

}  // namespace

std::vector<Token> Lex(std::string_view text, Reporter* reporter, std::vector<Comment>* comments) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4);  // about one token per four bytes of IDL
  size_t i = 0, n = text.size();
  auto loc = [&](size_t at) { return llvm::SMLoc::getFromPointer(text.data() + at); };
  auto add = [&](TokenKind kind, size_t start, size_t end) {
    tokens.push_back({kind, text.substr(start, end - start), loc(start)});
  };
  auto keep_comment = [&](size_t start, size_t end) {
    if (!comments) return;
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r')) {
      --end;
    }
    size_t line_start = text.rfind('\n', start == 0 ? 0 : start - 1);
    line_start = line_start == std::string_view::npos || start == 0 ? 0 : line_start + 1;
    bool own_line = text.substr(line_start, start - line_start).find_first_not_of(" \t\r") ==
                    std::string_view::npos;
    // An empty line just above: the newline that ends the previous line is preceded by another.
    bool blank = false;
    if (own_line && line_start >= 2) {
      size_t prev_end = line_start - 1;  // the '\n' ending the previous line
      size_t prev_start = text.rfind('\n', prev_end - 1);
      prev_start = prev_start == std::string_view::npos ? 0 : prev_start + 1;
      blank = text.substr(prev_start, prev_end - prev_start).find_first_not_of(" \t\r") ==
              std::string_view::npos;
    }
    comments->push_back({text.substr(start, end - start), loc(start), own_line, blank});
  };
  while (i < n) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = n;
      bool doc = i + 2 < n && text[i + 2] == '/' && !(i + 3 < n && text[i + 3] == '/');
      if (doc) {
        tokens.push_back({TokenKind::kDocComment, text.substr(i + 3, end - i - 3), loc(i)});
      } else {
        keep_comment(i, end);
      }
      i = end;
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '*') {  // tolerated: seen in hand-written banjo
      size_t end = text.find("*/", i + 2);
      if (end == std::string_view::npos) {
        reporter->Report(diag::kUnterminatedBlockComment, loc(i));
        break;
      }
      keep_comment(i, end + 2);
      i = end + 2;
      continue;
    }
    if (IsIdentStart(c)) {
      size_t start = i;
      while (i < n && IsIdentChar(text[i])) ++i;
      add(TokenKind::kIdentifier, start, i);
      continue;
    }
    bool negative_number = c == '-' && i + 1 < n && IsAsciiDigit(text[i + 1]);
    if (IsAsciiDigit(c) || negative_number) {
      size_t start = i;
      if (c == '-') ++i;
      // Digits, hex/binary prefixes, a fraction and an exponent; validated by the parser.
      while (i < n && (IsIdentChar(text[i]) || text[i] == '.' ||
                       ((text[i] == '-' || text[i] == '+') && (text[i - 1] == 'e' || text[i - 1] == 'E') &&
                        !(text.substr(start, 2) == "0x" || text.substr(start, 3) == "-0x")))) {
        ++i;
      }
      add(TokenKind::kNumber, start, i);
      continue;
    }
    if (c == '"') {
      size_t start = i++;
      bool closed = false;
      while (i < n && text[i] != '\n') {
        if (text[i] == '\\' && i + 1 < n) {
          i += 2;
          continue;
        }
        if (text[i] == '"') {
          closed = true;
          ++i;
          break;
        }
        ++i;
      }
      if (!closed) {
        reporter->Report(diag::kUnterminatedString, loc(start));
        continue;
      }
      add(TokenKind::kString, start, i);
      continue;
    }
    if (c == '-' && i + 1 < n && text[i + 1] == '>') {
      add(TokenKind::kArrow, i, i + 2);
      i += 2;
      continue;
    }
    TokenKind kind = Punctuation(c);
    if (kind != TokenKind::kEnd) {
      add(kind, i, i + 1);
      ++i;
      continue;
    }
    reporter->Report(diag::kInvalidCharacter, loc(i),
                     std::isprint(static_cast<unsigned char>(c)) ? std::string(1, c) : "?");
    ++i;
  }
  tokens.push_back({TokenKind::kEnd, text.substr(n, 0), loc(n)});
  return tokens;
}

}  // namespace fdfkit::idl
