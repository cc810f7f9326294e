// One queued message: pointers into the sender's arena, never a copy of the data. Packet shells
// are recycled through a per-channel-pair free list, so steady traffic allocates nothing and the
// sender's arena does not grow per message.
#ifndef FDFKIT_RUNTIME_FDF_MESSAGE_PACKET_H_
#define FDFKIT_RUNTIME_FDF_MESSAGE_PACKET_H_

#include <lib/fdf/types.h>

#include "runtime/fdf/intrusive_list.h"

namespace fdf_internal {

class Arena;

struct MessageContents {
  Arena* arena = nullptr;  // holds one reference while the message is owned by the channel
  void* data = nullptr;
  uint32_t num_bytes = 0;
  zx_handle_t* handles = nullptr;
  uint32_t num_handles = 0;

  // Closes the handles and drops the arena reference of a message nobody will read.
  void Discard();
  // The txid of a message that can carry one.
  bool has_txid() const { return num_bytes >= sizeof(fdf_txid_t); }
  fdf_txid_t txid() const {
    fdf_txid_t id;
    __builtin_memcpy(&id, data, sizeof(id));
    return id;
  }
};

struct MessagePacket : ListNode {
  MessageContents contents;
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_MESSAGE_PACKET_H_
