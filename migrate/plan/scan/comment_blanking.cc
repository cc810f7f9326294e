#include "migrate/plan/scan/comment_blanking.h"

namespace fdfkit::plan::scan {

std::string BlankComments(const std::string& text, StringLiterals strings) {
  std::string out = text;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '"' && !(i > 0 && out[i - 1] == '\'')) {  // '"' is a character, not a string
      for (++i; i < out.size() && out[i] != '"' && out[i] != '\n'; ++i) {
        if (out[i] == '\\' && i + 1 < out.size()) {
          if (strings == StringLiterals::kBlank) out[i] = ' ';
          ++i;
        }
        if (strings == StringLiterals::kBlank) out[i] = ' ';
      }
    } else if (out[i] == '/' && i + 1 < out.size() && out[i + 1] == '/') {
      for (; i < out.size() && out[i] != '\n'; ++i) out[i] = ' ';
    } else if (out[i] == '/' && i + 1 < out.size() && out[i + 1] == '*') {
      for (; i + 1 < out.size() && !(out[i] == '*' && out[i + 1] == '/'); ++i) {
        if (out[i] != '\n') out[i] = ' ';
      }
      if (i + 1 < out.size()) out[i] = out[i + 1] = ' ';
    }
  }
  return out;
}

int LineAt(const std::string& text, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

}  // namespace fdfkit::plan::scan
