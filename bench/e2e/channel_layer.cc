// One layer of the Zircon-channel variant, in a process of its own: the same layer logic and
// controller model as the in-process variants, behind fidl::WireServer / fidl::WireClient of the
// channel-transport bindings (fdfkit.bench.blockio, made by migrate-protocol: CMakeLists.txt).
#include "bench/e2e/channel_layer.h"

#include <fidl/fdfkit.bench.blockio/cpp/wire.h>
#include <lib/fdf/env.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <zircon/linux.h>

#include <cstdio>
#include <memory>
#include <optional>

#include "bench/e2e/controller_model.h"
#include "bench/e2e/runtime_setup.h"
#include "bench/support/bench_support.h"

namespace fdfkit::bench::e2e {
namespace {

using fdfkit_bench_blockio::Blockio;

template <typename Completer>
void ReplyQueue(Completer& completer, zx_status_t status) {
  fidl::Arena<64> arena;
  if (status == ZX_OK) {
    completer.buffer(arena).ReplySuccess();
  } else {
    completer.buffer(arena).ReplyError(status);
  }
}

// The partition, block device or sdmmc core.
class ChannelForwarder : public fidl::WireServer<Blockio> {
 public:
  ChannelForwarder(Layer layer, LayerCounters* counters) : counters_(counters) {
    logic_.layer = layer;
  }
  // On the layer's dispatcher: connect to the layer below and learn its geometry.
  void Start(async_dispatcher_t* dispatcher, fidl::ClientEnd<Blockio> below,
             std::function<void()> ready) {
    below_.emplace(std::move(below), dispatcher);
    fidl::Arena<64> arena;
    (*below_).buffer(arena)->Query().ThenExactlyOnce(
        [this, ready](fidl::WireUnownedResult<Blockio::Query>& result) {
          if (result.ok()) {
            logic_.below = {result->block_count, result->block_size, result->max_transfer_blocks};
          }
          ready();
        });
  }
  void Unbind() { below_.reset(); }

  void Query(QueryCompleter::Sync& completer) override {
    bs::Geometry g = logic_.Describe();
    completer.Reply(g.block_count, g.block_size, g.max_transfer_blocks);
  }
  void RegisterVmo(RegisterVmoRequestView request,
                   RegisterVmoCompleter::Sync& completer) override {
    fidl::Arena<64> arena;
    (*below_)
        .buffer(arena)
        ->RegisterVmo(std::move(request->vmo))
        .ThenExactlyOnce([c = completer.ToAsync()](
                             fidl::WireUnownedResult<Blockio::RegisterVmo>& result) mutable {
          if (!result.ok()) {
            c.ReplyError(result.status());
          } else if (result->is_error()) {
            c.ReplyError(result->error_value());
          } else {
            c.ReplySuccess(result->value()->vmo_id);
          }
        });
  }
  void UnregisterVmo(UnregisterVmoRequestView request,
                     UnregisterVmoCompleter::Sync& completer) override {
    completer.ReplyError(ZX_ERR_NOT_SUPPORTED);  // the benchmark never unregisters
  }
  void Queue(QueueRequestView request, QueueCompleter::Sync& completer) override {
    counters_->Count(logic_.layer);
    bs::BlockRequest r{request->command, request->vmo_id, request->block_count,
                       request->block_offset, request->vmo_offset};
    if (zx_status_t status = logic_.Apply(&r); status != ZX_OK) {
      ReplyQueue(completer, status);
      return;
    }
    fidl::Arena<128> arena;
    (*below_)
        .buffer(arena)
        ->Queue(r.command, r.vmo_id, r.block_count, r.block_offset, r.vmo_offset)
        .ThenExactlyOnce(
            [c = completer.ToAsync()](fidl::WireUnownedResult<Blockio::Queue>& result) mutable {
              ReplyQueue(c, QueueStatus(result));
            });
  }

 private:
  LayerCounters* counters_;
  ForwardingLogic logic_;
  // std::optional: the channel client cannot be move-assigned.
  std::optional<fidl::WireClient<Blockio>> below_;
};

class ChannelController : public fidl::WireServer<Blockio> {
 public:
  ChannelController(fdf_dispatcher_t* dispatcher, LayerCounters* counters)
      : counters_(counters), interrupt_(this, dispatcher) {}

