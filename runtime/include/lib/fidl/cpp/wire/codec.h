// The generic walkers over coding tables (runtime/fidl/*.cc):
//   Encode / MeasureEncoded  decoded object → wire format v2 bytes + handles (channel transport
//                            and the driver transport's linearizing mode)
//   Decode                   wire bytes → decoded object, in place, with every check of the
//                            wire-format decoder checklist
//   PrepareTransfer          driver transport, zero copy: the sender's object stays where it is;
//                            out-of-line parts not on the message arena are copied onto it and
//                            handles move into the arena's handle table
//   AcceptTransfer           the receiver's side: every pointer must lie in the message arena,
//                            values are validated, handles return to their fields
//   CloseHandles             closes the handles a decoded object still owns
// Every failure names the GIDL conformance error (Status::lossy_description()).
#ifndef LIB_FIDL_CPP_WIRE_CODEC_H_
#define LIB_FIDL_CPP_WIRE_CODEC_H_

#include <lib/fdf/types.h>
#include <lib/fidl/cpp/wire/coding_table.h>
#include <lib/fidl/cpp/wire/status.h>
#include <zircon/types.h>

#include <cstdint>

namespace fidl::internal {

// What the declaration says about an outgoing handle (the channel transport's disposition).
struct HandleMetadata {
  zx_obj_type_t type;
  zx_rights_t rights;
};

struct EncodedSize {
  uint32_t num_bytes;
  uint32_t num_handles;
};

// Bytes and handles `value` encodes to, with the primary object at `offset` (16 after a
// transactional header, else 0). Fails on values the encoder would reject for size.
Status MeasureEncoded(const FidlType& type, const void* value, uint32_t offset, EncodedSize* out);

struct EncodeTarget {
  uint8_t* bytes;  // 8-byte aligned; bytes [0, offset) are left to the caller (the header)
  uint32_t capacity;
  zx_handle_t* handles;
  HandleMetadata* handle_metadata;  // may be null
  uint32_t handle_capacity;
};

// Encodes `value` (whose handles move into `target.handles`; the fields are zeroed). On failure
// the handles taken so far are closed.
Status Encode(const FidlType& type, void* value, uint32_t offset, const EncodeTarget& target,
              EncodedSize* out);

// Checks an incoming handle against the declared object type (channel transport); null skips.
using HandleTypeCheck = bool (*)(zx_handle_t handle, zx_obj_type_t declared);
// The check both transports use: the handle's object type is the declared one.
bool HandleHasType(zx_handle_t handle, zx_obj_type_t declared);

// Decodes bytes[offset..num_bytes) in place as `type`. All handles are consumed: placed into the
// object, closed as unknown content, or closed on failure.
Status Decode(const FidlType& type, uint8_t* bytes, uint32_t num_bytes, uint32_t offset,
              zx_handle_t* handles, uint32_t num_handles, HandleTypeCheck check_handle);

// The handle table PrepareTransfer makes: exactly `count` entries on the arena (null when none).
struct TransferHandles {
  zx_handle_t* handles;
  uint32_t count;
};

// The generic walks behind PrepareTransfer and AcceptTransfer.
Status PrepareTransferByWalk(const FidlType& type, void* value, fdf_arena_t* arena,
                             TransferHandles* handles);
// `check_handle` (may be null) vets each claimed handle against its declared object type.
Status AcceptTransferByWalk(const FidlType& type, void* value, fdf_arena_t* arena,
                            zx_handle_t* handles, uint32_t num_handles,
                            HandleTypeCheck check_handle = nullptr);

// Inline: a simple struct that passes its generated in-place predicate (in_place.h) crosses as it
// is, with no call into the walk -- the common driver message, on every call.
inline Status PrepareTransfer(const FidlType& type, void* value, fdf_arena_t* arena,
                              TransferHandles* handles) {
  if (type.in_place != nullptr && type.in_place(value, arena)) return Status::Ok();
  return PrepareTransferByWalk(type, value, arena, handles);
}
// `value` (the primary object) must itself have been checked to lie in `arena`.
inline Status AcceptTransfer(const FidlType& type, void* value, fdf_arena_t* arena,
                             zx_handle_t* handles, uint32_t num_handles,
                             HandleTypeCheck check_handle = nullptr) {
  if (num_handles == 0 && type.in_place != nullptr && type.in_place(value, arena)) {
    return Status::Ok();
  }
  return AcceptTransferByWalk(type, value, arena, handles, num_handles, check_handle);
}

void CloseHandles(const FidlType& type, void* value);

// Closes a zircon or a driver-runtime handle.
void CloseAnyHandle(zx_handle_t handle);
void CloseAnyHandles(const zx_handle_t* handles, uint32_t count);

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_CODEC_H_
