#include "support/source_file.h"

#include <algorithm>
#include <filesystem>

#include "support/read_file.h"

namespace fdfkit::support {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::unique_ptr<SourceFile> SourceFile::Read(const std::string& path, std::string* why) {
  std::optional<std::string> text = ReadFile(path);
  if (!text) {
    std::error_code ignored;
    *why = !std::filesystem::exists(path, ignored)        ? "no such file"
           : std::filesystem::is_directory(path, ignored) ? "it is a directory"
                                                          : "permission denied";
    return nullptr;
  }
  return std::make_unique<SourceFile>(path, std::move(*text));
}

SourceFile::Position SourceFile::Locate(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line_index = static_cast<size_t>(after - line_starts_.begin()) - 1;
  return {static_cast<int>(line_index) + 1,
          static_cast<int>(offset - line_starts_[line_index]) + 1};
}

std::string_view SourceFile::Line(int line) const {
  if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return {};
  size_t begin = line_starts_[static_cast<size_t>(line) - 1];
  size_t end = text_.find('\n', begin);
  if (end == std::string::npos) end = text_.size();
  return std::string_view(text_).substr(begin, end - begin);
}

std::string SourceFile::Where(size_t offset) const {
  Position position = Locate(offset);
  return name_ + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

}  // namespace fdfkit::support
