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
#include <vector>

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

// Walks the sender's object without changing what it means until the walk has succeeded: pointers
// it redirects to arena copies are recorded so a failure can put them back, and handles are only
// collected. On success the handles move into an arena table of exactly their number and each
// field gets its 1-based index; on failure the object is as it was, and every handle in it is
// closed (a failed send consumes them, as encoding does).
class TransferPreparer {
 public:
  explicit TransferPreparer(fdf_arena_t* arena) : arena_(arena) {}
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
        Redirect(value, in_arena);
        return Walk(*type.element, in_arena, object, depth + 1);
      }
      case FidlKind::kHandle: {
        auto handle = Load<zx_handle_t>(value);
        if (handle == ZX_HANDLE_INVALID) {
          return type.nullable || Fail("NON_NULLABLE_TYPE_WITH_NULL_VALUE");
        }
        if (count_ >= kFidlMaxMessageHandles) return Fail("TOO_MANY_HANDLES", ZX_ERR_OUT_OF_RANGE);
        handles_[count_] = handle;
        fields_[count_++] = {value, origin};
        return true;
      }
      case FidlKind::kTable: {
        auto max_ordinal = Load<uint64_t>(value);
        auto* frame = Load<uint8_t*>(value + 8);
        if (max_ordinal == 0 || frame == nullptr) {
          if (max_ordinal != 0) Redirect(value, nullptr);  // no frame: count 0, an empty table
          return true;
        }
        if (max_ordinal > UINT32_MAX) return Fail("TABLE_COUNT_EXCEEDS_32_BIT_LIMIT");
        if (depth + 2 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
        uint8_t* in_arena;
        if (!OnArena(frame, max_ordinal * 8, &in_arena)) return false;
        Redirect(value + 8, in_arena);
        for (uint64_t i = 0; i < max_ordinal; ++i) {
          auto* envelope = reinterpret_cast<WireEnvelope*>(in_arena + i * 8);
          if (envelope->is_empty()) continue;
          const FidlMember* member = FindMember(type, i + 1);
          if (member == nullptr) {
            if (!ForwardUnknown(type, *envelope)) return false;
            continue;
          }
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
        if (member == nullptr) {
          if (type.strict) return Fail("UNKNOWN_UNION_TAG");
          return ForwardUnknown(type, *envelope);
        }
        return WalkEnvelope(*member->type, envelope, origin + 8, depth);
      }
    }
    return Fail("UNKNOWN_TYPE_KIND");
  }

  // After a successful walk: the handle table, and each handle field's index.
  bool Commit(TransferHandles* out) {
    out->handles = nullptr;
    out->count = 0;
    if (count_ == 0) return true;
    out->handles = static_cast<zx_handle_t*>(
        fdf_arena_allocate(arena_, sizeof(zx_handle_t) * static_cast<size_t>(count_)));
    if (out->handles == nullptr) return Fail("OUT_OF_MEMORY", ZX_ERR_NO_MEMORY);
    for (uint32_t i = 0; i < count_; ++i) {
      out->handles[i] = handles_[i];
      Store<uint32_t>(fields_[i].field, i + 1);  // 1-based index into the handle table
      if (fields_[i].origin != fields_[i].field) Store<zx_handle_t>(fields_[i].origin, 0);
    }
    out->count = count_;
    return true;
  }

  // After a failed walk: the object's pointers as they were, so its handles can be found (and
  // closed) where they live.
  void Undo() {
    for (auto it = rewrites_.rbegin(); it != rewrites_.rend(); ++it) Store(it->at, it->old_bits);
    rewrites_.clear();
  }

 private:
  struct HandleField {
    uint8_t* field;
    uint8_t* origin;
  };
  struct Rewrite {
    uint8_t* at;
    uint64_t old_bits;
  };

  bool Fail(const char* error, zx_status_t status = ZX_ERR_INVALID_ARGS) {
    error_ = error;
    status_ = status;
    return false;
  }

  // Writes `pointer` (null: zero) over the 8 bytes at `at`, remembering what was there.
  void Redirect(uint8_t* at, uint8_t* pointer) {
    auto old_bits = Load<uint64_t>(at);
    auto new_bits = reinterpret_cast<uint64_t>(pointer);
    if (old_bits == new_bits) return;
    rewrites_.push_back({at, old_bits});
    Store(at, new_bits);
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

  // A member this side does not know, received earlier and sent on: its bytes cross as they are.
  // Only for value types, whose unknown content holds no handles (the receiver closed those of a
  // resource type's); out-of-line content must already be on the arena (its size is unknown).
  bool ForwardUnknown(const FidlType& type, const WireEnvelope& envelope) {
    if (type.resource) return Fail("UNKNOWN_RESOURCE_CONTENT");
    if (envelope.is_inline()) return true;
    if (!fdf_arena_contains(arena_, envelope.pointer(), 1)) {
      return Fail("UNKNOWN_CONTENT_OUTSIDE_ARENA");
    }
    return true;
  }

  bool WalkVector(const FidlType& type, uint8_t* value, uint32_t depth) {
    bool is_string = type.kind == FidlKind::kString;
    auto count = Load<uint64_t>(value);
    auto* data = Load<uint8_t*>(value + 8);
    // A default view (no data, count 0) in a required field is an empty vector, as Fuchsia's
    // wire encoder sends it: the receiver sees a present, empty vector.
    if (data == nullptr && count == 0 && !type.nullable) {
      auto* empty = static_cast<uint8_t*>(fdf_arena_allocate(arena_, 8));
      if (empty == nullptr) return Fail("OUT_OF_MEMORY", ZX_ERR_NO_MEMORY);
      Redirect(value + 8, empty);
      return true;
    }
    if (const char* error = CheckVectorHeader(type, count, data != nullptr)) return Fail(error);
    if (data == nullptr || count == 0) return true;
    if (is_string && !IsValidUtf8(reinterpret_cast<const char*>(data), count)) {
      return Fail("STRING_NOT_UTF8");
    }
    if (depth + 1 > kFidlMaxDepth) return Fail("EXCEEDED_MAX_OUT_OF_LINE_DEPTH");
    const FidlType& element = *type.element;
    uint8_t* in_arena;
    if (!OnArena(data, count * element.inline_size, &in_arena)) return false;
    Redirect(value + 8, in_arena);
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
    Redirect(reinterpret_cast<uint8_t*>(envelope), in_arena);
    return Walk(type, in_arena, content, depth + 1);
  }

  fdf_arena_t* arena_;
  zx_handle_t handles_[kFidlMaxMessageHandles];
  HandleField fields_[kFidlMaxMessageHandles];
  uint32_t count_ = 0;
  // Pointers redirected to arena copies: none when the object is already on the arena (the
  // common case), so no allocation then.
  std::vector<Rewrite> rewrites_;
  const char* error_ = nullptr;
  zx_status_t status_ = ZX_OK;
};

