// Closes the handles a decoded object still owns: what a message's consumer did not move out.
#include <lib/fidl/cpp/wire/codec.h>
#include <lib/fidl/cpp/wire/envelope.h>

#include <cstring>

#include "runtime/fidl/value_checks.h"

namespace fidl::internal {
namespace {

void Close(const FidlType& type, uint8_t* value, uint32_t depth);

void CloseEnvelope(const FidlType& type, WireEnvelope* envelope, uint32_t depth) {
  if (envelope->is_empty()) return;
  if (InlinesInEnvelope(type) != envelope->is_inline()) return;  // unknown shape: not ours
  Close(type, envelope->get<uint8_t>(), depth + 1);
}

void Close(const FidlType& type, uint8_t* value, uint32_t depth) {
  if (!type.resource || depth > 64) return;
  switch (type.kind) {
    case FidlKind::kHandle: {
      zx_handle_t handle;
      std::memcpy(&handle, value, sizeof(handle));
      CloseAnyHandle(handle);
      std::memset(value, 0, sizeof(handle));
      return;
    }
    case FidlKind::kStruct:
      for (uint32_t i = 0; i < type.count; ++i) {
        Close(*type.fields[i].type, value + type.fields[i].offset, depth);
      }
      return;
    case FidlKind::kArray:
      for (uint32_t i = 0; i < type.count; ++i) {
        Close(*type.element, value + i * type.element->inline_size, depth);
      }
      return;
    case FidlKind::kVector: {
      uint64_t count;
      uint8_t* data;
      std::memcpy(&count, value, 8);
      std::memcpy(&data, value + 8, 8);
      if (data == nullptr) return;
      for (uint64_t i = 0; i < count; ++i) {
        Close(*type.element, data + i * type.element->inline_size, depth + 1);
      }
      return;
    }
    case FidlKind::kBox: {
      uint8_t* object;
      std::memcpy(&object, value, 8);
      if (object != nullptr) Close(*type.element, object, depth + 1);
      return;
    }
    case FidlKind::kTable: {
      uint64_t max_ordinal;
      WireEnvelope* frame;
      std::memcpy(&max_ordinal, value, 8);
      std::memcpy(&frame, value + 8, 8);
      if (frame == nullptr) return;
      for (uint64_t i = 0; i < max_ordinal; ++i) {
        if (const FidlMember* member = FindMember(type, i + 1)) {
          CloseEnvelope(*member->type, &frame[i], depth + 1);
        }
      }
      return;
    }
    case FidlKind::kUnion: {
      uint64_t ordinal;
      std::memcpy(&ordinal, value, 8);
      if (const FidlMember* member = FindMember(type, ordinal)) {
        CloseEnvelope(*member->type, reinterpret_cast<WireEnvelope*>(value + 8), depth);
      }
      return;
    }
    default:
      return;
  }
}

}  // namespace

void CloseHandles(const FidlType& type, void* value) {
  Close(type, static_cast<uint8_t*>(value), 0);
}

}  // namespace fidl::internal
