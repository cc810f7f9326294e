// A text input (bind rules, a manifest, a board file) held in memory, with what a diagnostic needs
// to point into it: 1-based line and column of a byte offset, and the text of a line.
#ifndef FDFKIT_SUPPORT_SOURCE_FILE_H_
#define FDFKIT_SUPPORT_SOURCE_FILE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fdfkit::support {

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);
  // The file at `path` (named by it), or null with the reason in `why` ("no such file", "it is a
  // directory", "permission denied").
  static std::unique_ptr<SourceFile> Read(const std::string& path, std::string* why);
  const std::string& name() const { return name_; }
  std::string_view text() const { return text_; }

  struct Position {
    int line = 0;    // 1-based
    int column = 0;  // 1-based, in bytes
  };
  Position Locate(size_t offset) const;
  // Line `line` (1-based) without its newline.
  std::string_view Line(int line) const;
  // "name:line:col"
  std::string Where(size_t offset) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

}  // namespace fdfkit::support

#endif  // FDFKIT_SUPPORT_SOURCE_FILE_H_
