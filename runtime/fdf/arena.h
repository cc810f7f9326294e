// fdf_arena: a ref-counted bump allocator. Memory is released only with the last reference, so a
// message's data stays valid for as long as anyone holds the arena it lives in.
#ifndef FDFKIT_RUNTIME_FDF_ARENA_H_
#define FDFKIT_RUNTIME_FDF_ARENA_H_

#include <lib/fdf/arena.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ref_counted.h"
#include "thread_annotations.h"

struct fdf_arena {};

namespace fdf_internal {

class Arena : public fdf_arena, public RefCounted<Arena> {
 public:
  // Layout: a 4 KiB buffer inside the object, then 16 KiB heap blocks; a request larger than a
  // block's payload gets a block of its own and the bump block stays where it was.
  static constexpr size_t kInitialBufferBytes = 4096;
  static constexpr size_t kBlockBytes = 16384;

  explicit Arena(fdf_arena_tag_t tag) NO_THREAD_SAFETY_ANALYSIS : tag_(tag) {
    uintptr_t start = reinterpret_cast<uintptr_t>(initial_);
    ranges_.push_back({start, start});  // the initial buffer, empty so far
  }
  ~Arena();

  static Arena* From(fdf_arena_t* arena) { return static_cast<Arena*>(arena); }

  void* Allocate(size_t bytes) EXCLUDES(mu_);
  bool Contains(const void* ptr, size_t num_bytes) EXCLUDES(mu_);
  fdf_arena_tag_t tag() const { return tag_; }

 private:
  struct Range {
    uintptr_t start;
    uintptr_t end;  // one past the last byte handed out
  };
  bool ContainsLocked(uintptr_t start, uintptr_t end) REQUIRES(mu_);

  const fdf_arena_tag_t tag_;
  Mutex mu_;
  alignas(16) char initial_[kInitialBufferBytes];
  // Bump state of the current block.
  char* bump_ GUARDED_BY(mu_) = initial_;
  char* bump_end_ GUARDED_BY(mu_) = initial_ + kInitialBufferBytes;
  // Index of the current block in `ranges_`.
  size_t current_ GUARDED_BY(mu_) = 0;
  // Every block's handed-out range, sorted by start address; entry for initial_ included.
  std::vector<Range> ranges_ GUARDED_BY(mu_);
  std::vector<void*> heap_blocks_ GUARDED_BY(mu_);
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_ARENA_H_
