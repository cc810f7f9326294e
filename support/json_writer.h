// JsonWriter: streams JSON text into a string, for documents too large to build as a DOM first.
// nlohmann's tree costs an allocation per key and value; the IR of a large library is megabytes,
// and building the tree took ten times as long as compiling the library. Strings that need
// escaping (quotes, control bytes, non-ASCII) go through nlohmann's serializer, so escaping and
// UTF-8 repair stay nlohmann's.
#ifndef FDFKIT_SUPPORT_JSON_WRITER_H_
#define FDFKIT_SUPPORT_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fdfkit::support {

class JsonWriter {
 public:
  // `indent` 0 writes compact JSON on one line; otherwise one member per line, nlohmann's layout.
  explicit JsonWriter(std::string* out, int indent = 0) : out_(out), indent_(indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // The key of the next value in the enclosing object. Keys are field names and IDL identifiers:
  // ASCII that needs no escaping. The caller keeps them unique. Inline, like the other small
  // writers: keys are mostly literals, and their copies become fixed-size moves.
  void Key(std::string_view key) {
    BeforeValue();
    out_->push_back('"');
    out_->append(key.data(), key.size());
    if (indent_ > 0) {
      out_->append("\": ", 3);
    } else {
      out_->append("\":", 2);
    }
    after_key_ = true;
  }
  void String(std::string_view value) {
    BeforeValue();
    Quoted(value);
  }
  void Int(int64_t value);
  void Uint(uint64_t value);
  void Bool(bool value) {
    BeforeValue();
    if (value) {
      out_->append("true", 4);
    } else {
      out_->append("false", 5);
    }
  }

  // Key + value in one call.
  void Field(std::string_view key, std::string_view value) { Key(key); String(value); }
  void Field(std::string_view key, const char* value) { Key(key); String(value); }
  void Field(std::string_view key, const std::string& value) { Key(key); String(value); }
  void Field(std::string_view key, bool value) { Key(key); Bool(value); }
  void Field(std::string_view key, int value) { Key(key); Int(value); }
  void Field(std::string_view key, int64_t value) { Key(key); Int(value); }
  void Field(std::string_view key, uint32_t value) { Key(key); Uint(value); }
  void Field(std::string_view key, uint64_t value) { Key(key); Uint(value); }

 private:
  void Open(char bracket) {
    BeforeValue();
    out_->push_back(bracket);
    empty_.push_back(true);
  }
  void Close(char bracket) {
    bool was_empty = empty_.back();
    empty_.pop_back();
    if (indent_ > 0 && !was_empty) NewLine();
    out_->push_back(bracket);
  }
  // Separator and indentation before a value (or before a key inside an object).
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (empty_.empty()) return;  // the document's root
    if (!empty_.back()) out_->push_back(',');
    empty_.back() = false;
    if (indent_ > 0) NewLine();
  }
  void NewLine();
  void Quoted(std::string_view text);

  std::string* out_;
  int indent_;
  std::vector<char> empty_;  // per open container: nothing written into it yet
  bool after_key_ = false;
};

}  // namespace fdfkit::support

#endif  // FDFKIT_SUPPORT_JSON_WRITER_H_
