// Reads a whole file, the counterpart of WriteFileAtomically: every migration tool reads its
// inputs (IDL sources, rules, inventories, plans, source trees) through this one function.
#ifndef FDFKIT_MIGRATE_IDL_READ_FILE_H_
#define FDFKIT_MIGRATE_IDL_READ_FILE_H_

#include <optional>
#include <string>

namespace fdf_idl {

// The file's bytes, or std::nullopt if it is missing, not a regular file, or unreadable.
std::optional<std::string> ReadFile(const std::string& path);

}  // namespace fdf_idl

#endif  // FDFKIT_MIGRATE_IDL_READ_FILE_H_
