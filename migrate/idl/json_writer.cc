#include "json_writer.h"

#include <charconv>

#include <nlohmann/json.hpp>

namespace fdf_idl {

void JsonWriter::NewLine() {
  out_->push_back('\n');
  out_->append(empty_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the document's root
  if (!empty_.back()) out_->push_back(',');
  empty_.back() = false;
  if (indent_ > 0) NewLine();
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  empty_.push_back(true);
}

void JsonWriter::Close(char bracket) {
  bool was_empty = empty_.back();
  empty_.pop_back();
  if (indent_ > 0 && !was_empty) NewLine();
  out_->push_back(bracket);
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  Quoted(key);
  out_->append(indent_ > 0 ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  Quoted(value);
}

void JsonWriter::Quoted(std::string_view text) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\') {
      out_->append(nlohmann::json(std::string(text))
                       .dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace));
      return;
    }
  }
  out_->push_back('"');
  out_->append(text);
  out_->push_back('"');
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_->append(buffer, result.ptr);
}

void JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_->append(buffer, result.ptr);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

}  // namespace fdf_idl
