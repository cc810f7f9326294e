// The decoded form of a v2 envelope (8 bytes), the slot a union member or table field lives in:
//   inline  (content of at most 4 bytes): value[4], num_handles:u16, flags:u16 = 1
//   out of line: a pointer to the content; null = absent.
// User-space pointers on the supported 64-bit targets leave the top 16 bits zero, so the flags
// word tells the two apart.
#ifndef LIB_FIDL_CPP_WIRE_ENVELOPE_H_
#define LIB_FIDL_CPP_WIRE_ENVELOPE_H_

#include <cstdint>
#include <cstring>
#include <new>

namespace fidl::internal {

inline constexpr uint16_t kEnvelopeInlineFlag = 1;

class WireEnvelope {
 public:
  bool is_empty() const { return raw() == 0; }
  bool is_inline() const { return flags() == kEnvelopeInlineFlag; }
  uint16_t flags() const {
    uint16_t value;
    std::memcpy(&value, bytes_ + 6, 2);
    return value;
  }
  uint16_t num_handles() const {
    uint16_t value;
    std::memcpy(&value, bytes_ + 4, 2);
    return value;
  }
  void* pointer() const { return reinterpret_cast<void*>(raw()); }
  // The content: the inline bytes or the out-of-line object.
  template <typename T>
  T* get() const {
    if (is_inline()) return reinterpret_cast<T*>(const_cast<uint8_t*>(bytes_));
    return static_cast<T*>(pointer());
  }

  template <typename T>
  void SetInline(T&& value, uint16_t num_handles = 0) {
    using V = std::remove_cvref_t<T>;
    static_assert(sizeof(V) <= 4);
    std::memset(bytes_, 0, sizeof(bytes_));
    new (bytes_) V(static_cast<T&&>(value));
    std::memcpy(bytes_ + 4, &num_handles, 2);
    uint16_t flag = kEnvelopeInlineFlag;
    std::memcpy(bytes_ + 6, &flag, 2);
  }
  void SetPointer(const void* content) {
    uint64_t value = reinterpret_cast<uint64_t>(content);
    std::memcpy(bytes_, &value, 8);
  }
  void Clear() { std::memset(bytes_, 0, sizeof(bytes_)); }
  uint64_t raw() const {
    uint64_t value;
    std::memcpy(&value, bytes_, 8);
    return value;
  }
  void set_raw(uint64_t value) { std::memcpy(bytes_, &value, 8); }

 private:
  alignas(8) uint8_t bytes_[8] = {};
};

static_assert(sizeof(WireEnvelope) == 8);

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_ENVELOPE_H_
