// Variant 1, banjo: the layers call each other through ops tables (ddk::BlockioProtocol mixins,
// ddk::BlockioProtocolClient). Queue is @async with a callback and a cookie; no forwarding layer
// has anything to do when a request completes, so each passes its caller's callback and cookie
// straight down (what a banjo driver author does then: no per-request state, no wrapping), and a
// layer whose check fails calls the callback itself. The dispatchers still exist: the
// controller's interrupt task runs on its own, the workload on the client's.
#include <fuchsia/hardware/blockio/cpp/banjo.h>
#include <lib/fdf/env.h>

#include <cstdio>
#include <memory>

#include "bench/e2e/block_stack.h"
#include "bench/e2e/controller_model.h"
#include "bench/e2e/runtime_setup.h"

namespace fdfkit::bench::e2e {
namespace {

static_assert(BLOCKIO_OP_READ == bs::kOpRead && BLOCKIO_OP_WRITE == bs::kOpWrite);

bs::Geometry QueryGeometry(const ddk::BlockioProtocolClient& client) {
  bs::Geometry g;
  g.block_count = client.Query(&g.block_size, &g.max_transfer_blocks);
  return g;
}

// The partition, block device or sdmmc core.
class BanjoForwarder : public ddk::BlockioProtocol<BanjoForwarder> {
 public:
  BanjoForwarder(Layer layer, const blockio_protocol_t& below, LayerCounters* counters)
      : below_(&below), counters_(counters) {
    logic_.layer = layer;
  }
  blockio_protocol_t proto() { return {&blockio_protocol_ops_, this}; }
  // The driver's bind: what the layer below shows.
  void Init() { logic_.below = QueryGeometry(below_); }

  uint64_t BlockioQuery(uint32_t* out_block_size, uint32_t* out_max_transfer_blocks) {
    bs::Geometry g = logic_.Describe();
    *out_block_size = g.block_size;
    *out_max_transfer_blocks = g.max_transfer_blocks;
    return g.block_count;
  }
  zx_status_t BlockioRegisterVmo(zx::vmo vmo, uint32_t* out_vmo_id) {
    return below_.RegisterVmo(std::move(vmo), out_vmo_id);
  }
  zx_status_t BlockioUnregisterVmo(uint32_t vmo_id) { return below_.UnregisterVmo(vmo_id); }
  void BlockioQueue(uint32_t command, uint32_t vmo_id, uint32_t block_count,
                    uint64_t block_offset, uint64_t vmo_offset, blockio_queue_callback callback,
                    void* cookie) {
    counters_->Count(logic_.layer);
    bs::BlockRequest r{command, vmo_id, block_count, block_offset, vmo_offset};
    if (zx_status_t status = logic_.Apply(&r); status != ZX_OK) {
      callback(cookie, status);
      return;
    }
    below_.Queue(r.command, r.vmo_id, r.block_count, r.block_offset, r.vmo_offset, callback,
                 cookie);
  }

 private:
  ddk::BlockioProtocolClient below_;
  LayerCounters* counters_;
  ForwardingLogic logic_;
};

class BanjoController : public ddk::BlockioProtocol<BanjoController> {
 public:
  BanjoController(fdf_dispatcher_t* dispatcher, LayerCounters* counters)
      : counters_(counters), interrupt_(this, dispatcher) {}
  blockio_protocol_t proto() { return {&blockio_protocol_ops_, this}; }

  uint64_t BlockioQuery(uint32_t* out_block_size, uint32_t* out_max_transfer_blocks) {
    bs::Geometry g = bs::RamCard::Describe();
    *out_block_size = g.block_size;
    *out_max_transfer_blocks = g.max_transfer_blocks;
    return g.block_count;
  }
  zx_status_t BlockioRegisterVmo(zx::vmo vmo, uint32_t* out_vmo_id) {
    return card_.RegisterVmo(std::move(vmo), out_vmo_id);
  }
  zx_status_t BlockioUnregisterVmo(uint32_t vmo_id) { return card_.UnregisterVmo(vmo_id); }
  void BlockioQueue(uint32_t command, uint32_t vmo_id, uint32_t block_count,
                    uint64_t block_offset, uint64_t vmo_offset, blockio_queue_callback callback,
                    void* cookie) {
    counters_->Count(Layer::kController);
    bs::BlockRequest r{command, vmo_id, block_count, block_offset, vmo_offset};
    if (queue_.Push(r, {callback, cookie})) interrupt_.Raise();
  }

