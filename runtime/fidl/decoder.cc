// Wire format v2 → decoded object, in place (§1.14): each presence marker becomes a pointer to the
// next object at the cursor, each handle marker becomes the next handle, and every rule is checked
// before anything is trusted. On failure every handle of the message is closed.
#include <lib/fidl/cpp/wire/codec.h>
#include <lib/fidl/cpp/wire/envelope.h>
#include <lib/fidl/cpp/wire/message_header.h>

#include <cstring>
#include <vector>

#include "runtime/fidl/value_checks.h"

namespace fidl::internal {
namespace {

class Decoder {
 public:
  Decoder(uint8_t* bytes, uint32_t num_bytes, zx_handle_t* handles, uint32_t num_handles,
          HandleTypeCheck check_handle)
      : bytes_(bytes),
        num_bytes_(num_bytes),
        handles_(handles),
        num_handles_(num_handles),
        check_handle_(check_handle) {}

  bool DecodeTopLevel(const FidlType& type, uint32_t offset) {
    next_ = offset;
    uint32_t at;
    if (offset > num_bytes_ || num_bytes_ - offset < type.inline_size) {
      return Fail("TOO_FEW_BYTES_IN_PRIMARY_OBJECT");
    }
    if (!Claim(type.inline_size, &at)) return false;
    if (!DecodeInline(type, at, 0)) return false;
    if (next_ != num_bytes_) return Fail("TOO_MANY_BYTES_IN_MESSAGE");
    if (next_handle_ != num_handles_) return Fail("TOO_MANY_HANDLES_IN_MESSAGE");
    return true;
  }
  const char* error() const { return error_; }

 private:
  bool Fail(const char* error) {
    error_ = error;
    return false;
  }
  uint8_t* At(uint64_t offset) { return bytes_ + offset; }
  template <typename T>
  T Read(uint64_t offset) {
    T value;
    std::memcpy(&value, At(offset), sizeof(T));
    return value;
  }
  template <typename T>
  void Write(uint64_t offset, T value) {
    std::memcpy(At(offset), &value, sizeof(T));
  }
  bool IsZero(uint64_t from, uint64_t to) {
    for (uint64_t i = from; i < to; ++i) {
      if (bytes_[i] != 0) return false;
    }
    return true;
  }

  // Claims the next out-of-line object; its tail padding must be zero.
  bool Claim(uint64_t size, uint32_t* at) {
    uint64_t end = next_ + Align8(size);
    if (end > num_bytes_) return Fail("TOO_FEW_BYTES");
    if (!IsZero(next_ + size, end)) return Fail("INVALID_PADDING_BYTE");
    *at = static_cast<uint32_t>(next_);
    next_ = end;
    return true;
  }

  bool DecodeInline(const FidlType& type, uint32_t at, uint32_t depth) {
    switch (type.kind) {
      case FidlKind::kPrimitive:
        return true;
      case FidlKind::kBool:
      case FidlKind::kEnum:
      case FidlKind::kBits:
        if (const char* error = CheckScalar(type, At(at))) return Fail(error);
        return true;
      case FidlKind::kStruct:
        return DecodeStruct(type, at, depth);
      case FidlKind::kArray: {
        if (type.plain) return true;
        const FidlType& element = *type.element;
        for (uint32_t i = 0; i < type.count; ++i) {
          if (!DecodeInline(element, at + i * element.inline_size, depth)) return false;
        }
        return true;
      }
      case FidlKind::kVector:
      case FidlKind::kString:
        return DecodeVector(type, at, depth);
      case FidlKind::kBox: {
        uint64_t marker = Read<uint64_t>(at);
        if (marker == 0) return true;
        if (marker != kAllocPresent) return Fail("INVALID_PRESENCE_INDICATOR");
        if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
        uint32_t child;
        if (!Claim(type.element->inline_size, &child)) return false;
        Write(at, At(child));
        return DecodeInline(*type.element, child, depth + 1);
      }
      case FidlKind::kHandle:
        return DecodeHandle(type, at);
      case FidlKind::kTable:
        return DecodeTable(type, at, depth);
      case FidlKind::kUnion:
        return DecodeUnion(type, at, depth);
    }
    return Fail("UNKNOWN_TYPE_KIND");
  }

