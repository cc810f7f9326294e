// The partition layer: binds the block device's banjo child and serves one partition of it to the
// block client: it reports the partition's extent and moves each request into it (a request past
// its end stops here), passing the caller's callback and cookie down.
#include <fuchsia/hardware/blockio/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/compat/cpp/banjo_server.h>
#include <lib/driver/component/cpp/driver_export.h>

#include <atomic>
#include <string>

#include "corpus/drivers/block-stack/common/banjo_child.h"
#include "corpus/drivers/block-stack/common/block_layers.h"
#include "corpus/drivers/common/event_log.h"

namespace {

namespace bs = fdfkit::examples::block_stack;

class Partition : public fdf::DriverBase, public ddk::BlockioProtocol<Partition> {
 public:
  Partition(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("partition", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    zx::result below = compat::ConnectBanjo<ddk::BlockioProtocolClient>(incoming());
    if (below.is_error()) {
      fdfkit::examples::RecordEvent("partition", std::string("connect ") + below.status_string());
      return below.take_error();
    }
    parent_ = *below;
    below_.block_count = parent_.Query(&below_.block_size, &below_.max_transfer_blocks);
    zx::result child = bs::AddBanjoChild(node(), banjo_server_, "block-client");
    if (child.is_error()) return child.take_error();
    child_ = std::move(*child);
    fdfkit::examples::RecordEvent("partition", "start blocks=" + std::to_string(below_.block_count));
    return zx::ok();
  }
  void Stop() override {
    fdfkit::examples::RecordEvent("partition", "stop queued=" + std::to_string(queued_.load()) +
                                               " refused=" + std::to_string(refused_.load()));
  }

  uint64_t BlockioQuery(uint32_t* out_block_size, uint32_t* out_max_transfer_blocks) {
    bs::Geometry shown = bs::PartitionLayer::Describe(below_);
    *out_block_size = shown.block_size;
    *out_max_transfer_blocks = shown.max_transfer_blocks;
    return shown.block_count;
  }
  zx_status_t BlockioRegisterVmo(zx::vmo vmo, uint32_t* out_vmo_id) {
    return parent_.RegisterVmo(std::move(vmo), out_vmo_id);
  }
  zx_status_t BlockioUnregisterVmo(uint32_t vmo_id) { return parent_.UnregisterVmo(vmo_id); }
  // Called on any thread (banjo): the counters are atomic, the rest is read-only after Start.
  void BlockioQueue(uint32_t command, uint32_t vmo_id, uint32_t block_count, uint64_t block_offset,
                    uint64_t vmo_offset, blockio_queue_callback callback, void* cookie) {
    queued_.fetch_add(1, std::memory_order_relaxed);
    bs::BlockRequest request{command, vmo_id, block_count, block_offset, vmo_offset};
    zx_status_t status = bs::PartitionLayer::Map(below_, &request);
    if (status != ZX_OK) {
      refused_.fetch_add(1, std::memory_order_relaxed);
      callback(cookie, status);
      return;
    }
    parent_.Queue(request.command, request.vmo_id, request.block_count, request.block_offset,
                  request.vmo_offset, callback, cookie);
  }

 private:
  ddk::BlockioProtocolClient parent_;
  bs::Geometry below_;
  std::atomic<uint64_t> queued_{0};
  std::atomic<uint64_t> refused_{0};
  compat::BanjoServer banjo_server_{ZX_PROTOCOL_BLOCKIO, this, &blockio_protocol_ops_};
  fidl::ClientEnd<fuchsia_driver_framework::NodeController> child_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(Partition);
