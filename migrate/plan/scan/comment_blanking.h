// C-family comments (`//`, `/* */`) replaced by spaces, newlines kept, so that a regular
// expression run over the result reports offsets and lines of the original text. Bind rules and
// driver C++ are both read this way.
#ifndef FDFKIT_MIGRATE_PLAN_SCAN_COMMENT_BLANKING_H_
#define FDFKIT_MIGRATE_PLAN_SCAN_COMMENT_BLANKING_H_

#include <string>

namespace fdfkit::plan::scan {

enum class StringLiterals { kKeep, kBlank };

// Comment markers inside "string literals" are not comments; with kBlank the literals' contents
// are blanked too (a protocol name quoted in a log message is not a signal).
std::string BlankComments(const std::string& text, StringLiterals strings);

// 1-based line of `offset` in `text`.
int LineAt(const std::string& text, size_t offset);

}  // namespace fdfkit::plan::scan

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_COMMENT_BLANKING_H_
