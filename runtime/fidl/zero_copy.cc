// The driver transport's zero-copy hand-over (RFC-0126). The sender's decoded object is the
// message: PrepareTransfer only makes sure every out-of-line part lives on the message arena
// (copying the parts that do not) and moves handles into the arena's handle table, leaving in each
// handle field its 1-based index in that table. AcceptTransfer, on the receiving side, trusts
// nothing: every pointer must lie inside the arena that came with the message, values are
// validated as the decoder would, and handles return to their fields; handles nobody claims (those
// of unknown fields) are closed.
#include <lib/fdf/arena.h>
#include <lib/fidl/cpp/wire/codec.h>
#include <lib/fidl/cpp/wire/envelope.h>
#include <lib/fidl/cpp/wire/message_header.h>

#include <cstring>

#include "runtime/fidl/value_checks.h"

namespace fidl::internal {
namespace {

template <typename T>
T Load(const void* at) {
  T value;
  std::memcpy(&value, at, sizeof(T));
  return value;
}
template <typename T>
void Store(void* at, T value) {
  std::memcpy(at, &value, sizeof(T));
}

class TransferPreparer {
 public:
  TransferPreparer(fdf_arena_t* arena, TransferHandles* handles)
      : arena_(arena), handles_(handles) {}
  const char* error() const { return error_; }
  zx_status_t status() const { return status_; }

  // `origin` is where the object was before it was copied onto the arena (== value otherwise):
  // handles moved out of a copy are also cleared in the original, so nothing owns them twice.
  bool Walk(const FidlType& type, uint8_t* value, uint8_t* origin, uint32_t depth) {
    switch (type.kind) {
      case FidlKind::kPrimitive:
        return true;
      case FidlKind::kBool:
      case FidlKind::kEnum:
      case FidlKind::kBits:
        if (const char* error = CheckScalar(type, value)) return Fail(error);
        return true;
      case FidlKind::kStruct:
        if (type.plain) return true;
        for (uint32_t i = 0; i < type.count; ++i) {
          const FidlStructField& field = type.fields[i];
          if (NeedsNoWalk(*field.type)) continue;
          if (!Walk(*field.type, value + field.offset, origin + field.offset, depth)) return false;
        }
        return true;
      case FidlKind::kArray:
        if (type.plain) return true;
        for (uint32_t i = 0; i < type.count; ++i) {
          uint32_t offset = i * type.element->inline_size;
          if (!Walk(*type.element, value + offset, origin + offset, depth)) return false;
        }
        return true;
      case FidlKind::kVector:
      case FidlKind::kString:
        return WalkVector(type, value, depth);
      case FidlKind::kBox: {
        auto* object = Load<uint8_t*>(value);
        if (object == nullptr) return true;
        if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
        uint8_t* in_arena;
        if (!OnArena(object, type.element->inline_size, &in_arena)) return false;
        Store(value, in_arena);
        return Walk(*type.element, in_arena, object, depth + 1);
      }
      case FidlKind::kHandle: {
        auto handle = Load<zx_handle_t>(value);
        if (handle == ZX_HANDLE_INVALID) {
          return type.nullable || Fail("NON_NULLABLE_TYPE_WITH_NULL_VALUE");
        }
        if (handles_->count >= kFidlMaxMessageHandles) {
          return Fail("TOO_MANY_HANDLES", ZX_ERR_OUT_OF_RANGE);
        }
        handles_->handles[handles_->count++] = handle;
        Store<uint32_t>(value, handles_->count);  // 1-based index into the handle table
        if (origin != value) Store<zx_handle_t>(origin, ZX_HANDLE_INVALID);
        return true;
      }
      case FidlKind::kTable: {
        auto max_ordinal = Load<uint64_t>(value);
        auto* frame = Load<uint8_t*>(value + 8);
        if (max_ordinal == 0 || frame == nullptr) {
          Store<uint64_t>(value, 0);
          return true;
        }
        if (max_ordinal > UINT32_MAX) return Fail("TABLE_COUNT_EXCEEDS_32_BIT_LIMIT");
        if (depth + 2 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
        uint8_t* in_arena;
        if (!OnArena(frame, max_ordinal * 8, &in_arena)) return false;
        Store(value + 8, in_arena);
        for (uint64_t i = 0; i < max_ordinal; ++i) {
          auto* envelope = reinterpret_cast<WireEnvelope*>(in_arena + i * 8);
          if (envelope->is_empty()) continue;
          const FidlMember* member = FindMember(type, i + 1);
          if (member == nullptr) return Fail("UNKNOWN_TABLE_FIELD");
          if (!WalkEnvelope(*member->type, envelope, frame + i * 8, depth + 1)) return false;
        }
        return true;
      }
      case FidlKind::kUnion: {
        auto ordinal = Load<uint64_t>(value);
        auto* envelope = reinterpret_cast<WireEnvelope*>(value + 8);
        if (ordinal == 0) {
          if (type.nullable && envelope->is_empty()) return true;
          return Fail("UNION_FIELD_NOT_SET");
        }
        const FidlMember* member = FindMember(type, ordinal);
        if (member == nullptr) return Fail("UNKNOWN_UNION_TAG");
        return WalkEnvelope(*member->type, envelope, origin + 8, depth);
      }
    }
    return Fail("UNKNOWN_TYPE_KIND");
  }

 private:
  bool Fail(const char* error, zx_status_t status = ZX_ERR_INVALID_ARGS) {
    error_ = error;
    status_ = status;
    return false;
  }

  // The arena copy of [object, object + size): the object itself when it is already there.
  bool OnArena(uint8_t* object, uint64_t size, uint8_t** out) {
    if (size == 0 || fdf_arena_contains(arena_, object, size)) {
      *out = object;
      return true;
    }
    auto* copy = static_cast<uint8_t*>(fdf_arena_allocate(arena_, size));
    if (copy == nullptr) return Fail("OUT_OF_MEMORY", ZX_ERR_NO_MEMORY);
    std::memcpy(copy, object, size);
    *out = copy;
    return true;
  }

  bool WalkVector(const FidlType& type, uint8_t* value, uint32_t depth) {
    bool is_string = type.kind == FidlKind::kString;
    auto count = Load<uint64_t>(value);
    auto* data = Load<uint8_t*>(value + 8);
    if (const char* error = CheckVectorHeader(type, count, data != nullptr)) return Fail(error);
    if (data == nullptr || count == 0) return true;
    if (is_string && !IsValidUtf8(reinterpret_cast<const char*>(data), count)) {
      return Fail("STRING_NOT_UTF8");
    }
    if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
    const FidlType& element = *type.element;
    uint8_t* in_arena;
    if (!OnArena(data, count * element.inline_size, &in_arena)) return false;
    Store(value + 8, in_arena);
    if (NeedsNoWalk(element)) return true;
    for (uint64_t i = 0; i < count; ++i) {
      uint64_t offset = i * element.inline_size;
      if (!Walk(element, in_arena + offset, data + offset, depth + 1)) return false;
    }
    return true;
  }

  bool WalkEnvelope(const FidlType& type, WireEnvelope* envelope, uint8_t* origin,
                    uint32_t depth) {
    if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
    if (InlinesInEnvelope(type)) {
      if (!envelope->is_inline()) return Fail("INVALID_INLINE_BIT_IN_ENVELOPE");
      return Walk(type, envelope->get<uint8_t>(), origin, depth + 1);
    }
    if (envelope->is_inline()) return Fail("INVALID_INLINE_BIT_IN_ENVELOPE");
    auto* content = static_cast<uint8_t*>(envelope->pointer());
    uint8_t* in_arena;
    if (!OnArena(content, type.inline_size, &in_arena)) return false;
    envelope->SetPointer(in_arena);
    return Walk(type, in_arena, content, depth + 1);
  }

  fdf_arena_t* arena_;
  TransferHandles* handles_;
  const char* error_ = nullptr;
  zx_status_t status_ = ZX_OK;
};

class TransferAcceptor {
 public:
  TransferAcceptor(fdf_arena_t* arena, zx_handle_t* handles, uint32_t num_handles)
      : arena_(arena), handles_(handles), num_handles_(num_handles) {}
  const char* error() const { return error_; }
  // Handles that no field claimed: unknown content.
  void CloseUnclaimed() {
    for (uint32_t i = 0; i < num_handles_; ++i) {
      if ((claimed_ & (uint64_t{1} << i)) == 0) CloseAnyHandle(handles_[i]);
    }
  }

