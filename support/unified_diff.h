// Unified diffs of text files (the `diff -u` format), for tools that show what they would change
// instead of writing it. The edit script comes from dtl (Debian's libdtl-dev).
#ifndef FDFKIT_SUPPORT_UNIFIED_DIFF_H_
#define FDFKIT_SUPPORT_UNIFIED_DIFF_H_

#include <string>

namespace fdfkit::support {

// "--- old_name\n+++ new_name\n@@ ... @@\n..." with three lines of context; "" if the texts are
// equal. A missing final newline is marked as diff marks it.
std::string UnifiedDiff(const std::string& old_text, const std::string& new_text,
                        const std::string& old_name, const std::string& new_name);

}  // namespace fdfkit::support

#endif  // FDFKIT_SUPPORT_UNIFIED_DIFF_H_
