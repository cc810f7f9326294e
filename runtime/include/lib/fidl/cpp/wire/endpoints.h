// fidl::ClientEnd<P>, fidl::ServerEnd<P>, fidl::Endpoints<P>: typed ends of a zircon channel
// (the channel transport). Four bytes each, so they sit in wire domain objects as handles.
#ifndef LIB_FIDL_CPP_WIRE_ENDPOINTS_H_
#define LIB_FIDL_CPP_WIRE_ENDPOINTS_H_

#include <lib/zx/channel.h>
#include <lib/fidl/cpp/wire/internal/channel_end.h>
#include <lib/zx/result.h>

#include <cstdlib>

namespace fidl {

template <typename P>
class ClientEnd : public fidl::internal::ChannelEnd<zx::channel> {
 public:
  using fidl::internal::ChannelEnd<zx::channel>::ChannelEnd;
};
static_assert(sizeof(ClientEnd<void>) == 4);

template <typename P>
class ServerEnd : public fidl::internal::ChannelEnd<zx::channel> {
 public:
  using fidl::internal::ChannelEnd<zx::channel>::ChannelEnd;
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
