// Stand-in for the generated banjo C++ header of the corpus's fuchsia.hardware.blockio: the client
// with fidlgen_banjo's signatures (Query returns the block count beside two out-parameters), and
// the server's mixin.
#pragma once
#include <lib/ddk/device.h>
#include <zircon/types.h>

typedef struct blockio_protocol_ops blockio_protocol_ops_t;
typedef struct blockio_protocol {
  const blockio_protocol_ops_t* ops;
  void* ctx;
} blockio_protocol_t;

namespace ddk {
class BlockioProtocolClient {
 public:
  BlockioProtocolClient() = default;
  explicit BlockioProtocolClient(const blockio_protocol_t* proto) {}
  bool is_valid() const { return true; }
  uint64_t Query(uint32_t* out_block_size, uint32_t* out_max_transfer_blocks) const { return 0; }
  zx_status_t UnregisterVmo(uint32_t vmo_id) const { return ZX_OK; }
};
// The server's mixin (its methods are the server's own).
template <typename D>
class BlockioProtocol {
 protected:
  int blockio_protocol_ops_ = 0;
};
}  // namespace ddk
