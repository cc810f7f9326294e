#include "runtime/fdf/arena.h"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace fdf_internal {

namespace {
constexpr size_t RoundUp8(size_t n) { return (n + 7) & ~size_t{7}; }
// Heap blocks carry their Block header in the first bytes; 32 keeps the payload 16-aligned.
constexpr size_t kHeaderBytes = 32;
}  // namespace

Arena::Arena(fdf_arena_tag_t tag) NO_THREAD_SAFETY_ANALYSIS : tag_(tag) {
  uintptr_t start = reinterpret_cast<uintptr_t>(initial_);
  initial_block_.start = start;
  initial_block_.limit = start + kInitialBufferBytes;
  initial_block_.bump.store(start, std::memory_order_relaxed);
  initial_block_.older = nullptr;
  current_.store(&initial_block_, std::memory_order_relaxed);
  newest_.store(&initial_block_, std::memory_order_relaxed);
  by_address_.push_back(&initial_block_);
}

Arena::~Arena() {
  for (Block* b = newest_.load(std::memory_order_acquire); b != nullptr;) {
    Block* older = b->older;
    if (b != &initial_block_) free(b);
    b = older;
  }
}

void* Arena::BumpIn(Block* block, size_t bytes) {
  uintptr_t p = block->bump.load(std::memory_order_relaxed);
  do {
    if (bytes > block->limit - p) return nullptr;
  } while (!block->bump.compare_exchange_weak(p, p + bytes, std::memory_order_acq_rel,
                                              std::memory_order_relaxed));
  return reinterpret_cast<void*>(p);
}

void* Arena::Allocate(size_t bytes) {
  if (bytes == 0) return nullptr;
  if (bytes > SIZE_MAX - kMaxBlockBytes) return nullptr;
  size_t rounded = RoundUp8(bytes);
  if (void* p = BumpIn(current_.load(std::memory_order_acquire), rounded)) return p;
  return AllocateSlow(rounded);
}

void* Arena::AllocateSlow(size_t rounded) {
  MutexLock lock(&mu_);
  // Another thread may have added a block while this one waited.
  Block* current = current_.load(std::memory_order_acquire);
  if (void* p = BumpIn(current, rounded)) return p;
  bool dedicated = rounded > next_block_bytes_;
  size_t payload = dedicated ? rounded : next_block_bytes_;
  auto* memory = static_cast<char*>(aligned_alloc(16, kHeaderBytes + ((payload + 15) & ~size_t{15})));
  if (memory == nullptr) return nullptr;
  static_assert(sizeof(Block) <= kHeaderBytes);
  auto* block = new (memory) Block;
  block->start = reinterpret_cast<uintptr_t>(memory + kHeaderBytes);
  block->limit = block->start + payload;
  block->bump.store(block->start + rounded, std::memory_order_relaxed);
  Publish(block);
  if (!dedicated) {
    next_block_bytes_ = std::min(next_block_bytes_ * 2, kMaxBlockBytes);
    current_.store(block, std::memory_order_release);
  }
  return reinterpret_cast<void*>(block->start);
}

void Arena::Publish(Block* block) {
  block->older = newest_.load(std::memory_order_relaxed);
  newest_.store(block, std::memory_order_release);
  auto pos = std::lower_bound(by_address_.begin(), by_address_.end(), block->start,
                              [](const Block* b, uintptr_t start) { return b->start < start; });
  by_address_.insert(pos, block);
}

bool Arena::Contains(const void* ptr, size_t num_bytes) {
  uintptr_t start = reinterpret_cast<uintptr_t>(ptr);
  if (ptr == nullptr) return num_bytes == 0;
  uintptr_t end;
  if (__builtin_add_overflow(start, num_bytes, &end)) return false;
  // The buffer inside the object first (small messages on a per-transaction arena live there, and
  // checking it chases no pointer), then recent blocks: messages are built just before the send.
  if (InBlock(&initial_block_, start, end)) return true;
  // The initial block is the oldest, last in the list: it was checked already.
  Block* b = newest_.load(std::memory_order_acquire);
  for (int i = 0; b != &initial_block_ && i < kLockFreeScanBlocks; ++i, b = b->older) {
    if (InBlock(b, start, end)) return true;
  }
  if (b == &initial_block_) return false;
  MutexLock lock(&mu_);
  auto it = std::upper_bound(by_address_.begin(), by_address_.end(), start,
                             [](uintptr_t s, const Block* block) { return s < block->start; });
  return it != by_address_.begin() && InBlock(*(it - 1), start, end);
}

}  // namespace fdf_internal
