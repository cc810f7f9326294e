#include "support/json5.h"

#include <cctype>
#include <cstdlib>

#include "support/utf8.h"

namespace fdfkit::support {
namespace {

using Json = nlohmann::json;

class Reader {
 public:
  Reader(std::string_view text, Json5Document* document) : text_(text), document_(document) {}

  bool Read(Json5Error* error) {
    // nlohmann::json holds strings as UTF-8 and throws when asked to write anything else.
    if (size_t valid = Utf8ValidPrefix(text_.data(), text_.size()); valid != text_.size()) {
      at_ = valid;
      Problem("invalid UTF-8");
      return Fail(error);
    }
    SkipSpace();
    if (!Value("", &document_->root, 0)) return Fail(error);
    SkipSpace();
    if (failed_.message.empty() && at_ < text_.size()) Problem("unexpected text after the value");
    return failed_.message.empty() || Fail(error);
  }

 private:
  bool Fail(Json5Error* error) {
    *error = failed_;
    return false;
  }
  bool Problem(std::string message) {
    if (failed_.message.empty()) failed_ = {at_, std::move(message)};
    return false;
  }
  char Peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }

  void SkipSpace() {
    while (at_ < text_.size()) {
      char c = text_[at_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++at_;
      } else if (text_.substr(at_, 2) == "//") {
        while (at_ < text_.size() && text_[at_] != '\n') ++at_;
      } else if (text_.substr(at_, 2) == "/*") {
        size_t end = text_.find("*/", at_ + 2);
        if (end == std::string_view::npos) {
          Problem("unterminated block comment");
          at_ = text_.size();
          return;
        }
        at_ = end + 2;
      } else {
        return;
      }
    }
  }

  bool Value(const std::string& pointer, Json* out, int depth) {
    if (depth > kJson5MaxDepth) return Problem("nested deeper than 64 levels");
    document_->offsets[pointer] = at_;
    char c = Peek();
    if (c == '{') return Object(pointer, out, depth);
    if (c == '[') return Array(pointer, out, depth);
    if (c == '"' || c == '\'') {
      std::string text;
      if (!String(&text)) return false;
      *out = std::move(text);
      return true;
    }
    if (c == '-' || c == '+' || std::isdigit(static_cast<unsigned char>(c))) return Number(out);
    std::string word = Identifier();
    if (word == "true" || word == "false") {
      *out = word == "true";
      return true;
    }
    if (word == "null") {
      *out = nullptr;
      return true;
    }
    return Problem(at_ >= text_.size() ? "unexpected end of input; expected a value"
                                       : "expected a value");
  }

