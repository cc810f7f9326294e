// Reads a whole file, the counterpart of WriteFileAtomically: every migration tool reads its
// inputs (IDL sources, rules, inventories, plans, source trees) through this one function.
#ifndef FDFKIT_SUPPORT_READ_FILE_H_
#define FDFKIT_SUPPORT_READ_FILE_H_

#include <optional>
#include <string>

namespace fdfkit::support {

// The file's bytes, or std::nullopt if it is missing, not a regular file, or unreadable.
std::optional<std::string> ReadFile(const std::string& path);

}  // namespace fdfkit::support

#endif  // FDFKIT_SUPPORT_READ_FILE_H_
