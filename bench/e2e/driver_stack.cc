// Variants 2 and 3, the driver transport: fdf::WireServer / fdf::WireClient over fdf channels
// between the layers, all in this process, each layer a driver with its own owner and dispatcher.
// A forwarding layer keeps its caller's completer (ToAsync) until the reply from below arrives,
// forwards on the request's own arena (zero copy) and replies on the reply's.
//
// Variant 2 (inline): SYNCHRONIZED dispatchers, so rule H runs a call or a reply on the caller's
// stack whenever the target is idle and not already on that stack.
// Variant 3 (queued): the very same code with every dispatcher created ALLOW_SYNC_CALLS; the
// runtime never runs such a dispatcher inline (H2: Dispatcher::CanRunInlineLocked refuses it), so
// every call and every reply is queued to the target driver's own loop, RFC-0126's "per-driver
// loops"; each such dispatcher also adds a pool thread (the N+1 rule).
#include <fidl/fuchsia.hardware.blockio/cpp/driver/wire.h>
#include <lib/fdf/env.h>

#include <cstdio>
#include <memory>

#include "bench/e2e/block_stack.h"
#include "bench/e2e/controller_model.h"
#include "bench/e2e/runtime_setup.h"

namespace fdfkit::bench::e2e {
namespace {

using fuchsia_hardware_blockio::Blockio;

constexpr fdf_arena_tag_t kTag = 'E2EB';

// The status a Queue reply carries, transport errors included.
// The arena the reply came in (one more reference), or a fresh one if none came.
fdf::Arena ReplyArena(fdf_arena_t* arena) {
  if (arena == nullptr) return fdf::Arena(kTag);
  fdf_arena_add_ref(arena);
  return fdf::Arena(arena);
}

template <typename Completer>
void ReplyQueue(Completer& completer, fdf::Arena& arena, zx_status_t status) {
  if (status == ZX_OK) {
    completer.buffer(arena).ReplySuccess();
  } else {
    completer.buffer(arena).ReplyError(status);
  }
}

// The partition, block device or sdmmc core.
class DriverForwarder : public fdf::WireServer<Blockio> {
 public:
  DriverForwarder(Layer layer, LayerCounters* counters) : counters_(counters) {
    logic_.layer = layer;
  }

  // The driver's start, on its dispatcher: connect to the layer below and learn its geometry.
  void Start(fdf_dispatcher_t* dispatcher, fdf::ClientEnd<Blockio> below,
             std::function<void()> ready) {
    below_.Bind(std::move(below), dispatcher);
    fdf::Arena arena(kTag);
    below_.buffer(arena)->Query().ThenExactlyOnce(
        [this, ready](fdf::WireUnownedResult<Blockio::Query>& result) {
          if (result.ok()) {
            logic_.below = {result->block_count, result->block_size, result->max_transfer_blocks};
          }
          ready();
        });
  }
  void Unbind() { below_ = fdf::WireClient<Blockio>(); }

  void Query(fdf::Arena& arena, QueryCompleter::Sync& completer) override {
    bs::Geometry g = logic_.Describe();
    completer.buffer(arena).Reply(g.block_count, g.block_size, g.max_transfer_blocks);
  }
  void RegisterVmo(RegisterVmoRequestView request, fdf::Arena& arena,
                   RegisterVmoCompleter::Sync& completer) override {
    below_.buffer(arena)
        ->RegisterVmo(std::move(request->vmo))
        .ThenExactlyOnce([c = completer.ToAsync()](
                             fdf::WireUnownedResult<Blockio::RegisterVmo>& result) mutable {
          fdf::Arena arena = ReplyArena(result.ok() ? result.arena() : nullptr);
          if (!result.ok()) {
            c.buffer(arena).ReplyError(result.status());
          } else if (result->is_error()) {
            c.buffer(arena).ReplyError(result->error_value());
          } else {
            c.buffer(arena).ReplySuccess(result->value()->vmo_id);
          }
        });
  }
  void UnregisterVmo(UnregisterVmoRequestView request, fdf::Arena& arena,
                     UnregisterVmoCompleter::Sync& completer) override {
    completer.buffer(arena).ReplyError(ZX_ERR_NOT_SUPPORTED);  // the benchmark never unregisters
  }
  void Queue(QueueRequestView request, fdf::Arena& arena,
             QueueCompleter::Sync& completer) override {
    counters_->Count(logic_.layer);
    bs::BlockRequest r{request->command, request->vmo_id, request->block_count,
                       request->block_offset, request->vmo_offset};
    if (zx_status_t status = logic_.Apply(&r); status != ZX_OK) {
      completer.buffer(arena).ReplyError(status);
      return;
    }
    below_.buffer(arena)
        ->Queue(r.command, r.vmo_id, r.block_count, r.block_offset, r.vmo_offset)
        .ThenExactlyOnce(
            [c = completer.ToAsync()](fdf::WireUnownedResult<Blockio::Queue>& result) mutable {
              fdf::Arena arena = ReplyArena(result.ok() ? result.arena() : nullptr);
              ReplyQueue(c, arena, QueueStatus(result));
            });
  }

