// The top client's workload, the same in every variant: random 4 KiB reads and writes (50/50) at
// block-aligned offsets inside the partition, from a seeded generator, kept `depth` deep. It runs
// on the client driver's dispatcher: Start (a posted task) issues `depth` requests, and each
// completion records its latency and issues the next, so the benchmark thread waits once per run.
#ifndef FDFKIT_BENCH_E2E_WORKLOAD_H_
#define FDFKIT_BENCH_E2E_WORKLOAD_H_

#include <zircon/types.h>

#include <atomic>
#include <cstdint>
#include <vector>

#include "bench/support/bench_support.h"
#include "corpus/drivers/block-stack/common/block_layers.h"

namespace fdfkit::bench::e2e {

using examples::block_stack::BlockRequest;

inline constexpr uint32_t kOpBlocks = 8;  // 4 KiB of 512-byte blocks
inline constexpr uint64_t kSlotBytes = uint64_t{kOpBlocks} * examples::block_stack::kBlockSize;

struct Op {
  uint32_t command = 0;
  uint64_t block_offset = 0;  // in the partition
};

// `count` ops from `seed`: the same sequence on every machine and in every variant (a splitmix64
// stream, not <random>'s distributions, whose output the standard leaves to the library).
std::vector<Op> MakeOps(uint64_t seed, size_t count, uint64_t partition_blocks);

// How the top client sends a request down: the variant's client of the partition. Called on the
// client's dispatcher (or, for banjo, wherever the completion before it ran); the variant calls
// its CompletionSink's Complete(cookie, status) exactly once for it.
class BlockPort {
 public:
  virtual ~BlockPort() = default;
  virtual void Queue(const BlockRequest& request, uint64_t cookie) = 0;
};

// Where completions of BlockPort::Queue go (the workload, or a correctness check).
class CompletionSink {
 public:
  virtual ~CompletionSink() = default;
  virtual void Complete(uint64_t cookie, zx_status_t status) = 0;
};

class Workload : public CompletionSink {
 public:
  // Runs ops[begin, end) at `depth`, slot i of the VMO (registered as `vmo_id`) for the i-th
  // request in flight.
  Workload(BlockPort* port, const std::vector<Op>* ops, size_t begin, size_t end, uint32_t depth,
           uint32_t vmo_id);

  // Issues the first `depth` requests: run it on the client's dispatcher.
  void Start();
  // A request finished: records its latency, issues the next one or signals done().
  void Complete(uint64_t slot, zx_status_t status) override;

  Completion& done() { return done_; }
  // Per-op latency in ns, in op order (valid once done).
  const std::vector<uint64_t>& latencies_ns() const { return latencies_; }
  uint64_t failures() const { return failures_.load(std::memory_order_acquire); }
  zx_status_t first_failure() const { return first_failure_.load(std::memory_order_acquire); }
  uint64_t start_ns() const { return start_ns_; }
  uint64_t end_ns() const { return end_ns_.load(std::memory_order_acquire); }

 private:
  struct Slot {
    size_t op = 0;
    uint64_t issued_ns = 0;
  };
  // Takes the next op, if any, into `slot` and sends it.
  void IssueNext(uint32_t slot);

  BlockPort* port_;
  const std::vector<Op>* ops_;
  size_t begin_;
  size_t end_;
  uint32_t depth_;
  uint32_t vmo_id_;
  // A banjo completion may run on the controller's thread while Start is still issuing on the
  // client's: the op counter and the tallies are atomic. A slot is written by its issuer and read
  // by its completion, which the transport orders.
  std::atomic<size_t> next_;
  std::atomic<size_t> completed_{0};
  std::vector<Slot> slots_;
  std::vector<uint64_t> latencies_;
  std::atomic<uint64_t> failures_{0};
  std::atomic<zx_status_t> first_failure_{ZX_OK};
  uint64_t start_ns_ = 0;
  std::atomic<uint64_t> end_ns_{0};
  Completion done_;
};

uint64_t NowNs();

}  // namespace fdfkit::bench::e2e

#endif  // FDFKIT_BENCH_E2E_WORKLOAD_H_
