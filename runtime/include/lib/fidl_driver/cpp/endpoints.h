// fdf::ClientEnd<P>, fdf::ServerEnd<P>, fdf::Endpoints<P>: typed ends of a driver-transport
// channel. Four bytes each, so they sit in wire domain objects as handles.
#ifndef LIB_FIDL_DRIVER_CPP_ENDPOINTS_H_
#define LIB_FIDL_DRIVER_CPP_ENDPOINTS_H_

#include <lib/fdf/cpp/channel.h>
#include <lib/zx/result.h>

#include <cstdlib>

namespace fdf {

template <typename P>
class ClientEnd {
 public:
  using Channel = fdf::Channel;
  ClientEnd() = default;
  explicit ClientEnd(fdf::Channel channel) : channel_(std::move(channel)) {}
  const fdf::Channel& channel() const { return channel_; }
  fdf::Channel& channel() { return channel_; }
  fdf::Channel TakeChannel() { return std::move(channel_); }
  fdf_handle_t handle() const { return channel_.get(); }
  bool is_valid() const { return channel_.is_valid(); }
  explicit operator bool() const { return is_valid(); }
  void reset() { channel_.reset(); }

 private:
  fdf::Channel channel_;
};
static_assert(sizeof(ClientEnd<void>) == 4);

template <typename P>
class ServerEnd {
 public:
  using Channel = fdf::Channel;
  ServerEnd() = default;
  explicit ServerEnd(fdf::Channel channel) : channel_(std::move(channel)) {}
  const fdf::Channel& channel() const { return channel_; }
  fdf::Channel& channel() { return channel_; }
  fdf::Channel TakeChannel() { return std::move(channel_); }
  fdf_handle_t handle() const { return channel_.get(); }
  bool is_valid() const { return channel_.is_valid(); }
  explicit operator bool() const { return is_valid(); }
  void reset() { channel_.reset(); }

 private:
  fdf::Channel channel_;
};

template <typename P>
struct Endpoints {
  ClientEnd<P> client;
  ServerEnd<P> server;
  // Aborts if the runtime cannot create a channel.
  static Endpoints Create() {
    auto pair = fdf::ChannelPair::Create(0);
    if (pair.is_error()) std::abort();
    return Endpoints{ClientEnd<P>(std::move(pair->end0)), ServerEnd<P>(std::move(pair->end1))};
  }
};

template <typename P>
zx::result<Endpoints<P>> CreateEndpoints() {
  auto pair = fdf::ChannelPair::Create(0);
  if (pair.is_error()) return zx::error(pair.status_value());
  return zx::ok(Endpoints<P>{ClientEnd<P>(std::move(pair->end0)),
                             ServerEnd<P>(std::move(pair->end1))});
}

}  // namespace fdf

#endif  // LIB_FIDL_DRIVER_CPP_ENDPOINTS_H_
