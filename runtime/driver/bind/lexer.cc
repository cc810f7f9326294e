#include "runtime/driver/bind/lexer.h"

#include <cctype>
#include <string>

namespace fdfkit::bind {
namespace {

bool IsIdentifierStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsIdentifierPart(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Parses a decimal or 0x-hex literal that fits in 32 bits.
bool ParseNumber(std::string_view text, uint32_t* value) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  if (text.empty()) return false;
  uint64_t result = 0;
  for (char c : text) {
    int digit;
    if (c >= '0' && c <= '9') digit = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    else return false;
    result = result * static_cast<uint64_t>(base) + static_cast<uint64_t>(digit);
    if (result > UINT32_MAX) return false;
  }
  *value = static_cast<uint32_t>(result);
  return true;
}

}  // namespace

std::string_view Describe(TokenKind kind) {
  switch (kind) {
    case TokenKind::kIdentifier: return "identifier";
    case TokenKind::kString: return "string literal";
    case TokenKind::kNumber: return "number";
    case TokenKind::kLeftBrace: return "'{'";
    case TokenKind::kRightBrace: return "'}'";
    case TokenKind::kSemicolon: return "';'";
    case TokenKind::kComma: return "','";
    case TokenKind::kAssign: return "'='";
    case TokenKind::kEqual: return "'=='";
    case TokenKind::kNotEqual: return "'!='";
    case TokenKind::kEnd: return "end of file";
    case TokenKind::kError: return "invalid input";
  }
  return "?";
}

std::string Describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::kIdentifier:
    case TokenKind::kNumber:
    case TokenKind::kString:
      return std::string(Describe(token.kind)) + " '" + std::string(token.text) + "'";
    default:
      return std::string(Describe(token.kind));
  }
}

std::vector<Token> Lex(const SourceFile& file, Diagnostics* diagnostics) {
  std::string_view text = file.text();
  std::vector<Token> tokens;
  size_t i = 0;
  auto emit = [&](TokenKind kind, size_t begin, size_t end) {
    tokens.push_back({kind, text.substr(begin, end - begin), begin, 0});
  };
  auto fail = [&](size_t at) { tokens.push_back({TokenKind::kError, {}, at, 0}); };
  while (i < text.size()) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (text.substr(i, 2) == "//") {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (text.substr(i, 2) == "/*") {
      size_t end = text.find("*/", i + 2);
      if (end == std::string_view::npos) {
        diagnostics->Report(diag::kUnterminatedComment, file, i);
        fail(i);
        return tokens;
      }
      i = end + 2;
      continue;
    }
    size_t begin = i;
    if (IsIdentifierStart(c)) {
      // Parts joined by dots, each starting with a letter or '_' ("a.b.C_1").
      while (true) {
        while (i < text.size() && IsIdentifierPart(text[i])) ++i;
        if (i + 1 < text.size() && text[i] == '.' && IsIdentifierStart(text[i + 1])) {
          ++i;
          continue;
        }
        break;
      }
      emit(TokenKind::kIdentifier, begin, i);
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      while (i < text.size() && IsIdentifierPart(text[i])) ++i;
      uint32_t value = 0;
      if (!ParseNumber(text.substr(begin, i - begin), &value)) {
        diagnostics->Report(diag::kInvalidNumber, file, begin, text.substr(begin, i - begin));
        fail(begin);
        return tokens;
      }
      emit(TokenKind::kNumber, begin, i);
      tokens.back().number = value;
      continue;
    }
    if (c == '"') {
      ++i;
      while (i < text.size() && text[i] != '"' && text[i] != '\n') {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        ++i;
      }
      if (i >= text.size() || text[i] != '"') {
        diagnostics->Report(diag::kUnterminatedString, file, begin);
        fail(begin);
        return tokens;
      }
      ++i;
      emit(TokenKind::kString, begin, i);
      continue;
    }
    TokenKind kind;
    size_t length = 1;
    switch (c) {
      case '{': kind = TokenKind::kLeftBrace; break;
      case '}': kind = TokenKind::kRightBrace; break;
      case ';': kind = TokenKind::kSemicolon; break;
      case ',': kind = TokenKind::kComma; break;
      case '=':
        kind = text.substr(i, 2) == "==" ? TokenKind::kEqual : TokenKind::kAssign;
        length = kind == TokenKind::kEqual ? 2 : 1;
        break;
      case '!':
        if (text.substr(i, 2) == "!=") {
          kind = TokenKind::kNotEqual;
          length = 2;
          break;
        }
        [[fallthrough]];
      default: {
        // One whole UTF-8 sequence, so the message shows the character, not a broken byte.
        size_t n = 1;
        while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(c) & 0x80) && n < 4) {
          ++n;
        }
        diagnostics->Report(diag::kInvalidCharacter, file, i, text.substr(i, n));
        fail(i);
        return tokens;
      }
    }
    emit(kind, i, i + length);
    i += length;
  }
  tokens.push_back({TokenKind::kEnd, {}, text.size(), 0});
  return tokens;
}

}  // namespace fdfkit::bind
