// In-place checks for the driver transport's zero-copy hand-over. For a struct made of scalars,
// plain arrays and vectors or strings of plain elements, `fdf-idl gen` emits one predicate
// (FidlType::in_place) built from these checks: true when the object can cross the transport as it
// is -- every vector on the message arena and within its bound, every value valid, no handles.
// PrepareTransfer and AcceptTransfer try it first; on false they run the generic walk, which
// copies what must be copied or names the rule that failed. So the predicate may be conservative
// (say false for a valid object) but must never say true for one the walk would reject.
#ifndef LIB_FIDL_CPP_WIRE_IN_PLACE_H_
#define LIB_FIDL_CPP_WIRE_IN_PLACE_H_

#include <lib/fdf/arena.h>
#include <lib/fidl/cpp/wire/coding_table.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace fidl::internal {

bool IsValidUtf8(const char* data, size_t size);
// A bool, strict enum or strict bits value holds a declared value.
bool IsValidScalar(const FidlType& type, const void* value);

// A vector (or string) header at `at` whose elements need no walk: present and on `arena` within
// `bound` elements, or absent and empty where `nullable`.
inline bool PlainVectorInPlace(const uint8_t* at, uint32_t element_size, uint32_t bound,
                               bool nullable, fdf_arena_t* arena) {
  uint64_t count;
  const void* data;
  std::memcpy(&count, at, sizeof(count));
  std::memcpy(&data, at + 8, sizeof(data));
  if (data == nullptr) return nullable && count == 0;
  return count <= bound && fdf_arena_contains(arena, data, count * element_size);
}

inline bool StringInPlace(const uint8_t* at, uint32_t bound, bool nullable, fdf_arena_t* arena) {
  if (!PlainVectorInPlace(at, 1, bound, nullable, arena)) return false;
  uint64_t count;
  const char* data;
  std::memcpy(&count, at, sizeof(count));
  std::memcpy(&data, at + 8, sizeof(data));
  return data == nullptr || IsValidUtf8(data, count);
}

inline bool BoolInPlace(const uint8_t* at) { return *at <= 1; }

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_IN_PLACE_H_