class TransferAcceptor {
 public:
  TransferAcceptor(fdf_arena_t* arena, zx_handle_t* handles, uint32_t num_handles,
                   HandleTypeCheck check_handle)
      : arena_(arena), handles_(handles), num_handles_(num_handles), check_handle_(check_handle) {}
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
        zx_handle_t handle = handles_[index - 1];
        if (check_handle_ != nullptr && type.handle_type != ZX_OBJ_TYPE_NONE &&
            !check_handle_(handle, type.handle_type)) {
          return Fail("INCORRECT_HANDLE_TYPE");
        }
        claimed_ |= uint64_t{1} << (index - 1);
        Store(value, handle);
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
  HandleTypeCheck check_handle_;
  uint64_t claimed_ = 0;
  const char* error_ = nullptr;
};

}  // namespace

Status PrepareTransferByWalk(const FidlType& type, void* value, fdf_arena_t* arena,
                             TransferHandles* handles) {
  TransferPreparer preparer(arena);
  auto* bytes = static_cast<uint8_t*>(value);
  if (!preparer.Walk(type, bytes, bytes, 0) || !preparer.Commit(handles)) {
    preparer.Undo();
    CloseHandles(type, value);
    handles->handles = nullptr;
    handles->count = 0;
    return Status::EncodeError(preparer.status(), preparer.error());
  }
  return Status::Ok();
}

Status AcceptTransferByWalk(const FidlType& type, void* value, fdf_arena_t* arena,
                            zx_handle_t* handles, uint32_t num_handles,
                            HandleTypeCheck check_handle) {
  if (num_handles > kFidlMaxMessageHandles) {
    CloseAnyHandles(handles, num_handles);
    return Status::DecodeError(ZX_ERR_INVALID_ARGS, "TOO_MANY_HANDLES_IN_MESSAGE");
  }
  TransferAcceptor acceptor(arena, handles, num_handles, check_handle);
  if (!acceptor.Walk(type, static_cast<uint8_t*>(value), 0)) {
    CloseAnyHandles(handles, num_handles);
    return Status::DecodeError(ZX_ERR_INVALID_ARGS, acceptor.error());
  }
  acceptor.CloseUnclaimed();
  return Status::Ok();
}

}  // namespace fidl::internal
