// fit::result<E, T...>: a value or an error, the return type FIDL methods with `error` syntax
// unwrap to (r->is_ok(), r->value(), r->error_value()). A subset of Fuchsia's lib/fit.
#ifndef LIB_FIT_RESULT_H_
#define LIB_FIT_RESULT_H_

#include <cstdlib>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace fit {

template <typename E>
struct error {
  explicit error(E value) : value_(std::move(value)) {}
  E value_;
};
template <typename E>
error(E) -> error<E>;

template <typename... T>
struct success;
template <typename T>
struct success<T> {
  explicit success(T value) : value_(std::move(value)) {}
  T value_;
};
template <>
struct success<> {};
template <typename T>
success(T) -> success<T>;
success()->success<>;

template <typename T>
success<std::decay_t<T>> ok(T&& value) {
  return success<std::decay_t<T>>(std::forward<T>(value));
}
inline success<> ok() { return {}; }
template <typename E>
error<std::decay_t<E>> as_error(E&& value) {
  return error<std::decay_t<E>>(std::forward<E>(value));
}

template <typename E, typename... T>
class result;

template <typename E, typename T>
class [[nodiscard]] result<E, T> {
 public:
  result(error<E> e) : state_(std::in_place_index<0>, std::move(e.value_)) {}
  template <typename U, typename = std::enable_if_t<std::is_constructible_v<T, U&&>>>
  result(success<U> s) : state_(std::in_place_index<1>, std::move(s.value_)) {}

  bool is_ok() const { return state_.index() == 1; }
  bool is_error() const { return state_.index() == 0; }
  T& value() & { return Checked(); }
  const T& value() const& { return const_cast<result*>(this)->Checked(); }
  T&& value() && { return std::move(Checked()); }
  E& error_value() {
    if (!is_error()) std::abort();
    return std::get<0>(state_);
  }
  const E& error_value() const { return const_cast<result*>(this)->error_value(); }
  T* operator->() { return &Checked(); }
  T& operator*() { return Checked(); }

 private:
  T& Checked() {
    if (!is_ok()) std::abort();
    return std::get<1>(state_);
  }
  std::variant<E, T> state_;
};

template <typename E>
class [[nodiscard]] result<E> {
 public:
  result(error<E> e) : error_(std::move(e.value_)) {}
  result(success<>) {}

  bool is_ok() const { return !error_.has_value(); }
  bool is_error() const { return error_.has_value(); }
  E& error_value() {
    if (!is_error()) std::abort();
    return *error_;
  }
  const E& error_value() const { return const_cast<result*>(this)->error_value(); }

 private:
  std::optional<E> error_;
};

}  // namespace fit

#endif  // LIB_FIT_RESULT_H_
