#include "support/read_file.h"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace fdfkit::support {

std::optional<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  // Not `text << in.rdbuf()`: it fails on an empty file, which exists and is read as "".
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return text;
}

}  // namespace fdfkit::support
