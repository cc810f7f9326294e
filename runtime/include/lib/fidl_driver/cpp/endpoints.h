// fdf::ClientEnd<P>, fdf::ServerEnd<P>, fdf::Endpoints<P>: typed ends of a driver-transport
// channel. Four bytes each, so they sit in wire domain objects as handles.
#ifndef LIB_FIDL_DRIVER_CPP_ENDPOINTS_H_
#define LIB_FIDL_DRIVER_CPP_ENDPOINTS_H_

#include <lib/fdf/cpp/channel.h>
#include <lib/fidl/cpp/wire/internal/channel_end.h>
#include <lib/zx/result.h>

#include <cstdlib>

namespace fdf {

template <typename P>
class ClientEnd : public fidl::internal::ChannelEnd<fdf::Channel> {
 public:
  using fidl::internal::ChannelEnd<fdf::Channel>::ChannelEnd;
};
static_assert(sizeof(ClientEnd<void>) == 4);

template <typename P>
class ServerEnd : public fidl::internal::ChannelEnd<fdf::Channel> {
 public:
  using fidl::internal::ChannelEnd<fdf::Channel>::ChannelEnd;
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
