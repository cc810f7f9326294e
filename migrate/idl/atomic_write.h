// Writes a whole file or nothing: the text goes to a temporary file beside `path`, which is then
// renamed over it. Every migration tool writes its outputs this way, so an interrupted or failed
// run never leaves a half-written file.
#ifndef FDFKIT_MIGRATE_IDL_ATOMIC_WRITE_H_
#define FDFKIT_MIGRATE_IDL_ATOMIC_WRITE_H_

#include <string>

namespace fdf_idl {

bool WriteFileAtomically(const std::string& path, const std::string& text);

}  // namespace fdf_idl

#endif  // FDFKIT_MIGRATE_IDL_ATOMIC_WRITE_H_
