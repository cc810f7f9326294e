#include "support/read_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fdfkit::support {

std::optional<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in || !text) return std::nullopt;
  return text.str();
}

}  // namespace fdfkit::support
