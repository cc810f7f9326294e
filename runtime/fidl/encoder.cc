// Decoded object → wire format v2 (§1.3–1.10): one cursor, depth-first pre-order, zero padding,
// canonical table counts, the envelope inline rule, handles moved out with their declared
// metadata. MeasureEncoded runs the same walk without writing.
#include <lib/fidl/cpp/wire/codec.h>
#include <lib/fidl/cpp/wire/envelope.h>
#include <lib/fidl/cpp/wire/message_header.h>

#include <cstring>

#include "runtime/fidl/value_checks.h"

namespace fidl::internal {
namespace {

class Encoder {
 public:
  // A null `target` measures only.
  Encoder(const EncodeTarget* target) : target_(target) {}

  bool EncodeTopLevel(const FidlType& type, void* value, uint32_t offset) {
    next_ = offset;
    uint32_t at;
    if (!Claim(type.inline_size, &at)) return false;
    return EncodeInline(type, value, at, 0);
  }
  uint64_t num_bytes() const { return next_; }
  uint32_t num_handles() const { return handles_; }
  const char* error() const { return error_; }
  zx_status_t status() const { return status_; }
  void CloseTakenHandles() {
    if (target_ != nullptr) CloseAnyHandles(target_->handles, handles_);
  }

 private:
  bool Fail(const char* error, zx_status_t status = ZX_ERR_INVALID_ARGS) {
    error_ = error;
    status_ = status;
    return false;
  }
  uint8_t* At(uint64_t offset) { return target_->bytes + offset; }

  // Claims an 8-aligned, zero-filled out-of-line object.
  bool Claim(uint64_t size, uint32_t* at) {
    uint64_t end = next_ + Align8(size);
    uint64_t limit = target_ ? target_->capacity : UINT32_MAX;
    if (end > limit) return Fail("MESSAGE_TOO_LARGE", ZX_ERR_BUFFER_TOO_SMALL);
    *at = static_cast<uint32_t>(next_);
    if (target_ != nullptr) std::memset(At(next_), 0, end - next_);
    next_ = end;
    return true;
  }

  void Copy(uint32_t at, const void* from, size_t size) {
    if (target_ != nullptr && size != 0) std::memcpy(At(at), from, size);
  }
  template <typename T>
  void Write(uint32_t at, T value) {
    if (target_ != nullptr) std::memcpy(At(at), &value, sizeof(T));
  }

  bool EncodeInline(const FidlType& type, void* value, uint32_t at, uint32_t depth) {
    auto* bytes = static_cast<uint8_t*>(value);
    switch (type.kind) {
      case FidlKind::kPrimitive:
        Copy(at, value, type.inline_size);
        return true;
      case FidlKind::kBool:
      case FidlKind::kEnum:
      case FidlKind::kBits:
        if (const char* error = CheckScalar(type, value)) return Fail(error);
        Copy(at, value, type.inline_size);
        return true;
      case FidlKind::kStruct:
        if (type.plain) {
          Copy(at, value, type.inline_size);
          return true;
        }
        for (uint32_t i = 0; i < type.count; ++i) {
          const FidlStructField& field = type.fields[i];
          if (!EncodeInline(*field.type, bytes + field.offset, at + field.offset, depth)) {
            return false;
          }
        }
        return true;
      case FidlKind::kArray: {
        const FidlType& element = *type.element;
        if (type.plain) {
          Copy(at, value, type.inline_size);
          return true;
        }
        for (uint32_t i = 0; i < type.count; ++i) {
          uint32_t offset = i * element.inline_size;
          if (!EncodeInline(element, bytes + offset, at + offset, depth)) return false;
        }
        return true;
      }
      case FidlKind::kVector:
      case FidlKind::kString:
        return EncodeVector(type, bytes, at, depth);
      case FidlKind::kBox: {
        void* object;
        std::memcpy(&object, value, sizeof(object));
        if (object == nullptr) return true;  // absent: the zeroed marker
        Write(at, kAllocPresent);
        if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
        uint32_t child;
        if (!Claim(type.element->inline_size, &child)) return false;
        return EncodeInline(*type.element, object, child, depth + 1);
      }
      case FidlKind::kHandle:
        return EncodeHandle(type, value, at);
      case FidlKind::kTable:
        return EncodeTable(type, bytes, at, depth);
      case FidlKind::kUnion: {
        uint64_t ordinal;
        std::memcpy(&ordinal, value, 8);
        auto* envelope = reinterpret_cast<WireEnvelope*>(bytes + 8);
        if (ordinal == 0) {
          if (type.nullable && envelope->is_empty()) return true;
          return Fail("UNION_FIELD_NOT_SET");
        }
        const FidlMember* member = FindMember(type, ordinal);
        if (member == nullptr) return Fail("UNKNOWN_UNION_TAG");
        Write(at, ordinal);
        return EncodeEnvelope(*member->type, *envelope, at + 8, depth);
      }
    }
    return Fail("UNKNOWN_TYPE_KIND");
  }

