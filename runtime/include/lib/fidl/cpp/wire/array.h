// fidl::Array<T, N>: the decoded layout of array<T, N> (elements back to back, no padding
// between them), with the container helpers of std::array.
#ifndef LIB_FIDL_CPP_WIRE_ARRAY_H_
#define LIB_FIDL_CPP_WIRE_ARRAY_H_

#include <cstddef>
#include <cstdlib>

namespace fidl {

template <typename T, size_t N>
struct Array {
  static_assert(N > 0, "FIDL arrays have at least one element");
  T data_[N];

  static constexpr size_t size() { return N; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T& at(size_t i) {
    if (i >= N) std::abort();
    return data_[i];
  }
  const T& at(size_t i) const {
    if (i >= N) std::abort();
    return data_[i];
  }
  T* begin() { return data_; }
  T* end() { return data_ + N; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + N; }
  bool operator==(const Array& other) const {
    for (size_t i = 0; i < N; ++i) {
      if (!(data_[i] == other.data_[i])) return false;
    }
    return true;
  }
};

}  // namespace fidl

#endif  // LIB_FIDL_CPP_WIRE_ARRAY_H_
