#include "runtime/fidl/value_checks.h"

#include <lib/fdf/handle.h>
#include <lib/fdf/types.h>
#include <lib/fidl/cpp/wire/codec.h>
#include <zircon/syscalls.h>

#include "support/utf8.h"

namespace fidl::internal {

const char* CheckScalar(const FidlType& type, const void* value) {
  switch (type.kind) {
    case FidlKind::kBool:
      return *static_cast<const uint8_t*>(value) > 1 ? "INVALID_BOOLEAN" : nullptr;
    case FidlKind::kEnum: {
      if (!type.strict) return nullptr;
      uint64_t raw = ReadUnsigned(value, type.inline_size);
      for (uint32_t i = 0; i < type.count; ++i) {
        if (type.values[i] == raw) return nullptr;
      }
      return "STRICT_ENUM_UNKNOWN_VALUE";
    }
    case FidlKind::kBits: {
      if (!type.strict) return nullptr;
      uint64_t raw = ReadUnsigned(value, type.inline_size);
      return (raw & ~type.mask) != 0 ? "STRICT_BITS_UNKNOWN_BIT" : nullptr;
    }
    default:
      return nullptr;
  }
}

bool IsValidScalar(const FidlType& type, const void* value) {
  return CheckScalar(type, value) == nullptr;
}

const char* VectorHeaderError(const FidlType& type, uint64_t count, bool present) {
  bool is_string = type.kind == FidlKind::kString;
  if (!present) {
    if (!type.nullable) return "NON_NULLABLE_TYPE_WITH_NULL_VALUE";
    if (count == 0) return nullptr;
    return is_string ? "NON_EMPTY_STRING_WITH_NULL_BODY" : "NON_EMPTY_VECTOR_WITH_NULL_BODY";
  }
  if (count > UINT32_MAX) {
    return is_string ? "STRING_COUNT_EXCEEDS_32_BIT_LIMIT" : "VECTOR_COUNT_EXCEEDS_32_BIT_LIMIT";
  }
  if (count > type.count) return is_string ? "STRING_TOO_LONG" : "COUNT_EXCEEDS_LIMIT";
  return nullptr;
}

bool IsValidUtf8(const char* data, size_t size) {
  return fdfkit::support::Utf8ValidPrefix(data, size) == size;
}

const FidlMember* FindMember(const FidlType& type, uint64_t ordinal) {
  uint32_t lo = 0, hi = type.count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (type.members[mid].ordinal < ordinal) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < type.count && type.members[lo].ordinal == ordinal ? &type.members[lo] : nullptr;
}

void CloseAnyHandle(zx_handle_t handle) {
  if (handle == ZX_HANDLE_INVALID) return;
  if ((handle & FDF_HANDLE_FIXED_BITS_MASK) == FDF_HANDLE_FIXED_BITS_VALUE) {
    fdf_handle_close(handle);
  } else {
    zx_handle_close(handle);
  }
}

bool HandleHasType(zx_handle_t handle, zx_obj_type_t declared) {
  // A driver-runtime handle has no Zircon object type: it never matches a declared one.
  zx_info_handle_basic_t info;
  if (zx_object_get_info(handle, ZX_INFO_HANDLE_BASIC, &info, sizeof(info), nullptr, nullptr) !=
      ZX_OK) {
    return false;
  }
  return info.type == declared;
}

void CloseAnyHandles(const zx_handle_t* handles, uint32_t count) {
  for (uint32_t i = 0; i < count; ++i) CloseAnyHandle(handles[i]);
}

}  // namespace fidl::internal
