#include "migrate/idl/syntax_words.h"

#include <set>

namespace fdfkit::idl {

using raw::Layout;

bool IsLayoutKeyword(std::string_view s) {
  return s == "struct" || s == "union" || s == "xunion" || s == "table" || s == "enum" ||
         s == "bits";
}
bool IsLayoutModifier(std::string_view s) {
  return s == "strict" || s == "flexible" || s == "resource";
}
bool IsPrimitive(std::string_view s) {
  static const std::set<std::string_view> kPrimitives = {
      "bool",   "int8",    "int16",   "int32",  "int64",  "uint8",   "uint16", "uint32",
      "uint64", "float32", "float64", "string", "usize",  "voidptr", "vector", "array",
      "handle", "box",     "request", "client_end", "server_end"};
  return kPrimitives.count(s) > 0;
}

Layout::Kind LayoutKindOf(std::string_view s) {
  if (s == "struct") return Layout::Kind::kStruct;
  if (s == "union" || s == "xunion") return Layout::Kind::kUnion;
  if (s == "table") return Layout::Kind::kTable;
  if (s == "enum") return Layout::Kind::kEnum;
  return Layout::Kind::kBits;
}

std::string Unescape(std::string_view quoted) {
  std::string out;
  std::string_view body = quoted.substr(1, quoted.size() - 2);
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 == body.size()) {
      out += body[i];
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      default: out += e; break;
    }
  }
  return out;
}

}  // namespace fdfkit::idl
