// Writes a whole file or nothing: the text goes to a temporary file beside `path`, which is then
// renamed over it. Every migration tool writes its outputs this way, so an interrupted or failed
// run never leaves a half-written file.
#ifndef FDFKIT_SUPPORT_ATOMIC_WRITE_H_
#define FDFKIT_SUPPORT_ATOMIC_WRITE_H_

#include <string>

namespace fdfkit::support {

bool WriteFileAtomically(const std::string& path, const std::string& text);

}  // namespace fdfkit::support

#endif  // FDFKIT_SUPPORT_ATOMIC_WRITE_H_