  std::string Identifier() {
    size_t begin = at_;
    while (at_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[at_])) || text_[at_] == '_' ||
            text_[at_] == '$')) {
      ++at_;
    }
    return std::string(text_.substr(begin, at_ - begin));
  }

  // The four hexadecimal digits of a \u escape.
  std::optional<uint32_t> Hex4() {
    uint32_t code = 0;
    for (int i = 0; i < 4; ++i) {
      if (at_ >= text_.size() || !std::isxdigit(static_cast<unsigned char>(text_[at_]))) {
        Problem("bad \\u escape");
        return std::nullopt;
      }
      char h = text_[at_++];
      code = code * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                                   ? h - '0'
                                                   : std::tolower(h) - 'a' + 10);
    }
    return code;
  }

  bool String(std::string* out) {
    char quote = text_[at_++];
    while (at_ < text_.size() && text_[at_] != quote) {
      char c = text_[at_++];
      if (c == '\n') return Problem("unterminated string");
      if (c != '\\') {
        *out += c;
        continue;
      }
      if (at_ >= text_.size()) break;
      char escaped = text_[at_++];
      switch (escaped) {
        case 'n': *out += '\n'; break;
        case 't': *out += '\t'; break;
        case 'r': *out += '\r'; break;
        case 'b': *out += '\b'; break;
        case 'f': *out += '\f'; break;
        case '0': *out += '\0'; break;
        case '\n': break;  // a line continuation
        case 'u': {
          std::optional<uint32_t> code = Hex4();
          if (!code) return false;
          if (*code >= 0xDC00 && *code <= 0xDFFF) return Problem("unpaired \\u surrogate");
          if (*code >= 0xD800 && *code <= 0xDBFF) {
            // A code point past the Basic Multilingual Plane, written as a UTF-16 pair.
            if (text_.substr(at_, 2) != "\\u") return Problem("unpaired \\u surrogate");
            at_ += 2;
            std::optional<uint32_t> low = Hex4();
            if (!low) return false;
            if (*low < 0xDC00 || *low > 0xDFFF) return Problem("unpaired \\u surrogate");
            *code = 0x10000 + ((*code - 0xD800) << 10) + (*low - 0xDC00);
          }
          AppendUtf8(*code, out);
          break;
        }
        default: *out += escaped; break;  // \" \' \\ \/ and JSON5's identity escapes
      }
    }
    if (at_ >= text_.size()) return Problem("unterminated string");
    ++at_;
    return true;
  }

  bool Number(Json* out) {
    size_t begin = at_;
    bool negative = false;
    if (Peek() == '-' || Peek() == '+') negative = text_[at_++] == '-';
    if (text_.substr(at_, 2) == "0x" || text_.substr(at_, 2) == "0X") {
      at_ += 2;
      size_t digits = at_;
      uint64_t value = 0;
      while (at_ < text_.size() && std::isxdigit(static_cast<unsigned char>(text_[at_]))) {
        if (value > (UINT64_MAX >> 4)) return Problem("number out of range");
        char h = text_[at_++];
        value = value * 16 + static_cast<uint64_t>(std::isdigit(static_cast<unsigned char>(h))
                                                       ? h - '0'
                                                       : std::tolower(h) - 'a' + 10);
      }
      if (at_ == digits) return Problem("expected hexadecimal digits");
      if (negative) {
        if (value > static_cast<uint64_t>(INT64_MAX)) return Problem("number out of range");
        *out = -static_cast<int64_t>(value);
      } else {
        *out = value;
      }
      return true;
    }
    while (at_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[at_])) ||
                                  text_[at_] == '.' || text_[at_] == 'e' || text_[at_] == 'E' ||
                                  ((text_[at_] == '-' || text_[at_] == '+') &&
                                   (text_[at_ - 1] == 'e' || text_[at_ - 1] == 'E')))) {
      ++at_;
    }
    std::string literal(text_.substr(begin, at_ - begin));
    try {
      Json parsed = Json::parse(literal[0] == '+' ? literal.substr(1) : literal);
      if (!parsed.is_number()) return Problem("invalid number");
      *out = std::move(parsed);
    } catch (const Json::exception&) {
      at_ = begin;
      return Problem("invalid number '" + literal + "'");
    }
    return true;
  }

  static std::string Escape(const std::string& key) {
    std::string out;
    for (char c : key) {
      if (c == '~') out += "~0";
      else if (c == '/') out += "~1";
      else out += c;
    }
    return out;
  }

  bool Object(const std::string& pointer, Json* out, int depth) {
    *out = Json::object();
    ++at_;
    while (true) {
      SkipSpace();
      if (Peek() == '}') {
        ++at_;
        return true;
      }
      size_t key_at = at_;
      std::string key;
      if (Peek() == '"' || Peek() == '\'') {
        if (!String(&key)) return false;
      } else {
        key = Identifier();
        if (key.empty()) return Problem(at_ >= text_.size() ? "unexpected end of input; expected a key or '}'" : "expected a key or '}'");
      }
      if (out->contains(key)) {
        at_ = key_at;
        return Problem("duplicate key '" + key + "'");
      }
      SkipSpace();
      if (Peek() != ':') return Problem("expected ':' after the key '" + key + "'");
      ++at_;
      SkipSpace();
      Json value;
      if (!Value(pointer + "/" + Escape(key), &value, depth + 1)) return false;
      (*out)[key] = std::move(value);
      SkipSpace();
      if (Peek() == ',') {
        ++at_;
        continue;
      }
      if (Peek() == '}') continue;
      return Problem("expected ',' or '}'");
    }
  }

  bool Array(const std::string& pointer, Json* out, int depth) {
    *out = Json::array();
    ++at_;
    while (true) {
      SkipSpace();
      if (Peek() == ']') {
        ++at_;
        return true;
      }
      Json value;
      if (!Value(pointer + "/" + std::to_string(out->size()), &value, depth + 1)) return false;
      out->push_back(std::move(value));
      SkipSpace();
      if (Peek() == ',') {
        ++at_;
        continue;
      }
      if (Peek() == ']') continue;
      return Problem("expected ',' or ']'");
    }
  }

  std::string_view text_;
  Json5Document* document_;
  size_t at_ = 0;
  Json5Error failed_;
};

}  // namespace

size_t Json5Document::OffsetOf(std::string pointer) const {
  while (true) {
    auto it = offsets.find(pointer);
    if (it != offsets.end()) return it->second;
    if (pointer.empty()) return 0;
    pointer.resize(pointer.rfind('/'));
  }
}

std::optional<Json5Document> ParseJson5(std::string_view text, Json5Error* error) {
  Json5Document document;
  if (!Reader(text, &document).Read(error)) return std::nullopt;
  return document;
}

}  // namespace fdfkit::support
