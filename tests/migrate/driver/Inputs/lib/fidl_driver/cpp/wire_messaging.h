// Stand-in for the driver-transport wire runtime the generated bindings use: arena, clients and
// servers by protocol, a call's result, a method's completer, vector views.
#pragma once
#include <zircon/types.h>

#include <cstddef>
#include <new>

namespace fdf {
class Arena {
 public:
  explicit Arena(uint32_t tag) : tag_(tag) {}
  void* Allocate(size_t bytes) { return ::operator new(bytes); }

 private:
  uint32_t tag_;
};
template <typename Protocol>
class WireSyncClient;
template <typename Protocol>
class WireClient;
template <typename Protocol>
class ClientEnd;
template <typename Protocol>
class WireCall;
template <typename Protocol>
class WireServer;
template <typename Protocol>
class ServerBindingGroup {
 public:
  template <typename Impl>
  int CreateHandler(Impl*, void*, int) {
    return 0;
  }
};
}  // namespace fdf

namespace fidl {
template <typename T>
class VectorView {
 public:
  VectorView() = default;
  // `count` elements on the arena.
  VectorView(fdf::Arena& arena, size_t count)
      : data_(static_cast<T*>(arena.Allocate(sizeof(T) * count))), count_(count) {}
  static VectorView FromExternal(T* data, size_t count) { return VectorView(data, count); }
  T* data() const { return data_; }
  size_t count() const { return count_; }
  T& operator[](size_t index) const { return data_[index]; }
  T* begin() const { return data_; }
  T* end() const { return data_ + count_; }

 private:
  VectorView(T* data, size_t count) : data_(data), count_(count) {}
  T* data_ = nullptr;
  size_t count_ = 0;
};

// A fixed-size array, with the container helpers of std::array.
template <typename T, size_t N>
struct Array {
  T data_[N];
  T* data() { return data_; }
  const T* data() const { return data_; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T* begin() { return data_; }
  T* end() { return data_ + N; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + N; }
};

// A string view: not NUL-terminated, with its size.
class StringView {
 public:
  StringView() = default;
  static StringView FromExternal(const char* data, size_t size) { return StringView(data, size); }
  const char* data() const { return data_; }
  size_t size() const { return size_; }
  const char* begin() const { return data_; }
  const char* end() const { return data_ + size_; }

 private:
  StringView(const char* data, size_t size) : data_(data), size_(size) {}
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// A two-way call's outcome: the transport's status, then the method's error or its response.
template <typename Response>
class Result {
 public:
  class Domain {
   public:
    bool is_error() const { return false; }
    zx_status_t error_value() const { return ZX_OK; }
    Response* value() { return &response_; }

   private:
    Response response_;
  };
  bool ok() const { return true; }
  zx_status_t status() const { return ZX_OK; }
  Domain* operator->() { return &domain_; }

 private:
  Domain domain_;
};

// What a one-way call returns: whether the message went out.
struct OneWayStatus {
  bool ok() const { return true; }
};

// The outcome of a method without an error syntax: the transport's status, then the response.
template <typename Response>
class PlainResult {
 public:
  bool ok() const { return true; }
  zx_status_t status() const { return ZX_OK; }
  Response* operator->() { return &response_; }

 private:
  Response response_;
};

template <typename Protocol>
struct UnknownMethodMetadata {};
struct UnknownMethodCompleter {
  struct Sync {};
};
inline constexpr int kIgnoreBindingClosure = 0;

// A method's completer: replies with the response's fields (Reply, or ReplySuccess with an error
// syntax), or the method's error.
template <typename... Fields>
struct Completer {
  struct Buffer {
    void Reply(Fields...) {}
    void ReplySuccess(Fields...) {}
    void ReplyError(zx_status_t) {}
  };
  // Held past the method's return (ToAsync), replied to later; moved, never copied.
  // On Zircon channels the completer replies itself, on a buffer of its own.
  struct Async : Buffer {
    Async() = default;
    Async(Async&&) = default;
    Async(const Async&) = delete;
    Buffer buffer(const fdf::Arena&) { return {}; }
  };
  struct Sync : Buffer {
    Buffer buffer(const fdf::Arena&) { return {}; }
    Async ToAsync() { return {}; }
  };
};

// What an async client's two-way call returns: the call goes out when a continuation is attached.
template <typename Method>
struct Thenable;
}  // namespace fidl

namespace fdf {
// A finished two-way call of `Method` (whose marker names its Response).
template <typename Method>
class WireUnownedResult : public fidl::Result<typename Method::Response> {};
}  // namespace fdf

template <typename Method>
struct fidl::Thenable {
  template <typename Callback>
  void ThenExactlyOnce(Callback&& callback) && {
    fdf::WireUnownedResult<Method> result;
    callback(result);
  }
};
