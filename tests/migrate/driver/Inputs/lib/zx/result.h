// Stand-in for zx::result: what the inputs and their rewrites call on it.
#pragma once
#include <utility>

namespace zx {
template <typename T = int>
class result {
 public:
  result(T value) : value_(std::move(value)) {}
  bool is_ok() const { return true; }
  bool is_error() const { return false; }
  int status_value() const { return 0; }
  const char* status_string() const { return "ZX_OK"; }
  int take_error() { return 0; }
  T& operator*() { return value_; }
  T* operator->() { return &value_; }

 private:
  T value_;
};
}  // namespace zx