  bool DecodeStruct(const FidlType& type, uint32_t at, uint32_t depth) {
    if (type.plain) return true;
    if (type.count == 0) {  // empty struct
      return Read<uint8_t>(at) == 0 || Fail("INVALID_EMPTY_STRUCT");
    }
    uint32_t expected = 0;  // end of the previous field: the gap up to the next is padding
    for (uint32_t i = 0; i < type.count; ++i) {
      const FidlStructField& field = type.fields[i];
      if (!IsZero(at + expected, at + field.offset)) return Fail("INVALID_PADDING_BYTE");
      if (!DecodeInline(*field.type, at + field.offset, depth)) return false;
      expected = field.offset + field.type->inline_size;
    }
    if (!IsZero(at + expected, at + type.inline_size)) return Fail("INVALID_PADDING_BYTE");
    return true;
  }

  bool DecodeVector(const FidlType& type, uint32_t at, uint32_t depth) {
    bool is_string = type.kind == FidlKind::kString;
    uint64_t count = Read<uint64_t>(at);
    uint64_t marker = Read<uint64_t>(at + 8);
    if (marker != 0 && marker != kAllocPresent) return Fail("INVALID_PRESENCE_INDICATOR");
    if (const char* error = CheckVectorHeader(type, count, marker != 0)) return Fail(error);
    if (marker == 0) return true;
    if (count == 0) {
      Write(at + 8, At(next_));  // present and empty: non-null, zero bytes
      return true;
    }
    if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
    const FidlType& element = *type.element;
    uint32_t body;
    if (!Claim(count * element.inline_size, &body)) return false;
    Write(at + 8, At(body));
    if (is_string && !IsValidUtf8(reinterpret_cast<const char*>(At(body)), count)) {
      return Fail("STRING_NOT_UTF8");
    }
    if (NeedsNoWalk(element)) return true;
    for (uint64_t i = 0; i < count; ++i) {
      if (!DecodeInline(element, static_cast<uint32_t>(body + i * element.inline_size),
                        depth + 1)) {
        return false;
      }
    }
    return true;
  }

  bool DecodeHandle(const FidlType& type, uint32_t at) {
    uint32_t marker = Read<uint32_t>(at);
    if (marker == 0) return type.nullable || Fail("NON_NULLABLE_TYPE_WITH_NULL_VALUE");
    if (marker != kHandlePresent) return Fail("INVALID_HANDLE_PRESENCE_INDICATOR");
    if (next_handle_ >= num_handles_) return Fail("TOO_FEW_HANDLES");
    zx_handle_t handle = handles_[next_handle_++];
    if (check_handle_ != nullptr && type.handle_type != ZX_OBJ_TYPE_NONE &&
        !check_handle_(handle, type.handle_type)) {
      return Fail("INCORRECT_HANDLE_TYPE");
    }
    Write(at, handle);
    return true;
  }

