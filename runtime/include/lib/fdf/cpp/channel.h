// fdf::Channel, fdf::ChannelPair, fdf::UnownedChannel.
#ifndef LIB_FDF_CPP_CHANNEL_H_
#define LIB_FDF_CPP_CHANNEL_H_

#include <lib/fdf/channel.h>
#include <lib/fdf/cpp/arena.h>
#include <lib/zx/result.h>
#include <lib/zx/time.h>

#include <compare>
#include <span>
#include <utility>

namespace fdf {

template <typename T>
class Unowned;

class Channel {
 public:
  struct ReadReturn {
    Arena arena;
    void* data;
    uint32_t num_bytes;
    std::span<zx_handle_t> handles;
  };

  Channel() = default;
  explicit Channel(fdf_handle_t handle) : handle_(handle) {}
  Channel(Channel&& o) noexcept : handle_(std::exchange(o.handle_, FDF_HANDLE_INVALID)) {}
  Channel& operator=(Channel&& o) noexcept {
    reset(o.release());
    return *this;
  }
  Channel(const Channel&) = delete;
  Channel& operator=(const Channel&) = delete;
  ~Channel() { close(); }

  zx::result<> Write(uint32_t options, const Arena& arena, void* data, uint32_t num_bytes,
                     std::span<zx_handle_t> handles) const {
    return zx::make_result(fdf_channel_write(handle_, options, arena.get(), data, num_bytes,
                                             handles.data(),
                                             static_cast<uint32_t>(handles.size())));
  }

  zx::result<ReadReturn> Read(uint32_t options) const {
    fdf_arena_t* arena = nullptr;
    void* data = nullptr;
    uint32_t num_bytes = 0;
    zx_handle_t* handles = nullptr;
    uint32_t num_handles = 0;
    zx_status_t status =
        fdf_channel_read(handle_, options, &arena, &data, &num_bytes, &handles, &num_handles);
    if (status != ZX_OK) return zx::error(status);
    return zx::ok(ReadReturn{Arena(arena), data, num_bytes, std::span(handles, num_handles)});
  }

  zx::result<ReadReturn> Call(uint32_t options, zx::time deadline, const Arena& arena, void* data,
                              uint32_t num_bytes, std::span<zx_handle_t> handles) const {
    fdf_arena_t* rd_arena = nullptr;
    void* rd_data = nullptr;
    uint32_t rd_num_bytes = 0;
    zx_handle_t* rd_handles = nullptr;
    uint32_t rd_num_handles = 0;
    fdf_channel_call_args_t args{arena.get(), data,         num_bytes,   handles.data(),
                                 static_cast<uint32_t>(handles.size()),
                                 &rd_arena,   &rd_data,     &rd_num_bytes, &rd_handles,
                                 &rd_num_handles};
    zx_status_t status = fdf_channel_call(handle_, options, deadline.get(), &args);
    if (status != ZX_OK) return zx::error(status);
    return zx::ok(
        ReadReturn{Arena(rd_arena), rd_data, rd_num_bytes, std::span(rd_handles, rd_num_handles)});
  }

  bool is_valid() const { return handle_ != FDF_HANDLE_INVALID; }
  explicit operator bool() const { return is_valid(); }
  fdf_handle_t get() const { return handle_; }
  fdf_handle_t release() { return std::exchange(handle_, FDF_HANDLE_INVALID); }
  void reset(fdf_handle_t handle = FDF_HANDLE_INVALID) {
    close();
    handle_ = handle;
  }
  void close() {
    if (handle_ != FDF_HANDLE_INVALID) fdf_handle_close(std::exchange(handle_, FDF_HANDLE_INVALID));
  }
  Unowned<Channel> borrow() const;

 private:
  fdf_handle_t handle_ = FDF_HANDLE_INVALID;
};

// A non-owning view; never closes. Ordered by handle value (invalid is lowest).
template <typename T>
class Unowned {
 public:
  Unowned() = default;
  explicit Unowned(fdf_handle_t handle) : value_(handle) {}
  explicit Unowned(const T& owner) : value_(owner.get()) {}
  Unowned(const Unowned& o) : value_(o.value_.get()) {}
  Unowned& operator=(const Unowned& o) {
    (void)value_.release();
    value_ = T(o.value_.get());
    return *this;
  }
  ~Unowned() { (void)value_.release(); }
  const T& operator*() const { return value_; }
  const T* operator->() const { return &value_; }
  fdf_handle_t get() const { return value_.get(); }
  bool is_valid() const { return value_.is_valid(); }
  void reset() { (void)value_.release(); }
  auto operator<=>(const Unowned& o) const { return get() <=> o.get(); }
  bool operator==(const Unowned& o) const { return get() == o.get(); }

 private:
  T value_;
};

using UnownedChannel = Unowned<Channel>;

inline Unowned<Channel> Channel::borrow() const { return Unowned<Channel>(handle_); }

struct ChannelPair {
  static zx::result<ChannelPair> Create(uint32_t options) {
    fdf_handle_t h0, h1;
    zx_status_t status = fdf_channel_create(options, &h0, &h1);
    if (status != ZX_OK) return zx::error(status);
    return zx::ok(ChannelPair{Channel(h0), Channel(h1)});
  }
  Channel end0;
  Channel end1;
};

}  // namespace fdf

#endif  // LIB_FDF_CPP_CHANNEL_H_
