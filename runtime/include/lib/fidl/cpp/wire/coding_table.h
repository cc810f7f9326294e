// Coding tables: a constant description of every wire type, emitted by `fdf-idl gen` next to the
// C++ types. One generic encoder, decoder and zero-copy transfer walk them (runtime/fidl/), so the
// generated code stays small and every validation rule lives in one place. The one piece of
// per-type code is the in-place predicate of simple structs (in_place.h), the driver transport's
// fast path around the transfer walk.
#ifndef LIB_FIDL_CPP_WIRE_CODING_TABLE_H_
#define LIB_FIDL_CPP_WIRE_CODING_TABLE_H_

#include <lib/fdf/types.h>
#include <zircon/types.h>

#include <cstdint>

namespace fidl::internal {

enum class FidlKind : uint8_t {
  kPrimitive,  // integers and floats: any bit pattern is valid
  kBool,
  kEnum,
  kBits,
  kStruct,
  kArray,
  kVector,
  kString,
  kBox,
  kHandle,
  kTable,
  kUnion,
};

struct FidlType;

// True when an object of the type can cross the driver transport as it is (lib/fidl/cpp/wire/in_place.h).
using InPlacePredicate = bool (*)(const void* value, fdf_arena_t* arena);

struct FidlStructField {
  const FidlType* type;
  uint32_t offset;
};

struct FidlMember {  // a table field or union member
  const FidlType* type;
  uint64_t ordinal;
};

inline constexpr uint32_t kUnbounded = UINT32_MAX;

struct FidlType {
  FidlKind kind;
  uint32_t inline_size;
  uint32_t alignment;
  const char* name = "";
  bool nullable = false;  // vector, string, handle, union
  bool strict = false;    // enum, bits, union
  // kStruct / kArray: no pointers, handles, padding or constrained values, so bytes may be copied
  // and accepted as they are. Also set for vectors of such elements' `element`.
  bool plain = false;
  bool is_signed = false;  // enum underlying type
  bool resource = false;   // struct/table/union may hold handles
  uint32_t max_depth = 0;  // out-of-line depth below this type (decoder bound check)
  const FidlType* element = nullptr;  // array, vector, box
  uint32_t count = 0;  // array length; vector/string bound; number of fields/members/enum values
  const FidlStructField* fields = nullptr;  // struct
  const FidlMember* members = nullptr;      // table, union (sorted by ordinal)
  const uint64_t* values = nullptr;         // strict enum members (raw underlying bits)
  uint64_t mask = 0;                        // bits: known bits
  zx_obj_type_t handle_type = 0;            // handle: ZX_OBJ_TYPE_NONE = any
  zx_rights_t handle_rights = 0;
  // kStruct, generated for simple structs: lets the zero-copy transfer skip its walk.
  InPlacePredicate in_place = nullptr;
};

// Shared descriptions of the primitives (runtime/fidl/primitives.cc).
extern const FidlType kUint8Type;
extern const FidlType kUint16Type;
extern const FidlType kUint32Type;
extern const FidlType kUint64Type;
extern const FidlType kBoolType;
extern const FidlType kEmptyStructType;
extern const FidlType kUnboundedStringType;
extern const FidlType kNullableUnboundedStringType;
extern const FidlType kFrameworkErrType;
extern const FidlType kCodingFrameworkErr;  // the same, under its generated name
extern const FidlType kFrameworkErrResultType;
extern const FidlType kEpitaphBodyType;

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_CODING_TABLE_H_