  bool EncodeVector(const FidlType& type, uint8_t* value, uint32_t at, uint32_t depth) {
    uint64_t count;
    uint8_t* data;
    std::memcpy(&count, value, 8);
    std::memcpy(&data, value + 8, 8);
    // A default view (no data, count 0) in a required field encodes as an empty vector, as
    // Fuchsia's wire encoder writes it; only an optional one is absent. Decoding stays strict.
    bool present = data != nullptr || (count == 0 && !type.nullable);
    if (const char* error = CheckVectorHeader(type, count, present)) return Fail(error);
    if (!present) return true;  // absent: the zeroed header
    if (type.kind == FidlKind::kString && !IsValidUtf8(reinterpret_cast<const char*>(data), count)) {
      return Fail("STRING_NOT_UTF8");
    }
    Write(at, count);
    Write(at + 8, kAllocPresent);
    if (count == 0) return true;
    if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
    const FidlType& element = *type.element;
    uint64_t body_size = count * element.inline_size;
    uint32_t body;
    if (!Claim(body_size, &body)) return false;
    if (NeedsNoWalk(element)) {
      Copy(body, data, body_size);
      return true;
    }
    for (uint64_t i = 0; i < count; ++i) {
      uint64_t offset = i * element.inline_size;
      if (!EncodeInline(element, data + offset, static_cast<uint32_t>(body + offset), depth + 1)) {
        return false;
      }
    }
    return true;
  }

  bool EncodeHandle(const FidlType& type, void* value, uint32_t at) {
    zx_handle_t handle;
    std::memcpy(&handle, value, sizeof(handle));
    if (handle == ZX_HANDLE_INVALID) {
      return type.nullable || Fail("NON_NULLABLE_TYPE_WITH_NULL_VALUE");
    }
    uint32_t capacity = target_ ? target_->handle_capacity : kFidlMaxMessageHandles;
    if (handles_ >= capacity) return Fail("TOO_MANY_HANDLES", ZX_ERR_OUT_OF_RANGE);
    Write(at, kHandlePresent);
    if (target_ != nullptr) {
      target_->handles[handles_] = handle;
      if (target_->handle_metadata != nullptr) {
        target_->handle_metadata[handles_] = {type.handle_type, type.handle_rights};
      }
      std::memset(value, 0, sizeof(handle));  // moved into the message
    }
    ++handles_;
    return true;
  }

  bool EncodeTable(const FidlType& type, uint8_t* value, uint32_t at, uint32_t depth) {
    uint64_t max_ordinal;
    WireEnvelope* frame;
    std::memcpy(&max_ordinal, value, 8);
    std::memcpy(&frame, value + 8, 8);
    // Canonical form: the count is the highest ordinal actually set.
    uint64_t count = frame == nullptr ? 0 : max_ordinal;
    while (count > 0 && frame[count - 1].is_empty()) --count;
    Write(at, count);
    Write(at + 8, kAllocPresent);
    if (count == 0) return true;
    if (depth + 2 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
    uint32_t envelopes;
    if (!Claim(count * 8, &envelopes)) return false;
    for (uint64_t i = 0; i < count; ++i) {
      if (frame[i].is_empty()) continue;
      const FidlMember* member = FindMember(type, i + 1);
      if (member == nullptr) return Fail("UNKNOWN_TABLE_FIELD");
      if (!EncodeEnvelope(*member->type, frame[i], static_cast<uint32_t>(envelopes + i * 8),
                          depth + 1)) {
        return false;
      }
    }
    return true;
  }

  bool EncodeEnvelope(const FidlType& type, WireEnvelope& envelope, uint32_t at, uint32_t depth) {
    if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
    uint32_t handles_before = handles_;
    void* content = envelope.get<void>();
    if (content == nullptr) return Fail("ENVELOPE_CONTENT_MISSING");
    if (InlinesInEnvelope(type)) {
      if (!EncodeInline(type, content, at, depth + 1)) return false;
      Write(at + 4, static_cast<uint16_t>(handles_ - handles_before));
      Write(at + 6, kEnvelopeInlineFlag);
      return true;
    }
    uint32_t child;
    if (!Claim(type.inline_size, &child)) return false;
    if (!EncodeInline(type, content, child, depth + 1)) return false;
    Write(at, static_cast<uint32_t>(next_ - child));
    Write(at + 4, static_cast<uint16_t>(handles_ - handles_before));
    return true;
  }

  const EncodeTarget* target_;
  uint64_t next_ = 0;
  uint32_t handles_ = 0;
  const char* error_ = nullptr;
  zx_status_t status_ = ZX_OK;
};

}  // namespace

Status MeasureEncoded(const FidlType& type, const void* value, uint32_t offset,
                      EncodedSize* out) {
  Encoder encoder(nullptr);
  if (!encoder.EncodeTopLevel(type, const_cast<void*>(value), offset)) {
    return Status::EncodeError(encoder.status(), encoder.error());
  }
  *out = {static_cast<uint32_t>(encoder.num_bytes()), encoder.num_handles()};
  return Status::Ok();
}

Status Encode(const FidlType& type, void* value, uint32_t offset, const EncodeTarget& target,
              EncodedSize* out) {
  Encoder encoder(&target);
  if (!encoder.EncodeTopLevel(type, value, offset)) {
    encoder.CloseTakenHandles();
    return Status::EncodeError(encoder.status(), encoder.error());
  }
  *out = {static_cast<uint32_t>(encoder.num_bytes()), encoder.num_handles()};
  return Status::Ok();
}

}  // namespace fidl::internal
