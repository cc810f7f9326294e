#include "bench/e2e/workload.h"

#include <time.h>

namespace fdfkit::bench::e2e {

namespace bs = examples::block_stack;

uint64_t NowNs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return uint64_t(ts.tv_sec) * 1'000'000'000u + uint64_t(ts.tv_nsec);
}

std::vector<Op> MakeOps(uint64_t seed, size_t count, uint64_t partition_blocks) {
  uint64_t state = seed;
  auto next = [&state] {
    uint64_t z = (state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
  };
  // Offsets are multiples of the op size, so every op is one whole 4 KiB unit of the partition.
  uint64_t units = partition_blocks / kOpBlocks;
  std::vector<Op> ops(count);
  for (Op& op : ops) {
    uint64_t r = next();
    op.command = (r & 1) != 0 ? bs::kOpWrite : bs::kOpRead;
    op.block_offset = ((r >> 1) % units) * kOpBlocks;
  }
  return ops;
}

Workload::Workload(BlockPort* port, const std::vector<Op>* ops, size_t begin, size_t end,
                   uint32_t depth, uint32_t vmo_id)
    : port_(port),
      ops_(ops),
      begin_(begin),
      end_(end),
      depth_(depth),
      vmo_id_(vmo_id),
      next_(begin),
      slots_(depth),
      latencies_(end - begin) {}

void Workload::Start() {
  start_ns_ = NowNs();
  if (begin_ == end_) {
    end_ns_.store(start_ns_, std::memory_order_release);
    done_.Add();
    return;
  }
  for (uint32_t slot = 0; slot < depth_; ++slot) IssueNext(slot);
}

void Workload::IssueNext(uint32_t slot) {
  size_t op = next_.fetch_add(1, std::memory_order_relaxed);
  if (op >= end_) return;
  const Op& spec = (*ops_)[op];
  BlockRequest request{spec.command, vmo_id_, kOpBlocks, spec.block_offset, slot * kSlotBytes};
  slots_[slot] = {op, NowNs()};
  port_->Queue(request, slot);
}

void Workload::Complete(uint64_t slot, zx_status_t status) {
  uint64_t now = NowNs();
  const Slot& s = slots_[slot];
  latencies_[s.op - begin_] = now - s.issued_ns;
  if (status != ZX_OK) {
    zx_status_t expected = ZX_OK;
    first_failure_.compare_exchange_strong(expected, status);
    failures_.fetch_add(1, std::memory_order_relaxed);
  }
  if (completed_.fetch_add(1, std::memory_order_acq_rel) + 1 == end_ - begin_) {
    end_ns_.store(now, std::memory_order_release);
    done_.Add();
    return;
  }
  IssueNext(static_cast<uint32_t>(slot));
}

}  // namespace fdfkit::bench::e2e
