#include "arena.h"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace fdf_internal {

namespace {
constexpr size_t RoundUp8(size_t n) { return (n + 7) & ~size_t{7}; }
}  // namespace

Arena::~Arena() {
  MutexLock lock(&mu_);
  for (void* block : heap_blocks_) free(block);
}

void* Arena::Allocate(size_t bytes) {
  if (bytes == 0) return nullptr;
  if (bytes > SIZE_MAX - 8) return nullptr;
  size_t rounded = RoundUp8(bytes);
  MutexLock lock(&mu_);
  if (rounded <= static_cast<size_t>(bump_end_ - bump_)) {
    void* result = bump_;
    bump_ += rounded;
    ranges_[current_].end = reinterpret_cast<uintptr_t>(bump_);
    return result;
  }
  bool dedicated = rounded > kBlockBytes;
  size_t block_bytes = dedicated ? rounded : kBlockBytes;
  char* block = static_cast<char*>(aligned_alloc(16, (block_bytes + 15) & ~size_t{15}));
  if (block == nullptr) return nullptr;
  heap_blocks_.push_back(block);
  Range range{reinterpret_cast<uintptr_t>(block), reinterpret_cast<uintptr_t>(block + rounded)};
  auto pos = std::lower_bound(ranges_.begin(), ranges_.end(), range.start,
                              [](const Range& r, uintptr_t start) { return r.start < start; });
  size_t index = static_cast<size_t>(pos - ranges_.begin());
  ranges_.insert(pos, range);
  if (index <= current_) ++current_;
  if (!dedicated) {
    current_ = index;
    bump_ = block + rounded;
    bump_end_ = block + kBlockBytes;
  }
  return block;
}

bool Arena::Contains(const void* ptr, size_t num_bytes) {
  uintptr_t start = reinterpret_cast<uintptr_t>(ptr);
  if (ptr == nullptr) return num_bytes == 0;
  uintptr_t end;
  if (__builtin_add_overflow(start, num_bytes, &end)) return false;
  MutexLock lock(&mu_);
  return ContainsLocked(start, end);
}

bool Arena::ContainsLocked(uintptr_t start, uintptr_t end) {
  // Most lookups hit the block being filled.
  const Range& current = ranges_[current_];
  if (start >= current.start && end <= current.end) return true;
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), start,
                             [](uintptr_t s, const Range& r) { return s < r.start; });
  if (it == ranges_.begin()) return false;
  --it;
  return start >= it->start && end <= it->end && start < it->end + (end == start ? 1 : 0);
}

}  // namespace fdf_internal
