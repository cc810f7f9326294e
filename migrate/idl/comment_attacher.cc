#include "migrate/idl/comment_attacher.h"

#include <algorithm>

namespace fdfkit::idl {

std::vector<std::string> CommentAttacher::TakeBefore(const char* position) {
  std::vector<std::string> lines;  // "" marks a blank line
  const Comment* last = nullptr;
  while (next_ < comments_.size() && comments_[next_].text.data() < position) {
    const Comment& c = comments_[next_++];
    if (c.blank_line_before && (lines.empty() || !lines.back().empty())) lines.emplace_back();
    lines.emplace_back(c.text);
    last = &c;
  }
  // A blank line between the comments and the node: a "" at the end keeps it.
  if (last) {
    const char* end = last->text.data() + last->text.size();
    std::string_view gap(end, position > end ? position - end : 0);
    size_t first = gap.find('\n');
    if (first != std::string_view::npos &&
        gap.substr(first + 1).find('\n') != std::string_view::npos &&
        gap.substr(first + 1, gap.find('\n', first + 1) - first - 1)
                .find_first_not_of(" \t\r") == std::string_view::npos) {
      lines.emplace_back();
    }
  }
  return lines;
}

std::string CommentAttacher::TakeTrailing(const Token& end, const Token& next) {
  if (next_ >= comments_.size()) return "";
  const Comment& c = comments_[next_];
  const char* after = end.text.data() + end.text.size();
  if (c.text.data() < after || c.text.data() >= next.text.data()) return "";
  if (std::string_view(after, c.text.data() - after).find('\n') != std::string_view::npos) return "";
  ++next_;
  return std::string(c.text);
}

void CommentAttacher::Finish(const Token& end, const Token& next, raw::Comments* comments) {
  AppendLines(TakeBefore(end.text.data()), &comments->leading);
  comments->trailing = TakeTrailing(end, next);
}

void CommentAttacher::AppendLines(std::vector<std::string> lines, std::vector<std::string>* to) {
  for (std::string& line : lines) {
    if (line.empty() && (to->empty() || to->back().empty())) continue;  // one blank at most
    to->push_back(std::move(line));
  }
}

void CommentAttacher::KeepStrayDocs(const raw::AttributeList& attrs,
                                    std::vector<std::string>* closing) {
  for (const raw::Attribute& a : attrs.items) {
    if (a.name != "doc" || a.args.empty()) continue;
    std::string_view text = a.args[0].value.text;
    if (text.ends_with('\n')) text.remove_suffix(1);
    for (size_t start = 0, end; start <= text.size(); start = end + 1) {
      end = std::min(text.find('\n', start), text.size());
      closing->push_back("///" + std::string(text.substr(start, end - start)));
    }
  }
}

}  // namespace fdfkit::idl
