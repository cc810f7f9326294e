// zx::result<T>: a value or a zx_status_t error, with the accessors Fuchsia code uses
// (is_ok, is_error, status_value, error_value, status_string, take_error, value, operator->,
// take_value).
#ifndef LIB_ZX_RESULT_H_
#define LIB_ZX_RESULT_H_

#include <zircon/status.h>
#include <zircon/types.h>

#include <cassert>
#include <cstdlib>
#include <optional>
#include <type_traits>
#include <utility>

namespace zx {

template <typename T>
struct success_value {
  T value;
};
struct success_void {};
struct error_status {
  zx_status_t status;
};

template <typename T>
success_value<std::decay_t<T>> ok(T&& value) {
  return {std::forward<T>(value)};
}
inline success_void ok() { return {}; }
inline error_status error(zx_status_t status) { return {status}; }

template <typename T = void>
class [[nodiscard]] result {
 public:
  result(error_status e) : status_(e.status) { assert(status_ != ZX_OK); }
  template <typename U, typename = std::enable_if_t<std::is_constructible_v<T, U&&>>>
  result(success_value<U> s) : status_(ZX_OK), value_(std::move(s.value)) {}

  bool is_ok() const { return status_ == ZX_OK; }
  bool is_error() const { return status_ != ZX_OK; }
  zx_status_t status_value() const { return status_; }
  zx_status_t error_value() const {
    assert(is_error());
    return status_;
  }
  const char* status_string() const { return zx_status_get_string(status_); }
  // The error alone, to return from a function with another result type.
  error_status take_error() const {
    assert(is_error());
    return {status_};
  }
  T& value() & { return checked(); }
  const T& value() const& { return const_cast<result*>(this)->checked(); }
  T&& value() && { return std::move(checked()); }
  T take_value() { return std::move(checked()); }
  T* operator->() { return &checked(); }
  const T* operator->() const { return &const_cast<result*>(this)->checked(); }
  T& operator*() { return checked(); }
  const T& operator*() const { return const_cast<result*>(this)->checked(); }

 private:
  T& checked() {
    if (!value_.has_value()) std::abort();  // accessing the value of an error result
    return *value_;
  }
  zx_status_t status_;
  std::optional<T> value_;
};

template <>
class [[nodiscard]] result<void> {
 public:
  result(error_status e) : status_(e.status) { assert(status_ != ZX_OK); }
  result(success_void) : status_(ZX_OK) {}

  bool is_ok() const { return status_ == ZX_OK; }
  bool is_error() const { return status_ != ZX_OK; }
  zx_status_t status_value() const { return status_; }
  zx_status_t error_value() const { return status_; }
  const char* status_string() const { return zx_status_get_string(status_); }
  error_status take_error() const {
    assert(is_error());
    return {status_};
  }

 private:
  zx_status_t status_;
};

// ZX_OK → ok(), anything else → error(status).
inline result<> make_result(zx_status_t status) {
  if (status == ZX_OK) return ok();
  return error(status);
}
template <typename T>
result<std::decay_t<T>> make_result(zx_status_t status, T&& value) {
  if (status == ZX_OK) return ok(std::forward<T>(value));
  return error(status);
}

}  // namespace zx

#endif  // LIB_ZX_RESULT_H_
