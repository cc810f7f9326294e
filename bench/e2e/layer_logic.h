// What each forwarding layer of the stack does, apart from the transport, shared by the four
// variants (the check/map of block_layers.h), and the per-layer request counters the correctness
// check reads (in shared memory, so layers in other processes count into the same page).
#ifndef FDFKIT_BENCH_E2E_LAYER_LOGIC_H_
#define FDFKIT_BENCH_E2E_LAYER_LOGIC_H_

#include <zircon/types.h>

#include <atomic>
#include <cstdint>
#include <string_view>
#include <utility>

#include "corpus/drivers/block-stack/common/block_layers.h"

namespace fdfkit::bench::e2e {

namespace bs = examples::block_stack;

// The stack on the I/O path, top first. The platform bus (the controller's parent) is modelled as
// whatever creates the controller: it is not on the I/O path.
enum class Layer : int { kPartition = 0, kBlockDevice, kSdmmcCore, kController, kCount };
inline constexpr int kLayerCount = static_cast<int>(Layer::kCount);
std::string_view LayerName(Layer layer);
bool ParseLayer(std::string_view name, Layer* layer);

// Queue requests each layer received, one counter per layer in a page every process maps.
struct LayerCounters {
  std::atomic<uint64_t> queued[kLayerCount];
  void Count(Layer layer) {
    queued[static_cast<int>(layer)].fetch_add(1, std::memory_order_relaxed);
  }
  uint64_t Get(Layer layer) const {
    return queued[static_cast<int>(layer)].load(std::memory_order_relaxed);
  }
};

// The shared page: created by the benchmark (a memfd that its layer processes inherit) or mapped
// from an inherited fd.
class SharedCounters {
 public:
  static SharedCounters Create();
  static SharedCounters FromFd(int fd);
  SharedCounters() = default;
  SharedCounters(SharedCounters&& other) noexcept { *this = std::move(other); }
  SharedCounters& operator=(SharedCounters&& other) noexcept;
  ~SharedCounters();
  LayerCounters* get() const { return counters_; }
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
  LayerCounters* counters_ = nullptr;
};

// A partition, block device or sdmmc core: the geometry it shows above and its check/map.
struct ForwardingLogic {
  Layer layer = Layer::kPartition;
  bs::Geometry below;  // what the layer below reported at start

  bs::Geometry Describe() const {
    return layer == Layer::kPartition ? bs::PartitionLayer::Describe(below) : below;
  }
  zx_status_t Apply(bs::BlockRequest* request) const {
    switch (layer) {
      case Layer::kPartition:
        return bs::PartitionLayer::Map(below, request);
      case Layer::kBlockDevice:
        return bs::BlockDeviceLayer::Check(below, *request);
      default:
        return bs::SdmmcCoreLayer::Check(below, *request);
    }
  }
};

// The status a Queue reply carries, over either transport: the transport's error, the
// server's, or ZX_OK.
template <typename Result>
zx_status_t QueueStatus(Result& result) {
  if (!result.ok()) return result.status();
  return result->is_error() ? result->error_value() : ZX_OK;
}

}  // namespace fdfkit::bench::e2e

#endif  // FDFKIT_BENCH_E2E_LAYER_LOGIC_H_
