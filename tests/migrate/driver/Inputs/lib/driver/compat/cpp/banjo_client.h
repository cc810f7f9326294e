// Stand-in for compat::ConnectBanjo and what it returns (zx::result, fdf::Namespace).
#pragma once
#include <memory>
#include <string_view>
#include <utility>

namespace zx {
template <typename T>
class result {
 public:
  explicit result(T value) : value_(std::move(value)) {}
  bool is_error() const { return false; }
  int status_value() const { return 0; }
  T& operator*() { return value_; }
  T* operator->() { return &value_; }

 private:
  T value_;
};
}  // namespace zx

namespace fdf {
class Namespace {};
}  // namespace fdf

namespace compat {
template <typename Client>
zx::result<Client> ConnectBanjo(const std::shared_ptr<fdf::Namespace>&,
                                std::string_view parent_name = "default") {
  (void)parent_name;
  return zx::result<Client>(Client());
}
}  // namespace compat