 private:
  LayerCounters* counters_;
  ForwardingLogic logic_;
  fdf::WireClient<Blockio> below_;
};

class DriverController : public fdf::WireServer<Blockio> {
 public:
  DriverController(fdf_dispatcher_t* dispatcher, LayerCounters* counters)
      : counters_(counters), interrupt_(this, dispatcher) {}

  void Query(fdf::Arena& arena, QueryCompleter::Sync& completer) override {
    bs::Geometry g = bs::RamCard::Describe();
    completer.buffer(arena).Reply(g.block_count, g.block_size, g.max_transfer_blocks);
  }
  void RegisterVmo(RegisterVmoRequestView request, fdf::Arena& arena,
                   RegisterVmoCompleter::Sync& completer) override {
    uint32_t id = 0;
    zx_status_t status = card_.RegisterVmo(std::move(request->vmo), &id);
    if (status == ZX_OK) {
      completer.buffer(arena).ReplySuccess(id);
    } else {
      completer.buffer(arena).ReplyError(status);
    }
  }
  void UnregisterVmo(UnregisterVmoRequestView request, fdf::Arena& arena,
                     UnregisterVmoCompleter::Sync& completer) override {
    zx_status_t status = card_.UnregisterVmo(request->vmo_id);
    if (status == ZX_OK) {
      completer.buffer(arena).ReplySuccess();
    } else {
      completer.buffer(arena).ReplyError(status);
    }
  }
  void Queue(QueueRequestView request, fdf::Arena& arena,
             QueueCompleter::Sync& completer) override {
    counters_->Count(Layer::kController);
    bs::BlockRequest r{request->command, request->vmo_id, request->block_count,
                       request->block_offset, request->vmo_offset};
    // The reply goes up on the request's arena: keep a reference with the completer.
    fdf_arena_add_ref(arena.get());
    if (queue_.Push(r, {completer.ToAsync(), fdf::Arena(arena.get())})) interrupt_.Raise();
  }

 private:
  struct Pending {
    QueueCompleter::Async completer;
    fdf::Arena arena;
  };
  void OnInterrupt() {
    queue_.Drain(card_,
                 [](Pending& p, zx_status_t status) { ReplyQueue(p.completer, p.arena, status); });
  }

  LayerCounters* counters_;
  bs::RamCard card_;
  HardwareQueue<Pending> queue_;
  Interrupt<DriverController, &DriverController::OnInterrupt> interrupt_;
};

class DriverStack : public BlockStack {
 public:
  DriverStack(LayerCounters* counters, bool queued) : queued_(queued) {
    uint32_t options = queued ? FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS : 0;
    for (int d = 0; d < 5; ++d) {
      dispatchers_.push_back(NewDispatcher(static_cast<Driver>(d), options));
    }
    // Bottom up, as the drivers start: each serves the link above it and connects to the one
    // below. The platform bus (this constructor) creates the controller.
    controller_ = std::make_unique<DriverController>(dispatcher(Driver::kController), counters);
    fdf::ClientEnd<Blockio> below = Serve(Driver::kController, controller_.get());
    Layer layers[] = {Layer::kPartition, Layer::kBlockDevice, Layer::kSdmmcCore};
    Driver drivers[] = {Driver::kPartition, Driver::kBlockDevice, Driver::kSdmmcCore};
    for (int i = 2; i >= 0; --i) {
      forwarders_[i] = std::make_unique<DriverForwarder>(layers[i], counters);
      DriverForwarder* f = forwarders_[i].get();
      fdf_dispatcher_t* d = dispatcher(drivers[i]);
      RunAndAwait(d, [f, d, &below](std::function<void()> ready) {
        f->Start(d, std::move(below), std::move(ready));
      });
      below = Serve(drivers[i], f);
    }
    RunOn(client_dispatcher(), [this, &below] {
      partition_.Bind(std::move(below), client_dispatcher());
    });
  }

