// The message-size check: every request and response of a compiled clone must fit the message
// limit (64 KiB, a Zircon channel's, by default). A message that can grow past it is reported
// with the fields to bound and how many elements would fit.
#ifndef FDFKIT_MIGRATE_PROTOCOL_MESSAGE_SIZE_H_
#define FDFKIT_MIGRATE_PROTOCOL_MESSAGE_SIZE_H_

#include <map>
#include <string>
#include <vector>

#include "migrate/idl/flat_ast.h"
#include "migrate/protocol/translator.h"

namespace fdfkit::protocol {

// `banjo_names`: every clone of the run, its new library name → its banjo name (rules name the
// banjo originals).
std::vector<Note> CheckMessageSizes(const fdfkit::idl::flat::Library& clone,
                                    const Translation& translation, uint64_t limit,
                                    const std::map<std::string, std::string>& banjo_names);

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_MESSAGE_SIZE_H_