  void Query(QueryCompleter::Sync& completer) override {
    bs::Geometry g = bs::RamCard::Describe();
    completer.Reply(g.block_count, g.block_size, g.max_transfer_blocks);
  }
  void RegisterVmo(RegisterVmoRequestView request,
                   RegisterVmoCompleter::Sync& completer) override {
    uint32_t id = 0;
    // The VMO crossed three processes as a memfd: the card writes into the benchmark's pages.
    zx_status_t status = card_.RegisterVmo(std::move(request->vmo), &id);
    if (status == ZX_OK) {
      completer.ReplySuccess(id);
    } else {
      completer.ReplyError(status);
    }
  }
  void UnregisterVmo(UnregisterVmoRequestView request,
                     UnregisterVmoCompleter::Sync& completer) override {
    zx_status_t status = card_.UnregisterVmo(request->vmo_id);
    if (status == ZX_OK) {
      completer.ReplySuccess();
    } else {
      completer.ReplyError(status);
    }
  }
  void Queue(QueueRequestView request, QueueCompleter::Sync& completer) override {
    counters_->Count(Layer::kController);
    bs::BlockRequest r{request->command, request->vmo_id, request->block_count,
                       request->block_offset, request->vmo_offset};
    if (queue_.Push(r, completer.ToAsync())) interrupt_.Raise();
  }

 private:
  void OnInterrupt() {
    queue_.Drain(card_,
                 [](QueueCompleter::Async& c, zx_status_t status) { ReplyQueue(c, status); });
  }

  LayerCounters* counters_;
  bs::RamCard card_;
  HardwareQueue<QueueCompleter::Async> queue_;
  Interrupt<ChannelController, &ChannelController::OnInterrupt> interrupt_;
};

Driver DriverOf(Layer layer) { return static_cast<Driver>(static_cast<int>(layer) + 1); }

}  // namespace

std::vector<std::string> LayerCommandLine(const std::string& self, const LayerProcessArgs& args) {
  std::vector<std::string> argv = {
      self,
      "--layer=" + std::string(LayerName(args.layer)),
      "--parent-pid=" + std::to_string(args.parent),
      "--serve-fd=" + std::to_string(args.serve_fd),
      "--counters-fd=" + std::to_string(args.counters_fd),
  };
  if (args.below_fd >= 0) argv.push_back("--below-fd=" + std::to_string(args.below_fd));
  return argv;
}

int RunLayerProcess(const LayerProcessArgs& args) {
  // Die with the benchmark; if it is already gone, the signal was never armed.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != args.parent) return 2;
  SharedCounters counters = SharedCounters::FromFd(args.counters_fd);
  zx::channel upper(zx_linux_handle_from_fd(args.serve_fd));
  if (!upper.is_valid()) {
    std::fprintf(stderr, "e2e %s: no channel on fd %d\n", LayerName(args.layer).data(),
                 args.serve_fd);
    return 3;
  }
  if (fdf_env_start(0) != ZX_OK) return 4;
  fdf_dispatcher_t* dispatcher = NewDispatcher(DriverOf(args.layer), 0);
  async_dispatcher_t* async = fdf_dispatcher_get_async_dispatcher(dispatcher);

  std::unique_ptr<ChannelForwarder> forwarder;
  std::unique_ptr<ChannelController> controller;
  fidl::WireServer<Blockio>* server;
  if (args.layer == Layer::kController) {
    controller = std::make_unique<ChannelController>(dispatcher, counters.get());
    server = controller.get();
  } else {
    zx::channel below(zx_linux_handle_from_fd(args.below_fd));
    if (!below.is_valid()) return 3;
    forwarder = std::make_unique<ChannelForwarder>(args.layer, counters.get());
    ChannelForwarder* f = forwarder.get();
    // Serve only once the layer below answered: requests wait in the channel until then.
    RunAndAwait(dispatcher, [f, async, &below](std::function<void()> ready) {
      f->Start(async, fidl::ClientEnd<Blockio>(std::move(below)), std::move(ready));
    });
    server = f;
  }
  Completion caller_gone;
  RunOn(dispatcher, [&] {
    fidl::BindServer(async, fidl::ServerEnd<Blockio>(std::move(upper)), server,
                     [&caller_gone](fidl::WireServer<Blockio>*, fidl::UnbindInfo, auto) {
                       caller_gone.Add();
                     });
  });
  caller_gone.WaitFor(1);
  // Closing our client lets the layer below exit in turn.
  if (forwarder != nullptr) RunOn(dispatcher, [&] { forwarder->Unbind(); });
  EndDispatchers({dispatcher});
  std::fflush(stderr);
  return 0;
}

}  // namespace fdfkit::bench::e2e
