// fidl::StringView: the decoded wire layout of `string` (byte count, then a data pointer).
#ifndef LIB_FIDL_CPP_WIRE_STRING_VIEW_H_
#define LIB_FIDL_CPP_WIRE_STRING_VIEW_H_

#include <lib/fidl/cpp/wire/vector_view.h>

#include <string_view>

namespace fidl {

class StringView final : public VectorView<const char> {
 public:
  constexpr StringView() = default;
  // Only for literals: the view keeps pointing at static storage.
  template <size_t N>
  constexpr StringView(const char (&literal)[N])
      : VectorView<const char>(FromExternal(literal, N - 1)) {}
  StringView(AnyArena& arena, std::string_view text) : VectorView<const char>(Copy(arena, text)) {}
  StringView(const VectorView<const char>& view) : VectorView<const char>(view) {}

  static StringView FromExternal(std::string_view text) {
    return StringView(VectorView<const char>::FromExternal(text.data(), text.size()));
  }
  static StringView FromExternal(const char* data, size_t size) {
    return StringView(VectorView<const char>::FromExternal(data, size));
  }

  void Set(AnyArena& arena, std::string_view text) { *this = StringView(arena, text); }
  std::string_view get() const { return std::string_view(data(), size()); }
  operator std::string_view() const { return get(); }
  bool operator==(std::string_view other) const { return get() == other; }

 private:
  static VectorView<const char> Copy(AnyArena& arena, std::string_view text) {
    if (text.empty()) return VectorView<const char>::FromExternal("", 0);
    char* bytes = static_cast<char*>(arena.AllocateBytes(text.size()));
    std::memcpy(bytes, text.data(), text.size());
    return VectorView<const char>::FromExternal(bytes, text.size());
  }
};

static_assert(sizeof(StringView) == 16);

}  // namespace fidl

#endif  // LIB_FIDL_CPP_WIRE_STRING_VIEW_H_
