// Type shapes per the FIDL wire format v2: inline size, alignment, depth, maximum handles, maximum
// out-of-line bytes, padding and flexible envelopes, for every layout, every member type and every
// method body; struct member offsets. A struct that contains itself without indirection (through
// struct members or arrays only) has no finite size and is reported as an include cycle;
// recursion through boxes, vectors, unions or tables is legal and makes depth and out-of-line
// size unbounded.
#ifndef FDFKIT_MIGRATE_IDL_TYPE_SHAPE_H_
#define FDFKIT_MIGRATE_IDL_TYPE_SHAPE_H_

#include "migrate/idl/diagnostics.h"
#include "migrate/idl/flat_ast.h"

namespace fdfkit::idl {

// Fills every shape in `library` (its dependencies must be done) and its declaration order.
void ComputeShapes(flat::Library* library, Reporter* reporter);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_TYPE_SHAPE_H_
