// The SD/MMC host controller, with a RAM card in its slot: binds the node the platform bus adds
// and serves the card over banjo to the SD/MMC core. Requests go to the controller's hardware
// queue; the first one queued raises the "interrupt" (a task on the driver's dispatcher), which
// moves the data of every queued request (RamCard::Transfer, the DMA) and calls each callback —
// so requests queued while it runs complete in the same pass, as a controller with a deep
// command queue completes them.
#include <fuchsia/hardware/blockio/cpp/banjo.h>
#include <lib/async/cpp/task.h>
#include <lib/driver/compat/cpp/banjo_server.h>
#include <lib/driver/component/cpp/driver_export.h>

#include <deque>
#include <mutex>
#include <string>

#include "corpus/drivers/block-stack/common/banjo_child.h"
#include "corpus/drivers/block-stack/common/block_layers.h"
#include "corpus/drivers/common/event_log.h"

namespace {

namespace bs = fdfkit::examples::block_stack;
static_assert(bs::kOpRead == BLOCKIO_OP_READ && bs::kOpWrite == BLOCKIO_OP_WRITE);

class SdmmcController : public fdf::DriverBase, public ddk::BlockioProtocol<SdmmcController> {
 public:
  SdmmcController(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("sdmmc-controller", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    zx::result child = bs::AddBanjoChild(node(), banjo_server_, "sdmmc");
    if (child.is_error()) return child.take_error();
    child_ = std::move(*child);
    fdfkit::examples::RecordEvent("sdmmc-controller",
                                  "start card_blocks=" + std::to_string(bs::kCardBlocks));
    return zx::ok();
  }
  void Stop() override {
    size_t canceled = CancelQueued();
    fdfkit::examples::RecordEvent("sdmmc-controller",
                                  "stop transferred=" + std::to_string(transferred_) +
                                      " interrupts=" + std::to_string(interrupts_) +
                                      " canceled=" + std::to_string(canceled));
  }

  uint64_t BlockioQuery(uint32_t* out_block_size, uint32_t* out_max_transfer_blocks) {
    bs::Geometry card = bs::RamCard::Describe();
    *out_block_size = card.block_size;
    *out_max_transfer_blocks = card.max_transfer_blocks;
    return card.block_count;
  }
  zx_status_t BlockioRegisterVmo(zx::vmo vmo, uint32_t* out_vmo_id) {
    return card_.RegisterVmo(std::move(vmo), out_vmo_id);
  }
  zx_status_t BlockioUnregisterVmo(uint32_t vmo_id) { return card_.UnregisterVmo(vmo_id); }
  // Any thread (banjo): the queue has a lock; the interrupt is raised once per idle period.
  void BlockioQueue(uint32_t command, uint32_t vmo_id, uint32_t block_count, uint64_t block_offset,
                    uint64_t vmo_offset, blockio_queue_callback callback, void* cookie) {
    bool raise;
    {
      std::lock_guard lock(mu_);
      hardware_queue_.push_back(
          {{command, vmo_id, block_count, block_offset, vmo_offset}, callback, cookie});
      raise = !interrupt_raised_;
      interrupt_raised_ = true;
    }
    // A dispatcher shutting down takes no task: nothing would move the data.
    if (raise && async::PostTask(dispatcher(), [this] { OnInterrupt(); }) != ZX_OK) {
      CancelQueued();
    }
  }

 private:
  struct Pending {
    bs::BlockRequest request;
    blockio_queue_callback callback;
    void* cookie;
  };

  // What is still queued is never moved: its callers hear ZX_ERR_CANCELED, once. Returns how
  // many there were.
  size_t CancelQueued() {
    std::deque<Pending> left;
    {
      std::lock_guard lock(mu_);
      left.swap(hardware_queue_);
      interrupt_raised_ = false;
    }
    for (const Pending& pending : left) pending.callback(pending.cookie, ZX_ERR_CANCELED);
    return left.size();
  }

  // Completes requests until the queue is empty; a callback may queue the next request, which
  // this pass picks up.
  void OnInterrupt() {
    ++interrupts_;
    for (;;) {
      Pending pending;
      {
        std::lock_guard lock(mu_);
        if (hardware_queue_.empty()) {
          interrupt_raised_ = false;
          return;
        }
        pending = hardware_queue_.front();
        hardware_queue_.pop_front();
      }
      zx_status_t status = card_.Transfer(pending.request);
      if (status == ZX_OK) ++transferred_;
      pending.callback(pending.cookie, status);
    }
  }

  bs::RamCard card_;
  std::mutex mu_;
  std::deque<Pending> hardware_queue_;
  bool interrupt_raised_ = false;
  uint64_t transferred_ = 0;  // only the interrupt task and Stop touch these
  uint64_t interrupts_ = 0;
  compat::BanjoServer banjo_server_{ZX_PROTOCOL_BLOCKIO, this, &blockio_protocol_ops_};
  fidl::ClientEnd<fuchsia_driver_framework::NodeController> child_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(SdmmcController);
