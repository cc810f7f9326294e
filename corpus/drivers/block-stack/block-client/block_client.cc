// The block stack's top driver: binds the partition's banjo child and serves block reads and
// writes over Zircon channels (fdfkit.examples.block.Service) to programs outside the stack —
// here block-check, in a host of its own. Each read or write is one banjo Queue; its completer
// waits, as the cookie, for the callback, which may come on any thread.
#include <fidl/fdfkit.examples.block/cpp/wire.h>
#include <fuchsia/hardware/blockio/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>

#include <atomic>
#include <memory>
#include <string>

#include "corpus/drivers/common/event_log.h"

namespace {

namespace block = fdfkit_examples_block;

class BlockClient : public fdf::DriverBase, public fidl::WireServer<block::Session> {
 public:
  BlockClient(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("block-client", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    zx::result partition = compat::ConnectBanjo<ddk::BlockioProtocolClient>(incoming());
    if (partition.is_error()) {
      fdfkit::examples::RecordEvent("block-client",
                                    std::string("connect ") + partition.status_string());
      return partition.take_error();
    }
    partition_ = *partition;
    zx::result<> served = outgoing()->AddService<block::Service>(block::Service::InstanceHandler(
        {.session = [this](fidl::ServerEnd<block::Session> end) {
          fidl::BindServer(dispatcher(), std::move(end), this);
        }}));
    if (served.is_error()) return served.take_error();
    fidl::Arena arena;
    fuchsia_driver_framework::wire::NodeProperty properties[] = {fdf::MakeProperty(
        arena, "fdfkit.examples.blockstack.DEVICE", std::string_view("block-check"))};
    fuchsia_driver_framework::wire::Offer offers[] = {fdf::MakeOffer<block::Service>(arena)};
    zx::result child = AddChild("block-check", properties, offers);
    if (child.is_error()) return child.take_error();
    child_ = std::move(*child);
    fdfkit::examples::RecordEvent("block-client", "start");
    return zx::ok();
  }
  void Stop() override {
    fdfkit::examples::RecordEvent("block-client", "stop queued=" + std::to_string(queued_.load()));
  }

  void GetInfo(GetInfoCompleter::Sync& completer) override {
    uint32_t block_size = 0;
    uint32_t max_transfer_blocks = 0;
    uint64_t block_count = partition_.Query(&block_size, &max_transfer_blocks);
    completer.Reply(block_count, block_size, max_transfer_blocks);
  }
  void AttachVmo(AttachVmoRequestView request, AttachVmoCompleter::Sync& completer) override {
    uint32_t vmo_id = 0;
    zx_status_t status = partition_.RegisterVmo(std::move(request->vmo), &vmo_id);
    if (status != ZX_OK) {
      completer.ReplyError(status);
      return;
    }
    completer.ReplySuccess(vmo_id);
  }
  void Read(ReadRequestView request, ReadCompleter::Sync& completer) override {
    queued_.fetch_add(1, std::memory_order_relaxed);
    auto* waiting = new ReadCompleter::Async(completer.ToAsync());
    partition_.Queue(BLOCKIO_OP_READ, request->vmo_id, request->block_count, request->block_offset,
                     request->vmo_offset, &Complete<ReadCompleter::Async>, waiting);
  }
  void Write(WriteRequestView request, WriteCompleter::Sync& completer) override {
    queued_.fetch_add(1, std::memory_order_relaxed);
    auto* waiting = new WriteCompleter::Async(completer.ToAsync());
    partition_.Queue(BLOCKIO_OP_WRITE, request->vmo_id, request->block_count,
                     request->block_offset, request->vmo_offset, &Complete<WriteCompleter::Async>,
                     waiting);
  }

 private:
  // The banjo callback: replies to the session and frees the completer it was given as cookie.
  template <typename Completer>
  static void Complete(void* cookie, zx_status_t status) {
    std::unique_ptr<Completer> completer(static_cast<Completer*>(cookie));
    if (status == ZX_OK) {
      completer->ReplySuccess();
    } else {
      completer->ReplyError(status);
    }
  }

  ddk::BlockioProtocolClient partition_;
  std::atomic<uint64_t> queued_{0};
  fidl::ClientEnd<fuchsia_driver_framework::NodeController> child_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(BlockClient);
