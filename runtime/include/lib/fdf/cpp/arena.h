// fdf::Arena: RAII over one arena reference.
#ifndef LIB_FDF_CPP_ARENA_H_
#define LIB_FDF_CPP_ARENA_H_

#include <lib/fdf/arena.h>
#include <lib/fidl/cpp/wire/arena.h>
#include <lib/zx/result.h>

#include <cstdlib>
#include <utility>

namespace fdf {

// Also a fidl::AnyArena, so wire domain objects can be built on it. Destructors of objects
// allocated through AnyArena do not run: the memory is released when the last reference drops.
class Arena : public fidl::AnyArena {
 public:
  using fidl::AnyArena::Allocate;
  // Adopts one reference.
  explicit Arena(fdf_arena_t* arena) : arena_(arena) {}
  // Creates an arena; aborts on failure (use Create to handle it).
  explicit Arena(fdf_arena_tag_t tag) {
    if (fdf_arena_create(0, tag, &arena_) != ZX_OK) std::abort();
  }
  static zx::result<Arena> Create(uint32_t options, fdf_arena_tag_t tag) {
    fdf_arena_t* arena;
    zx_status_t status = fdf_arena_create(options, tag, &arena);
    if (status != ZX_OK) return zx::error(status);
    return zx::ok(Arena(arena));
  }
  Arena(Arena&& o) noexcept : fidl::AnyArena(), arena_(std::exchange(o.arena_, nullptr)) {}
  Arena& operator=(Arena&& o) noexcept {
    reset(o.release());
    return *this;
  }
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() override { close(); }

  void* Allocate(size_t bytes) const { return fdf_arena_allocate(arena_, bytes); }
  void Free(void* ptr) const { fdf_arena_free(arena_, ptr); }
  template <typename T>
  bool Contains(const T* ptr) const {
    return fdf_arena_contains(arena_, ptr, sizeof(T));
  }
  bool Contains(const void* ptr, size_t num_bytes) const {
    return fdf_arena_contains(arena_, ptr, num_bytes);
  }

  fdf_arena_t* get() const { return arena_; }
  fdf_arena_t* driver_arena() const override { return arena_; }
  fdf_arena_t* release() { return std::exchange(arena_, nullptr); }
  void reset(fdf_arena_t* arena = nullptr) {
    close();
    arena_ = arena;
  }
  void close() {
    if (arena_) fdf_arena_drop_ref(std::exchange(arena_, nullptr));
  }

 protected:
  void* DoAllocate(size_t item_size, size_t count, Destructor) override {
    if (count != 0 && item_size > SIZE_MAX / count) std::abort();
    void* memory = fdf_arena_allocate(arena_, item_size * count == 0 ? 1 : item_size * count);
    if (memory == nullptr) std::abort();
    return memory;
  }

 private:
  fdf_arena_t* arena_ = nullptr;
};

}  // namespace fdf

#endif  // LIB_FDF_CPP_ARENA_H_
