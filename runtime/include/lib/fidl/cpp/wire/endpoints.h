// fidl::ClientEnd<P>, fidl::ServerEnd<P>, fidl::Endpoints<P>: typed ends of a zircon channel
// (the channel transport). Four bytes each, so they sit in wire domain objects as handles.
#ifndef LIB_FIDL_CPP_WIRE_ENDPOINTS_H_
#define LIB_FIDL_CPP_WIRE_ENDPOINTS_H_

#include <lib/zx/channel.h>
#include <lib/zx/result.h>

#include <cstdlib>

namespace fidl {

template <typename P>
class ClientEnd {
 public:
  using Channel = zx::channel;
  ClientEnd() = default;
  explicit ClientEnd(zx::channel channel) : channel_(std::move(channel)) {}
  const zx::channel& channel() const { return channel_; }
  zx::channel& channel() { return channel_; }
  zx::channel TakeChannel() { return std::move(channel_); }
  zx_handle_t handle() const { return channel_.get(); }
  bool is_valid() const { return channel_.is_valid(); }
  explicit operator bool() const { return is_valid(); }
  void reset() { channel_.reset(); }

 private:
  zx::channel channel_;
};
static_assert(sizeof(ClientEnd<void>) == 4);

template <typename P>
class ServerEnd {
 public:
  using Channel = zx::channel;
  ServerEnd() = default;
  explicit ServerEnd(zx::channel channel) : channel_(std::move(channel)) {}
  const zx::channel& channel() const { return channel_; }
  zx::channel& channel() { return channel_; }
  zx::channel TakeChannel() { return std::move(channel_); }
  zx_handle_t handle() const { return channel_.get(); }
  bool is_valid() const { return channel_.is_valid(); }
  explicit operator bool() const { return is_valid(); }
  void reset() { channel_.reset(); }

 private:
  zx::channel channel_;
};

template <typename P>
struct Endpoints {
  ClientEnd<P> client;
  ServerEnd<P> server;
  // Aborts if the runtime cannot create a channel.
  static Endpoints Create() {
    zx::channel client, server;
    if (zx::channel::create(0, &client, &server) != ZX_OK) std::abort();
    return Endpoints{ClientEnd<P>(std::move(client)), ServerEnd<P>(std::move(server))};
  }
};

template <typename P>
zx::result<Endpoints<P>> CreateEndpoints() {
  zx::channel client, server;
  if (zx_status_t status = zx::channel::create(0, &client, &server); status != ZX_OK) {
    return zx::error(status);
  }
  return zx::ok(Endpoints<P>{ClientEnd<P>(std::move(client)), ServerEnd<P>(std::move(server))});
}

}  // namespace fidl

#endif  // LIB_FIDL_CPP_WIRE_ENDPOINTS_H_
