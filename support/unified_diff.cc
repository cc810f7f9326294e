#include "support/unified_diff.h"

#include <dtl/dtl.hpp>

#include <sstream>
#include <vector>

namespace fdfkit::support {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start) + "\n\\ No newline at end of file");
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::string UnifiedDiff(const std::string& old_text, const std::string& new_text,
                        const std::string& old_name, const std::string& new_name) {
  if (old_text == new_text) return "";
  std::vector<std::string> a = Lines(old_text), b = Lines(new_text);
  dtl::Diff<std::string> diff(a, b);
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream out;
  out << "--- " << old_name << "\n+++ " << new_name << "\n";
  diff.printUnifiedFormat(out);
  return out.str();
}

}  // namespace fdfkit::support
