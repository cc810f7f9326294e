// fidl::VectorView<T>: the decoded wire layout of vector<T> (count, then a data pointer). It never
// owns its elements: they live on an arena, in a decoded message, or (FromExternal) elsewhere.
#ifndef LIB_FIDL_CPP_WIRE_VECTOR_VIEW_H_
#define LIB_FIDL_CPP_WIRE_VECTOR_VIEW_H_

#include <lib/fidl/cpp/wire/arena.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <type_traits>
#include <vector>

namespace fidl {

template <typename T>
class VectorView {
  using Mutable = std::remove_const_t<T>;

 public:
  using elem_type = T;
  using value_type = T;

  constexpr VectorView() = default;
  constexpr VectorView(std::nullptr_t, size_t count) : count_(count) {
    if (count != 0) std::abort();
  }
  // `count` value-initialised elements on the arena.
  VectorView(AnyArena& arena, size_t count)
      : count_(count), data_(arena.AllocateVector<Mutable>(count)) {}
  // `initial_count` elements set, room for `capacity` (set_count may grow up to it).
  VectorView(AnyArena& arena, size_t initial_count, size_t capacity)
      : count_(initial_count), data_(arena.AllocateVector<Mutable>(capacity)) {
    if (initial_count > capacity) std::abort();
  }
  // Copies of the given elements on the arena.
  VectorView(AnyArena& arena, std::span<const Mutable> items) : VectorView(arena, items.size()) {
    Mutable* out = const_cast<Mutable*>(data_);
    for (size_t i = 0; i < items.size(); ++i) out[i] = items[i];
  }
  VectorView(AnyArena& arena, const std::vector<Mutable>& items)
      : VectorView(arena, std::span<const Mutable>(items.data(), items.size())) {}
  template <typename InputIt>
  VectorView(AnyArena& arena, InputIt first, InputIt last)
      : VectorView(arena, static_cast<size_t>(std::distance(first, last))) {
    Mutable* out = const_cast<Mutable*>(data_);
    for (size_t i = 0; first != last; ++first, ++i) out[i] = *first;
  }
  // Conversion from VectorView<U> where U* converts to T* (e.g. adding const).
  template <typename U, typename = std::enable_if_t<std::is_convertible_v<U*, T*>>>
  VectorView(const VectorView<U>& other) : count_(other.count()), data_(other.data()) {}

  // Borrows memory the caller keeps alive (unsafe: nothing tracks its lifetime).
  static VectorView FromExternal(T* data, size_t count) { return VectorView(data, count); }
  static VectorView FromExternal(std::vector<Mutable>& items) {
    return VectorView(items.data(), items.size());
  }
  template <size_t N>
  static VectorView FromExternal(std::array<Mutable, N>& items) {
    return VectorView(items.data(), N);
  }
  template <size_t N>
  static VectorView FromExternal(T (&items)[N]) {
    return VectorView(items, N);
  }

  size_t count() const { return count_; }
  size_t size() const { return count_; }
  void set_count(size_t count) { count_ = count; }
  void set_size(size_t count) { count_ = count; }
  T* data() const { return data_; }
  void set_data(T* data) { data_ = data; }
  bool empty() const { return count_ == 0; }
  bool is_null() const { return data_ == nullptr; }
  T& operator[](size_t index) const { return data_[index]; }
  T& at(size_t index) const {
    if (index >= count_) std::abort();
    return data_[index];
  }
  T* begin() const { return data_; }
  T* end() const { return data_ + count_; }
  std::span<T> get() const { return std::span<T>(data_, count_); }
  // Replaces the contents with `count` fresh elements on the arena.
  void Allocate(AnyArena& arena, size_t count) { *this = VectorView(arena, count); }

 protected:
  VectorView(T* data, size_t count) : count_(count), data_(data) {}

 private:
  uint64_t count_ = 0;
  T* data_ = nullptr;
};

static_assert(sizeof(VectorView<uint8_t>) == 16);

}  // namespace fidl

#endif  // LIB_FIDL_CPP_WIRE_VECTOR_VIEW_H_