  bool Walk(const FidlType& type, uint8_t* value, uint32_t depth) {
    switch (type.kind) {
      case FidlKind::kPrimitive:
        return true;
      case FidlKind::kBool:
      case FidlKind::kEnum:
      case FidlKind::kBits:
        if (const char* error = CheckScalar(type, value)) return Fail(error);
        return true;
      case FidlKind::kStruct:
        if (type.plain) return true;
        for (uint32_t i = 0; i < type.count; ++i) {
          const FidlStructField& field = type.fields[i];
          if (NeedsNoWalk(*field.type)) continue;
          if (!Walk(*field.type, value + field.offset, depth)) return false;
        }
        return true;
      case FidlKind::kArray:
        if (type.plain) return true;
        for (uint32_t i = 0; i < type.count; ++i) {
          if (!Walk(*type.element, value + i * type.element->inline_size, depth)) return false;
        }
        return true;
      case FidlKind::kVector:
      case FidlKind::kString:
        return WalkVector(type, value, depth);
      case FidlKind::kBox: {
        auto* object = Load<uint8_t*>(value);
        if (object == nullptr) return true;
        if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
        if (!InArena(object, type.element->inline_size)) return false;
        return Walk(*type.element, object, depth + 1);
      }
      case FidlKind::kHandle: {
        auto index = Load<uint32_t>(value);
        if (index == 0) return type.nullable || Fail("NON_NULLABLE_TYPE_WITH_NULL_VALUE");
        if (index > num_handles_ || (claimed_ & (uint64_t{1} << (index - 1))) != 0) {
          return Fail("INVALID_HANDLE_INDEX");
        }
        claimed_ |= uint64_t{1} << (index - 1);
        Store(value, handles_[index - 1]);
        return true;
      }
      case FidlKind::kTable: {
        auto max_ordinal = Load<uint64_t>(value);
        auto* frame = Load<uint8_t*>(value + 8);
        if (max_ordinal == 0) return true;
        if (max_ordinal > UINT32_MAX) return Fail("TABLE_COUNT_EXCEEDS_32_BIT_LIMIT");
        if (depth + 2 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
        if (!InArena(frame, max_ordinal * 8)) return false;
        for (uint64_t i = 0; i < max_ordinal; ++i) {
          auto* envelope = reinterpret_cast<WireEnvelope*>(frame + i * 8);
          if (envelope->is_empty()) continue;
          const FidlMember* member = FindMember(type, i + 1);
          if (member == nullptr) continue;  // unknown field: never touched; its handles close
          if (!WalkEnvelope(*member->type, envelope, depth + 1)) return false;
        }
        return true;
      }
      case FidlKind::kUnion: {
        auto ordinal = Load<uint64_t>(value);
        auto* envelope = reinterpret_cast<WireEnvelope*>(value + 8);
        if (ordinal == 0) {
          if (!envelope->is_empty()) return Fail("UNION_FIELD_NOT_SET");
          return type.nullable || Fail("NON_NULLABLE_TYPE_WITH_NULL_VALUE");
        }
        if (envelope->is_empty()) return Fail("UNION_FIELD_NOT_SET");
        const FidlMember* member = FindMember(type, ordinal);
        if (member == nullptr) return !type.strict || Fail("STRICT_UNION_UNKNOWN_FIELD");
        return WalkEnvelope(*member->type, envelope, depth);
      }
    }
    return Fail("UNKNOWN_TYPE_KIND");
  }

 private:
  bool Fail(const char* error) {
    error_ = error;
    return false;
  }
  bool InArena(const void* object, uint64_t size) {
    return fdf_arena_contains(arena_, object, size) || Fail("POINTER_OUTSIDE_ARENA");
  }

  bool WalkVector(const FidlType& type, uint8_t* value, uint32_t depth) {
    bool is_string = type.kind == FidlKind::kString;
    auto count = Load<uint64_t>(value);
    auto* data = Load<uint8_t*>(value + 8);
    if (const char* error = CheckVectorHeader(type, count, data != nullptr)) return Fail(error);
    if (data == nullptr || count == 0) return true;
    if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
    const FidlType& element = *type.element;
    if (!InArena(data, count * element.inline_size)) return false;
    if (is_string && !IsValidUtf8(reinterpret_cast<const char*>(data), count)) {
      return Fail("STRING_NOT_UTF8");
    }
    if (NeedsNoWalk(element)) return true;
    for (uint64_t i = 0; i < count; ++i) {
      if (!Walk(element, data + i * element.inline_size, depth + 1)) return false;
    }
    return true;
  }

  bool WalkEnvelope(const FidlType& type, WireEnvelope* envelope, uint32_t depth) {
    if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
    if (InlinesInEnvelope(type) != envelope->is_inline()) {
      return Fail("INVALID_INLINE_BIT_IN_ENVELOPE");
    }
    if (envelope->is_inline()) return Walk(type, envelope->get<uint8_t>(), depth + 1);
    auto* content = static_cast<uint8_t*>(envelope->pointer());
    if (!InArena(content, type.inline_size)) return false;
    return Walk(type, content, depth + 1);
  }

  fdf_arena_t* arena_;
  zx_handle_t* handles_;
  uint32_t num_handles_;
  uint64_t claimed_ = 0;
  const char* error_ = nullptr;
};

}  // namespace

Status PrepareTransferByWalk(const FidlType& type, void* value, fdf_arena_t* arena,
                             TransferHandles* handles) {
  TransferPreparer preparer(arena, handles);
  auto* bytes = static_cast<uint8_t*>(value);
  if (!preparer.Walk(type, bytes, bytes, 0)) {
    CloseAnyHandles(handles->handles, handles->count);
    handles->count = 0;
    return Status::EncodeError(preparer.status(), preparer.error());
  }
  return Status::Ok();
}

Status AcceptTransferByWalk(const FidlType& type, void* value, fdf_arena_t* arena,
                            zx_handle_t* handles, uint32_t num_handles) {
  if (num_handles > kFidlMaxMessageHandles) {
    CloseAnyHandles(handles, num_handles);
    return Status::DecodeError(ZX_ERR_INVALID_ARGS, "TOO_MANY_HANDLES_IN_MESSAGE");
  }
  TransferAcceptor acceptor(arena, handles, num_handles);
  if (!acceptor.Walk(type, static_cast<uint8_t*>(value), 0)) {
    CloseAnyHandles(handles, num_handles);
    return Status::DecodeError(ZX_ERR_INVALID_ARGS, acceptor.error());
  }
  acceptor.CloseUnclaimed();
  return Status::Ok();
}

}  // namespace fidl::internal