 private:
  void OnInterrupt() {
    queue_.Drain(card_, [](Pending& p, zx_status_t status) { p.callback(p.cookie, status); });
  }
  struct Pending {
    blockio_queue_callback callback;
    void* cookie;
  };

  LayerCounters* counters_;
  bs::RamCard card_;
  HardwareQueue<Pending> queue_;
  Interrupt<BanjoController, &BanjoController::OnInterrupt> interrupt_;
};

class BanjoStack : public BlockStack {
 public:
  explicit BanjoStack(LayerCounters* counters) {
    for (int d = 0; d < 5; ++d) dispatchers_.push_back(NewDispatcher(static_cast<Driver>(d), 0));
    // Bottom up, as the drivers bind: the platform bus (this constructor) creates the controller.
    controller_ = std::make_unique<BanjoController>(dispatcher(Driver::kController), counters);
    protos_[3] = controller_->proto();
    Layer layers[] = {Layer::kPartition, Layer::kBlockDevice, Layer::kSdmmcCore};
    Driver drivers[] = {Driver::kPartition, Driver::kBlockDevice, Driver::kSdmmcCore};
    for (int i = 2; i >= 0; --i) {
      forwarders_[i] = std::make_unique<BanjoForwarder>(layers[i], protos_[i + 1], counters);
      BanjoForwarder* f = forwarders_[i].get();
      RunOn(dispatcher(drivers[i]), [f] { f->Init(); });
      protos_[i] = f->proto();
    }
    partition_ = ddk::BlockioProtocolClient(&protos_[0]);
    for (uint64_t i = 0; i < kCookies; ++i) cookies_[i] = {this, i};
  }

  fdf_dispatcher_t* client_dispatcher() const override { return dispatchers_[0]; }
  void Query(std::function<void(zx_status_t, bs::Geometry)> done) override {
    done(ZX_OK, QueryGeometry(partition_));
  }
  void RegisterVmo(zx::vmo vmo, std::function<void(zx_status_t, uint32_t)> done) override {
    uint32_t id = 0;
    zx_status_t status = partition_.RegisterVmo(std::move(vmo), &id);
    done(status, id);
  }
  void Queue(const BlockRequest& r, uint64_t cookie) override {
    if (cookie >= kCookies) {
      sink_->Complete(cookie, ZX_ERR_NO_RESOURCES);
      return;
    }
    partition_.Queue(r.command, r.vmo_id, r.block_count, r.block_offset, r.vmo_offset,
                     &BanjoStack::OnComplete, &cookies_[cookie]);
  }
  std::string description() const override {
    return "ops tables between the layers (ddk::BlockioProtocol / BlockioProtocolClient); "
           "callback and cookie passed straight down; 5 SYNCHRONIZED dispatchers (the "
           "controller's interrupt task, the client's workload)";
  }
  void Stop() override {
    EndDispatchers(dispatchers_);
    dispatchers_.clear();
  }

 private:
  static constexpr uint64_t kCookies = 256;
  struct Cookie {
    BanjoStack* stack;
    uint64_t slot;
  };
  static void OnComplete(void* ctx, zx_status_t status) {
    auto* cookie = static_cast<Cookie*>(ctx);
    cookie->stack->sink_->Complete(cookie->slot, status);
  }
  fdf_dispatcher_t* dispatcher(Driver d) const { return dispatchers_[static_cast<int>(d)]; }

  std::vector<fdf_dispatcher_t*> dispatchers_;
  std::unique_ptr<BanjoController> controller_;
  std::unique_ptr<BanjoForwarder> forwarders_[3];
  blockio_protocol_t protos_[4] = {};
  ddk::BlockioProtocolClient partition_;
  Cookie cookies_[kCookies] = {};
};

}  // namespace

std::unique_ptr<BlockStack> CreateBanjoStack(LayerCounters* counters) {
  if (zx_status_t status = fdf_env_start(0); status != ZX_OK) {
    std::fprintf(stderr, "e2e: fdf_env_start: %d\n", status);
    return nullptr;
  }
  return std::make_unique<BanjoStack>(counters);
}

}  // namespace fdfkit::bench::e2e