  bool DecodeTable(const FidlType& type, uint32_t at, uint32_t depth) {
    uint64_t count = Read<uint64_t>(at);
    uint64_t marker = Read<uint64_t>(at + 8);
    if (marker == 0) return Fail("NON_NULLABLE_TYPE_WITH_NULL_VALUE");
    if (marker != kAllocPresent) return Fail("INVALID_PRESENCE_INDICATOR");
    if (count > UINT32_MAX) return Fail("TABLE_COUNT_EXCEEDS_32_BIT_LIMIT");
    if (count == 0) {
      Write(at + 8, static_cast<void*>(nullptr));
      return true;
    }
    if (depth + 2 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
    uint32_t envelopes;
    if (!Claim(count * 8, &envelopes)) return false;
    Write(at + 8, At(envelopes));
    for (uint64_t i = 0; i < count; ++i) {
      const FidlMember* member = FindMember(type, i + 1);
      if (!DecodeEnvelope(member ? member->type : nullptr,
                          static_cast<uint32_t>(envelopes + i * 8), depth + 1)) {
        return false;
      }
    }
    return true;
  }

  bool DecodeUnion(const FidlType& type, uint32_t at, uint32_t depth) {
    uint64_t ordinal = Read<uint64_t>(at);
    if (ordinal == 0) {
      if (Read<uint64_t>(at + 8) != 0) return Fail("UNION_FIELD_NOT_SET");
      return type.nullable || Fail("NON_NULLABLE_TYPE_WITH_NULL_VALUE");
    }
    if (Read<uint64_t>(at + 8) == 0) return Fail("UNION_FIELD_NOT_SET");
    const FidlMember* member = FindMember(type, ordinal);
    if (member == nullptr && type.strict) return Fail("STRICT_UNION_UNKNOWN_FIELD");
    return DecodeEnvelope(member ? member->type : nullptr, at + 8, depth);
  }

  // `type` null: unknown content, skipped and its handles closed.
  bool DecodeEnvelope(const FidlType* type, uint32_t at, uint32_t depth) {
    uint32_t num_bytes = Read<uint32_t>(at);
    uint16_t num_handles = Read<uint16_t>(at + 4);
    uint16_t flags = Read<uint16_t>(at + 6);
    if (num_bytes == 0 && num_handles == 0 && flags == 0) return true;  // absent
    if ((flags & ~kEnvelopeInlineFlag) != 0) return Fail("INVALID_INLINE_MARKER_IN_ENVELOPE");
    if (num_handles > num_handles_ - next_handle_) {
      return Fail("ENVELOPE_HANDLES_EXCEED_MESSAGE_LENGTH");
    }
    if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
    bool is_inline = flags == kEnvelopeInlineFlag;
    if (type == nullptr) return SkipUnknown(at, is_inline, num_bytes, num_handles);
    if (is_inline != InlinesInEnvelope(*type)) return Fail("INVALID_INLINE_BIT_IN_ENVELOPE");
    uint32_t handles_before = next_handle_;
    if (is_inline) {
      if (!IsZero(at + type->inline_size, at + 4)) return Fail("INVALID_PADDING_BYTE");
      if (!DecodeInline(*type, at, depth + 1)) return false;
      if (next_handle_ - handles_before != num_handles) {
        return Fail("INVALID_NUM_HANDLES_IN_ENVELOPE");
      }
      return true;
    }
    if (num_bytes % 8 != 0) return Fail("INVALID_NUM_BYTES_IN_ENVELOPE");
    if (num_bytes > num_bytes_ - next_) return Fail("ENVELOPE_BYTES_EXCEED_MESSAGE_LENGTH");
    uint64_t start = next_;
    uint32_t child;
    if (!Claim(type->inline_size, &child)) return false;
    if (!DecodeInline(*type, child, depth + 1)) return false;
    if (next_ - start != num_bytes) return Fail("INVALID_NUM_BYTES_IN_ENVELOPE");
    if (next_handle_ - handles_before != num_handles) {
      return Fail("INVALID_NUM_HANDLES_IN_ENVELOPE");
    }
    Write(at, At(child));
    return true;
  }

  bool SkipUnknown(uint32_t at, bool is_inline, uint32_t num_bytes, uint16_t num_handles) {
    if (!is_inline) {
      if (num_bytes % 8 != 0) return Fail("INVALID_NUM_BYTES_IN_ENVELOPE");
      if (num_bytes > num_bytes_ - next_) return Fail("ENVELOPE_BYTES_EXCEED_MESSAGE_LENGTH");
      Write(at, At(next_));  // present; never dereferenced as a type
      next_ += num_bytes;
    }
    CloseAnyHandles(handles_ + next_handle_, num_handles);
    for (uint16_t i = 0; i < num_handles; ++i) handles_[next_handle_ + i] = ZX_HANDLE_INVALID;
    next_handle_ += num_handles;
    return true;
  }

  uint8_t* bytes_;
  uint64_t num_bytes_;
  uint64_t next_ = 0;
  zx_handle_t* handles_;
  uint32_t num_handles_;
  uint32_t next_handle_ = 0;
  HandleTypeCheck check_handle_;
  const char* error_ = nullptr;
};

}  // namespace

Status Decode(const FidlType& type, uint8_t* bytes, uint32_t num_bytes, uint32_t offset,
              zx_handle_t* handles, uint32_t num_handles, HandleTypeCheck check_handle) {
  Decoder decoder(bytes, num_bytes, handles, num_handles, check_handle);
  if (!decoder.DecodeTopLevel(type, offset)) {
    CloseAnyHandles(handles, num_handles);
    return Status::DecodeError(ZX_ERR_INVALID_ARGS, decoder.error());
  }
  return Status::Ok();
}

}  // namespace fidl::internal
