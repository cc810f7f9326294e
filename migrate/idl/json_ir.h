// The JSON IR of a resolved library (schema: migrate/README.md, "The JSON IR"). Modelled on
// fidlc's IR: declarations grouped by kind in source order, fully qualified `library/Name` names,
// type constructors with their constraints, wire format v2 shapes on every declaration and message
// body, protocols with ordinals and payloads, attributes kept verbatim (banjo ones included).
// Output is deterministic: the same input always gives the same bytes. It is streamed, not built
// as a tree, so writing it costs about what compiling the library does.
#ifndef FDFKIT_MIGRATE_IDL_JSON_IR_H_
#define FDFKIT_MIGRATE_IDL_JSON_IR_H_

#include <nlohmann/json.hpp>

#include "migrate/idl/diagnostics.h"
#include "migrate/idl/flat_ast.h"

namespace fdfkit::idl {

inline constexpr const char* kIrSchema = "fdfkit-idl-ir/2";

enum class IrStyle { kCompact, kPretty };

// The IR as text with a trailing newline: one line (kCompact), or two-space indented (kPretty).
// Source text that is not UTF-8 (doc comments, string constants) comes out with U+FFFD.
std::string IrText(const flat::Library& library, const SourceFiles& files,
                   IrStyle style = IrStyle::kCompact);

// The same document as a tree, for callers that query it.
nlohmann::ordered_json LibraryToJson(const flat::Library& library, const SourceFiles& files);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_JSON_IR_H_
