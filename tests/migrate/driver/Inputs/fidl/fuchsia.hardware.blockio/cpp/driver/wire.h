// Stand-in for the clone's generated driver-transport bindings of fuchsia.hardware.blockio: the
// shapes a rewritten client and server use, nothing behind them.
#pragma once
#include <lib/fidl_driver/cpp/wire_messaging.h>

namespace fuchsia_hardware_blockio {
class Blockio;
struct Service {
  struct Device {
    using ProtocolType = Blockio;
  };
};
namespace wire {
struct Empty {};
struct BlockioQueryResponse {
  uint64_t block_count;
  uint32_t block_size;
  uint32_t max_transfer_blocks;
};
}  // namespace wire

class BlockioCalls {
 public:
  BlockioCalls* operator->() { return this; }
  fidl::PlainResult<wire::BlockioQueryResponse> Query() { return {}; }
  fidl::Result<wire::Empty> UnregisterVmo(uint32_t vmo_id) { return {}; }
};
}  // namespace fuchsia_hardware_blockio

template <>
class fdf::WireSyncClient<fuchsia_hardware_blockio::Blockio> {
 public:
  WireSyncClient() = default;
  template <typename End>
  explicit WireSyncClient(End&&) {}
  bool is_valid() const { return true; }
  template <typename End>
  void Bind(End&&) {}
  fuchsia_hardware_blockio::BlockioCalls buffer(const Arena&) const { return {}; }
};

template <>
class fdf::WireServer<fuchsia_hardware_blockio::Blockio> {
 public:
  using QueryCompleter = fidl::Completer<uint64_t, uint32_t, uint32_t>;
  virtual void Query(Arena&, QueryCompleter::Sync&) {}
};
