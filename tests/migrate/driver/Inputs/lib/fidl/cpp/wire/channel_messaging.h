// Stand-in for the Zircon-channel wire runtime the generated channel bindings use: clients and
// servers by protocol, a call's result, the arena copies go on, the binding group. The pieces both
// transports share (vector views, results, completers) are the driver transport's stand-in's.
#pragma once
#include <lib/async/dispatcher.h>
#include <lib/fidl_driver/cpp/wire_messaging.h>

#include <cstddef>

namespace fidl {
class Arena {
 public:
  template <typename T>
  T* AllocateVector(size_t count) {
    return new T[count]();
  }
};
template <typename Protocol>
class ClientEnd {};
template <typename Protocol>
class WireSyncClient;
template <typename Protocol>
class WireClient;
template <typename Protocol>
class WireServer;
template <typename Method>
class WireUnownedResult : public Result<typename Method::Response> {};
template <typename Protocol>
class ServerBindingGroup {
 public:
  template <typename Impl>
  int CreateHandler(Impl*, async_dispatcher_t*, int) {
    return 0;
  }
};
}  // namespace fidl
