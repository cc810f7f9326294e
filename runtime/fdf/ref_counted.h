// Intrusive reference counting: objects that already carry a count need no shared_ptr control
// block. A new object starts with one reference, adopted by the first RefPtr.
#ifndef FDFKIT_RUNTIME_FDF_REF_COUNTED_H_
#define FDFKIT_RUNTIME_FDF_REF_COUNTED_H_

#include <atomic>
#include <cstdint>
#include <utility>

namespace fdf_internal {

template <typename T>
class RefCounted {
 public:
  void AddRef() const { refs_.fetch_add(1, std::memory_order_relaxed); }
  // Deletes the object when the last reference goes.
  void Release() const {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      delete static_cast<const T*>(this);
    }
  }

 protected:
  RefCounted() = default;
  ~RefCounted() = default;

 private:
  mutable std::atomic<int32_t> refs_{1};
};

template <typename T>
class RefPtr {
 public:
  RefPtr() = default;
  RefPtr(std::nullptr_t) {}
  // Takes an additional reference.
  explicit RefPtr(T* p) : p_(p) {
    if (p_) p_->AddRef();
  }
  // Takes over the reference the caller already holds.
  static RefPtr Adopt(T* p) {
    RefPtr r;
    r.p_ = p;
    return r;
  }
  RefPtr(const RefPtr& o) : RefPtr(o.p_) {}
  RefPtr(RefPtr&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  RefPtr& operator=(RefPtr o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~RefPtr() {
    if (p_) p_->Release();
  }

  T* get() const { return p_; }
  T* operator->() const { return p_; }
  T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }
  bool operator==(const RefPtr& o) const { return p_ == o.p_; }
  // Gives up ownership of the reference without dropping it.
  T* Leak() { return std::exchange(p_, nullptr); }

 private:
  T* p_ = nullptr;
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_REF_COUNTED_H_
