#include "support/json_writer.h"

#include <array>
#include <charconv>

#include <nlohmann/json.hpp>

namespace fdfkit::support {
namespace {

// Bytes that JSON must escape or that may start invalid UTF-8: the slow path handles them.
constexpr std::array<bool, 256> kNeedsCare = [] {
  std::array<bool, 256> table{};
  for (int byte = 0; byte < 256; ++byte) table[byte] = byte < 0x20 || byte >= 0x7f;
  table['"'] = table['\\'] = true;
  return table;
}();

}  // namespace

void JsonWriter::NewLine() {
  out_->push_back('\n');
  out_->append(empty_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::Quoted(std::string_view text) {
  for (char c : text) {
    if (kNeedsCare[static_cast<unsigned char>(c)]) [[unlikely]] {
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

}  // namespace fdfkit::support
