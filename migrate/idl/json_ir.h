// The JSON IR of a resolved library (schema: migrate/README.md, "The JSON IR"). Modelled on
// fidlc's IR: declarations grouped by kind in source order, fully qualified `library/Name` names,
// type constructors with their constraints and wire format v2 shapes, protocols with ordinals and
// payloads, attributes kept verbatim (banjo ones included). Output is deterministic: the same
// input always gives the same bytes.
#ifndef FDFKIT_MIGRATE_IDL_JSON_IR_H_
#define FDFKIT_MIGRATE_IDL_JSON_IR_H_

#include <nlohmann/json.hpp>

#include "diagnostics.h"
#include "flat_ast.h"

namespace fdf_idl {

inline constexpr const char* kIrSchema = "fdfkit-idl-ir/1";

nlohmann::ordered_json LibraryToJson(const flat::Library& library, const SourceFiles& files);

// The IR as text: two-space indent, trailing newline. Source text that is not UTF-8 (doc comments,
// string constants) comes out with U+FFFD instead of making the dump throw.
std::string IrText(const nlohmann::ordered_json& ir);

}  // namespace fdf_idl

#endif  // FDFKIT_MIGRATE_IDL_JSON_IR_H_
