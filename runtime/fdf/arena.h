// fdf_arena: a ref-counted bump allocator. Memory is released only with the last reference, so a
// message's data stays valid for as long as anyone holds the arena it lives in.
//
// Allocation and fdf_arena_contains are on every message's path (the FIDL driver transport checks
// every pointer it receives), so both are lock-free in the common case: a compare-and-swap on the
// current block's bump pointer, and a scan of the newest blocks. The mutex only serialises adding
// a block and guards the sorted index used when an arena has many blocks.
#ifndef FDFKIT_RUNTIME_FDF_ARENA_H_
#define FDFKIT_RUNTIME_FDF_ARENA_H_

#include <lib/fdf/arena.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/fdf/ref_counted.h"
#include "runtime/fdf/thread_annotations.h"

struct fdf_arena {};

namespace fdf_internal {

class Arena : public fdf_arena, public RefCounted<Arena> {
 public:
  // Layout: a 4 KiB buffer inside the object, then heap blocks of 16 KiB doubling up to 1 MiB
  // (few blocks to search even in a large arena, at most 2× over-reservation). A request larger
  // than the next block gets a block of its own and the bump block stays where it was.
  static constexpr size_t kInitialBufferBytes = 4096;
  static constexpr size_t kFirstBlockBytes = 16384;
  static constexpr size_t kMaxBlockBytes = 1 << 20;
  // Blocks scanned without the lock before falling back to the sorted index.
  static constexpr int kLockFreeScanBlocks = 8;

  explicit Arena(fdf_arena_tag_t tag);
  ~Arena();

  static Arena* From(fdf_arena_t* arena) { return static_cast<Arena*>(arena); }

  void* Allocate(size_t bytes) EXCLUDES(mu_);
  bool Contains(const void* ptr, size_t num_bytes) EXCLUDES(mu_);
  fdf_arena_tag_t tag() const { return tag_; }

 private:
  // Sits at the start of each heap block (and inside the object for the initial buffer).
  struct Block {
    uintptr_t start;
    uintptr_t limit;              // end of the block's capacity
    std::atomic<uintptr_t> bump;  // one past the last byte handed out
    Block* older;                 // the block published before this one; fixed once published
  };

  static void* BumpIn(Block* block, size_t bytes);
  void* AllocateSlow(size_t bytes) EXCLUDES(mu_);
  // Links a new block into the list and the index; the caller holds mu_.
  void Publish(Block* block) REQUIRES(mu_);
  static bool InBlock(const Block* block, uintptr_t start, uintptr_t end) {
    return start >= block->start && end <= block->bump.load(std::memory_order_acquire);
  }

  const fdf_arena_tag_t tag_;
  Mutex mu_;
  Block initial_block_;
  alignas(16) char initial_[kInitialBufferBytes];
  std::atomic<Block*> current_;  // the block being bumped
  std::atomic<Block*> newest_;   // head of every block, newest first
  size_t next_block_bytes_ GUARDED_BY(mu_) = kFirstBlockBytes;
  std::vector<Block*> by_address_ GUARDED_BY(mu_);  // every block, sorted by start
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_ARENA_H_
