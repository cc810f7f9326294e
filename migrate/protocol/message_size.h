// The message-size check: every request and response of a compiled clone must fit the message
// limit (64 KiB, a Zircon channel's, by default). A message that can grow past it is reported
// with the fields to bound and how many elements would fit.
#ifndef FDFKIT_MIGRATE_PROTOCOL_MESSAGE_SIZE_H_
#define FDFKIT_MIGRATE_PROTOCOL_MESSAGE_SIZE_H_

#include <vector>

#include "idl/flat_ast.h"
#include "translator.h"

namespace fdf_migrate {

std::vector<Note> CheckMessageSizes(const fdf_idl::flat::Library& clone,
                                    const Translation& translation, uint64_t limit);

}  // namespace fdf_migrate

#endif  // FDFKIT_MIGRATE_PROTOCOL_MESSAGE_SIZE_H_
