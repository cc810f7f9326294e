// Value rules shared by the encoder, the decoder and the zero-copy walkers: the wire format's
// constraints on booleans, strict enums and bits, string bytes, and the error names they raise.
#ifndef FDFKIT_RUNTIME_FIDL_VALUE_CHECKS_H_
#define FDFKIT_RUNTIME_FIDL_VALUE_CHECKS_H_

#include <lib/fidl/cpp/wire/coding_table.h>
#include <lib/fidl/cpp/wire/in_place.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace fidl::internal {

inline constexpr uint64_t kAllocPresent = UINT64_MAX;
inline constexpr uint32_t kHandlePresent = UINT32_MAX;

inline uint64_t Align8(uint64_t n) { return (n + 7) & ~uint64_t{7}; }

inline uint64_t ReadUnsigned(const void* at, uint32_t size) {
  switch (size) {
    case 1: return *static_cast<const uint8_t*>(at);
    case 2: { uint16_t v; std::memcpy(&v, at, 2); return v; }
    case 4: { uint32_t v; std::memcpy(&v, at, 4); return v; }
    default: { uint64_t v; std::memcpy(&v, at, 8); return v; }
  }
}

// The GIDL name of the first rule `value` (of kind bool/enum/bits) breaks, or null.
const char* CheckScalar(const FidlType& type, const void* value);
// The first rule a vector or string header breaks (presence, count against the 32-bit limit and
// the declared bound), or null. Inline: every vector on every message passes through here.
const char* VectorHeaderError(const FidlType& type, uint64_t count, bool present);
inline const char* CheckVectorHeader(const FidlType& type, uint64_t count, bool present) {
  if (present && count <= type.count && count <= UINT32_MAX) return nullptr;
  return VectorHeaderError(type, count, present);
}
// Member of a table or union by ordinal (members are sorted), or null.
const FidlMember* FindMember(const FidlType& type, uint64_t ordinal);
// Scalars, bools, enums and bits need no walk unless they are constrained.
inline bool NeedsNoWalk(const FidlType& type) {
  return type.kind == FidlKind::kPrimitive || type.plain;
}
inline bool InlinesInEnvelope(const FidlType& type) { return type.inline_size <= 4; }

}  // namespace fidl::internal

#endif  // FDFKIT_RUNTIME_FIDL_VALUE_CHECKS_H_