  fdf_dispatcher_t* client_dispatcher() const override { return dispatchers_[0]; }
  void Query(std::function<void(zx_status_t, bs::Geometry)> done) override {
    fdf::Arena arena(kTag);
    partition_.buffer(arena)->Query().ThenExactlyOnce(
        [done](fdf::WireUnownedResult<Blockio::Query>& result) {
          if (!result.ok()) return done(result.status(), {});
          done(ZX_OK, {result->block_count, result->block_size, result->max_transfer_blocks});
        });
  }
  void RegisterVmo(zx::vmo vmo, std::function<void(zx_status_t, uint32_t)> done) override {
    fdf::Arena arena(kTag);
    partition_.buffer(arena)->RegisterVmo(std::move(vmo)).ThenExactlyOnce(
        [done](fdf::WireUnownedResult<Blockio::RegisterVmo>& result) {
          if (!result.ok()) return done(result.status(), 0);
          if (result->is_error()) return done(result->error_value(), 0);
          done(ZX_OK, result->value()->vmo_id);
        });
  }
  void Queue(const BlockRequest& r, uint64_t cookie) override {
    // One arena per request, as a driver's call site makes it; every layer forwards on it.
    fdf::Arena arena(kTag);
    partition_.buffer(arena)
        ->Queue(r.command, r.vmo_id, r.block_count, r.block_offset, r.vmo_offset)
        .ThenExactlyOnce([this, cookie](fdf::WireUnownedResult<Blockio::Queue>& result) {
          sink_->Complete(cookie, QueueStatus(result));
        });
  }
  std::string description() const override {
    if (queued_) {
      return "fdf::WireServer/WireClient over fdf channels, one process; all 5 dispatchers "
             "SYNCHRONIZED | ALLOW_SYNC_CALLS, which the runtime never runs inline (rule H2, "
             "Dispatcher::CanRunInlineLocked), so every call and reply is queued to the "
             "target's own loop; each adds a pool thread (N+1 rule)";
    }
    return "fdf::WireServer/WireClient over fdf channels, one process; 5 SYNCHRONIZED "
           "dispatchers with distinct owners, so rule H runs calls and replies inline where it "
           "may (a call into a driver already on the stack, and the interrupt task, are queued)";
  }
  void Stop() override {
    // Clients are torn down on their own dispatchers; shutting the dispatchers down then ends
    // the server bindings (their reads are cancelled).
    RunOn(client_dispatcher(), [this] { partition_ = fdf::WireClient<Blockio>(); });
    Driver drivers[] = {Driver::kPartition, Driver::kBlockDevice, Driver::kSdmmcCore};
    for (int i = 0; i < 3; ++i) {
      DriverForwarder* f = forwarders_[i].get();
      RunOn(dispatcher(drivers[i]), [f] { f->Unbind(); });
    }
    EndDispatchers(dispatchers_);
    dispatchers_.clear();
  }

 private:
  fdf_dispatcher_t* dispatcher(Driver d) const { return dispatchers_[static_cast<int>(d)]; }
  // Binds `server` on `driver`'s dispatcher; returns the client end for the driver above.
  fdf::ClientEnd<Blockio> Serve(Driver driver, fdf::WireServer<Blockio>* server) {
    zx::result endpoints = fdf::CreateEndpoints<Blockio>();
    if (endpoints.is_error()) {
      std::fprintf(stderr, "e2e: fdf channel: %d\n", endpoints.status_value());
      std::abort();
    }
    fdf::BindServer(dispatcher(driver), std::move(endpoints->server), server);
    return std::move(endpoints->client);
  }

  bool queued_;
  std::vector<fdf_dispatcher_t*> dispatchers_;
  std::unique_ptr<DriverController> controller_;
  std::unique_ptr<DriverForwarder> forwarders_[3];
  fdf::WireClient<Blockio> partition_;
};

}  // namespace

std::unique_ptr<BlockStack> CreateDriverStack(LayerCounters* counters, bool queued) {
  if (zx_status_t status = fdf_env_start(0); status != ZX_OK) {
    std::fprintf(stderr, "e2e: fdf_env_start: %d\n", status);
    return nullptr;
  }
  return std::make_unique<DriverStack>(counters, queued);
}

}  // namespace fdfkit::bench::e2e
