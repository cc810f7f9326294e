#include "migrate/plan/scan/gn_lexer.h"

#include <cctype>

namespace fdfkit::plan::scan::gn {

std::string Found(bool at_end, const std::string& text) {
  return at_end ? "end of file" : "'" + text + "'";
}

std::vector<Token> Lex(const std::string& src) {
  std::vector<Token> out;
  int line = 1, column = 1;
  size_t i = 0;
  auto advance = [&](size_t n) {
    for (size_t k = 0; k < n && i < src.size(); ++k, ++i) {
      if (src[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
  };
  static const char* kTwo[] = {"+=", "-=", "==", "!=", "<=", ">=", "&&", "||"};
  while (i < src.size()) {
    char c = src[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      advance(1);
    } else if (c == '#') {
      while (i < src.size() && src[i] != '\n') advance(1);
    } else if (c == '"') {
      Token t{Tok::kString, "", line, column};
      advance(1);
      while (i < src.size() && src[i] != '"') {
        if (src[i] == '\n') Fail(t.line, t.column, diag::kUnterminatedString);
        if (src[i] == '\\' && i + 1 < src.size() &&
            (src[i + 1] == '"' || src[i + 1] == '\\' || src[i + 1] == '$')) {
          t.text += src[i + 1] == '$' ? std::string("\\$") : std::string(1, src[i + 1]);
          advance(2);
          continue;
        }
        t.text += src[i];
        advance(1);
      }
      if (i >= src.size()) Fail(t.line, t.column, diag::kUnterminatedString);
      advance(1);
      out.push_back(std::move(t));
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      Token t{Tok::kIdent, "", line, column};
      while (i < src.size() && (std::isalnum(static_cast<unsigned char>(src[i])) || src[i] == '_')) {
        t.text += src[i];
        advance(1);
      }
      out.push_back(std::move(t));
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      Token t{Tok::kInt, "", line, column};
      while (i < src.size() && std::isdigit(static_cast<unsigned char>(src[i]))) {
        t.text += src[i];
        advance(1);
      }
      out.push_back(std::move(t));
    } else {
      Token t{Tok::kPunct, std::string(1, c), line, column};
      for (const char* two : kTwo) {
        if (src.compare(i, 2, two) == 0) t.text = two;
      }
      if (t.text.size() == 1 && std::string("()[]{},.=+-!<>").find(c) == std::string::npos) {
        Fail(line, column, diag::kUnexpectedCharacter, std::string(1, c));
      }
      advance(t.text.size());
      out.push_back(std::move(t));
    }
  }
  out.push_back({Tok::kEnd, "", line, column});
  return out;
}

}  // namespace fdfkit::plan::scan::gn
