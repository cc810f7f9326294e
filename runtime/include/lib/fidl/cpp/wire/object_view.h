// fidl::ObjectView<T>: one pointer to a T that lives elsewhere (an arena, a decoded message); the
// decoded layout of box<T> and of an out-of-line union member or table field.
#ifndef LIB_FIDL_CPP_WIRE_OBJECT_VIEW_H_
#define LIB_FIDL_CPP_WIRE_OBJECT_VIEW_H_

#include <lib/fidl/cpp/wire/arena.h>

#include <cstddef>
#include <utility>
#include <type_traits>

namespace fidl {

template <typename T>
class ObjectView {
 public:
  constexpr ObjectView() = default;
  constexpr ObjectView(std::nullptr_t) {}
  // Constructs T on the arena; when T cannot be built from `args` it gets the arena first, which
  // is how nested views are constructed in place.
  template <typename... Args>
  explicit ObjectView(AnyArena& arena, Args&&... args)
      : object_(Construct(arena, std::forward<Args>(args)...)) {}
  template <typename U, typename = std::enable_if_t<std::is_convertible_v<U*, T*>>>
  ObjectView(const ObjectView<U>& other) : object_(other.get()) {}

  static ObjectView FromExternal(T* object) { return ObjectView(object, 0); }
  void Allocate(AnyArena& arena) { object_ = arena.Allocate<T>(); }

  T* get() const { return object_; }
  T* operator->() const { return object_; }
  T& operator*() const { return *object_; }
  explicit operator bool() const { return object_ != nullptr; }
  bool operator==(std::nullptr_t) const { return object_ == nullptr; }

 private:
  ObjectView(T* object, int) : object_(object) {}
  template <typename... Args>
  static T* Construct(AnyArena& arena, Args&&... args) {
    // Forwarded: resource types (holding handles) are move-only.
    if constexpr (std::is_constructible_v<T, Args&&...>) {
      return arena.Allocate<T>(std::forward<Args>(args)...);
    } else {
      return arena.Allocate<T>(arena, std::forward<Args>(args)...);
    }
  }

  T* object_ = nullptr;
};

static_assert(sizeof(ObjectView<int>) == 8);

}  // namespace fidl

#endif  // LIB_FIDL_CPP_WIRE_OBJECT_VIEW_H_
