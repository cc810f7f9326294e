// fidl::AnyArena, the allocation interface wire domain objects are built on, and fidl::Arena<N>,
// a stack-friendly implementation (an inline buffer, then heap blocks). fdf::Arena implements
// AnyArena too, so the same builder code works for both transports.
#ifndef LIB_FIDL_CPP_WIRE_ARENA_H_
#define LIB_FIDL_CPP_WIRE_ARENA_H_

#include <lib/fdf/types.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>

namespace fidl {

class AnyArena {
 public:
  // Constructs a T on the arena. Non-trivial destructors run when a fidl::Arena is reset or
  // destroyed; an fdf::Arena frees memory only (see runtime/README.md, "FIDL bindings").
  template <typename T, typename... Args>
  T* Allocate(Args&&... args) {
    void* memory = DoAllocate(sizeof(T), 1, DestructorOf<T>());
    return new (memory) T(std::forward<Args>(args)...);
  }
  // Value-initialised array of `count` Ts; never null, so a vector built with no elements is
  // present and empty (not absent), as a required vector must be.
  template <typename T>
  T* AllocateVector(size_t count) {
    if (count > SIZE_MAX / sizeof(T)) std::abort();
    T* items = static_cast<T*>(DoAllocate(sizeof(T), count, DestructorOf<T>()));
    for (size_t i = 0; i < count; ++i) new (&items[i]) T();
    return items;
  }
  // Raw 8-byte aligned bytes (no construction).
  void* AllocateBytes(size_t bytes) { return DoAllocate(bytes, 1, nullptr); }
  // The driver-runtime arena behind this one (what a driver-transport message travels in), or
  // null for arenas that only hold memory.
  virtual fdf_arena_t* driver_arena() const { return nullptr; }

 protected:
  using Destructor = void (*)(void* items, size_t count);
  AnyArena() = default;
  AnyArena(const AnyArena&) = default;
  AnyArena& operator=(const AnyArena&) = default;
  virtual ~AnyArena() = default;
  // Returns 8-byte aligned storage for `count` items of `item_size` bytes; aborts when out of
  // memory (wire builders have no error path, like Fuchsia's).
  virtual void* DoAllocate(size_t item_size, size_t count, Destructor destructor) = 0;

 private:
  template <typename T>
  static constexpr Destructor DestructorOf() {
    if constexpr (std::is_trivially_destructible_v<T>) {
      return nullptr;
    } else {
      return [](void* items, size_t count) {
        for (size_t i = 0; i < count; ++i) static_cast<T*>(items)[i].~T();
      };
    }
  }
};

// Arena<N>: the first N bytes come from an inline buffer, the rest from 16 KiB heap blocks (or a
// block of exactly the requested size when larger). Everything is released on Reset/destruction.
template <size_t N = 512>
class Arena final : public AnyArena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() override { Reset(); }

  void Reset() {
    while (destructors_ != nullptr) {
      DestructorRecord* record = destructors_;
      destructors_ = record->next;
      record->destroy(record->items, record->count);
    }
    while (blocks_ != nullptr) {
      HeapBlock* block = blocks_;
      blocks_ = block->next;
      std::free(block);
    }
    next_ = inline_;
    end_ = inline_ + N;
  }

 protected:
  void* DoAllocate(size_t item_size, size_t count, Destructor destructor) override {
    if (count != 0 && item_size > (SIZE_MAX - 64) / count) std::abort();
    size_t bytes = (item_size * count + 7) & ~size_t{7};
    if (destructor != nullptr) bytes += sizeof(DestructorRecord);
    std::byte* memory = Take(bytes);
    if (destructor == nullptr) return memory;
    auto* record = reinterpret_cast<DestructorRecord*>(memory);
    void* items = memory + sizeof(DestructorRecord);
    *record = DestructorRecord{destructors_, destructor, items, count};
    destructors_ = record;
    return items;
  }

 private:
  static constexpr size_t kBlockBytes = 16 * 1024;
  struct HeapBlock {
    HeapBlock* next;
    size_t padding;
  };
  struct DestructorRecord {
    DestructorRecord* next;
    Destructor destroy;
    void* items;
    size_t count;
  };

  std::byte* Take(size_t bytes) {
    if (bytes <= static_cast<size_t>(end_ - next_)) {
      std::byte* result = next_;
      next_ += bytes;
      return result;
    }
    bool dedicated = bytes > kBlockBytes - sizeof(HeapBlock);
    size_t block_bytes = dedicated ? bytes + sizeof(HeapBlock) : kBlockBytes;
    auto* block = static_cast<HeapBlock*>(std::malloc(block_bytes));
    if (block == nullptr) std::abort();
    block->next = blocks_;
    blocks_ = block;
    std::byte* start = reinterpret_cast<std::byte*>(block + 1);
    if (!dedicated) {
      next_ = start + bytes;
      end_ = reinterpret_cast<std::byte*>(block) + kBlockBytes;
    }
    return start;
  }

  alignas(8) std::byte inline_[N];
  std::byte* next_ = inline_;
  std::byte* end_ = inline_ + N;
  HeapBlock* blocks_ = nullptr;
  DestructorRecord* destructors_ = nullptr;
};

}  // namespace fidl

#endif  // LIB_FIDL_CPP_WIRE_ARENA_H_
