// zx::handle and zx::object<T>: move-only owners of a Zircon handle.
#ifndef LIB_ZX_HANDLE_H_
#define LIB_ZX_HANDLE_H_

#include <lib/zx/time.h>
#include <zircon/syscalls.h>

#include <utility>

namespace zx {

template <typename T>
class unowned;

// Base of every owning wrapper: closes the handle on destruction.
template <typename T>
class object {
 public:
  constexpr object() = default;
  explicit object(zx_handle_t value) : value_(value) {}
  object(object&& other) noexcept : value_(other.release()) {}
  object& operator=(object&& other) noexcept {
    reset(other.release());
    return *this;
  }
  object(const object&) = delete;
  object& operator=(const object&) = delete;
  ~object() { reset(); }

  bool is_valid() const { return value_ != ZX_HANDLE_INVALID; }
  explicit operator bool() const { return is_valid(); }
  zx_handle_t get() const { return value_; }
  zx_handle_t release() { return std::exchange(value_, ZX_HANDLE_INVALID); }
  void reset(zx_handle_t value = ZX_HANDLE_INVALID) {
    if (value_ != ZX_HANDLE_INVALID) zx_handle_close(value_);
    value_ = value;
  }
  zx_handle_t* reset_and_get_address() {
    reset();
    return &value_;
  }
  unowned<T> borrow() const { return unowned<T>(value_); }

  zx_status_t signal(uint32_t clear_mask, uint32_t set_mask) const {
    return zx_object_signal(value_, clear_mask, set_mask);
  }
  zx_status_t wait_one(zx_signals_t signals, zx::time deadline, zx_signals_t* pending) const {
    return zx_object_wait_one(value_, signals, deadline.get(), pending);
  }
  zx_status_t get_info(uint32_t topic, void* buffer, size_t size, size_t* actual,
                       size_t* avail) const {
    return zx_object_get_info(value_, topic, buffer, size, actual, avail);
  }
  zx_status_t duplicate(zx_rights_t rights, T* out) const {
    zx_handle_t h;
    zx_status_t status = zx_handle_duplicate(value_, rights, &h);
    if (status == ZX_OK) out->reset(h);
    return status;
  }

 protected:
  zx_handle_t value_ = ZX_HANDLE_INVALID;
};

class handle final : public object<handle> {
 public:
  using object<handle>::object;
};

// A non-owning view: never closes.
template <typename T>
class unowned {
 public:
  unowned() = default;
  explicit unowned(zx_handle_t value) : value_(value) {}
  explicit unowned(const T& owner) : value_(owner.get()) {}
  zx_handle_t get() const { return value_; }
  bool is_valid() const { return value_ != ZX_HANDLE_INVALID; }
  // A borrowed T whose destructor must not close: the view releases before it dies.
  const T& operator*() const {
    // Detached first: assigning over a holder that already views the handle would close it.
    (void)holder_.release();
    holder_ = T(value_);
    return holder_;
  }
  const T* operator->() const { return &**this; }
  ~unowned() { (void)holder_.release(); }

 private:
  zx_handle_t value_ = ZX_HANDLE_INVALID;
  mutable T holder_;
};

using unowned_handle = unowned<handle>;

}  // namespace zx

#endif  // LIB_ZX_HANDLE_H_
