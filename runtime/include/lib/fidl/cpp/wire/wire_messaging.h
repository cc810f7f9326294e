// The channel-transport API (fidl::WireSyncClient, fidl::WireClient, fidl::WireServer,
// fidl::BindServer, ...), for protocols talking across processes over zircon channels. Generated
// headers (<fidl/<library>/cpp/wire.h>) specialize the per-protocol pieces.
#ifndef LIB_FIDL_CPP_WIRE_WIRE_MESSAGING_H_
#define LIB_FIDL_CPP_WIRE_WIRE_MESSAGING_H_

#include <lib/async/dispatcher.h>
#include <lib/fidl/cpp/wire/channel_transport.h>
#include <lib/fidl/cpp/wire/endpoints.h>
#include <lib/fidl/cpp/wire/internal/messaging.h>
#include <lib/fidl/cpp/wire/internal/server_binding_group.h>

#include <deque>
#include <memory>

namespace fidl {

template <typename P>
class WireServer;  // generated
template <typename P>
class WireAsyncEventHandler;  // generated

// A finished two-way call; owns the reply bytes.
template <typename M>
class WireUnownedResult : public internal::WireResultBase<M> {
 public:
  explicit WireUnownedResult(const Status& status) : internal::WireResultBase<M>(status) {}
  explicit WireUnownedResult(internal::IncomingMessage&& reply)
      : internal::WireResultBase<M>(Status::Ok()) {
    this->SetReply(std::move(reply));
  }
  WireUnownedResult(WireUnownedResult&&) = default;
};
template <typename M>
using WireResult = WireUnownedResult<M>;

namespace internal {
template <typename M>
WireUnownedResult<M> ChannelSyncCall(zx_handle_t channel, void* message, fdf_arena_t*) {
  IncomingMessage reply;
  Status status = ChannelCall(channel, message, M::kRequestType, M::kResponseType, &reply);
  if (!status.ok()) return WireUnownedResult<M>(status);
  return WireUnownedResult<M>(std::move(reply));
}
}  // namespace internal

template <typename P>
class ServerBindingRef : public internal::ServerBindingRefBase<P> {
 public:
  using internal::ServerBindingRefBase<P>::ServerBindingRefBase;
};

// Serves `impl` on any async dispatcher (fdf_dispatcher_get_async_dispatcher works too).
template <typename P, typename Impl, typename OnUnbound = std::nullptr_t>
ServerBindingRef<P> BindServer(async_dispatcher_t* dispatcher, ServerEnd<P> server_end, Impl* impl,
                               OnUnbound on_unbound = nullptr) {
  auto bound = internal::ServerBindingCore::Bind(
      internal::MakeZirconMessageChannel(server_end.TakeChannel().release(), dispatcher),
      &internal::WireServerDispatch<P>::kDispatch, static_cast<WireServer<P>*>(impl),
      internal::WrapOnUnbound<Impl, ServerEnd<P>>(impl, std::move(on_unbound)));
  if (bound.is_error()) return ServerBindingRef<P>(std::weak_ptr<fidl::internal::ServerBindingCore>());
  return ServerBindingRef<P>(*bound);
}

namespace internal {
// How fidl::ServerBindingGroup binds: fidl::BindServer on an async dispatcher.
template <>
struct ServerBindingTraits<ChannelTransport> {
  using Dispatcher = async_dispatcher_t;
  template <typename P>
  using ServerEnd = fidl::ServerEnd<P>;
  template <typename P>
  using ServerBindingRef = fidl::ServerBindingRef<P>;
  template <typename P, typename Impl, typename OnUnbound>
  static ServerBindingRef<P> BindServer(Dispatcher* dispatcher, ServerEnd<P> server_end,
                                        Impl* impl, OnUnbound on_unbound) {
    return fidl::BindServer(dispatcher, std::move(server_end), impl, std::move(on_unbound));
  }
};
}  // namespace internal

template <typename P>
class WireSyncClient {
 public:
  WireSyncClient() = default;
  explicit WireSyncClient(ClientEnd<P> client_end) : client_end_(std::move(client_end)) {}
  // Binds a client made empty (a member connected once the driver starts).
  void Bind(ClientEnd<P> client_end) { client_end_ = std::move(client_end); }
  bool is_valid() const { return client_end_.is_valid(); }
  const ClientEnd<P>& client_end() const { return client_end_; }
  ClientEnd<P> TakeClientEnd() { return std::move(client_end_); }

  // client->Method(args...): the request is built in a buffer that lives for the call's full
  // expression, so calls from several threads at once are independent.
  class CallWithOwnBuffer {
   public:
    explicit CallWithOwnBuffer(zx_handle_t channel) : caller_(channel, &arena_) {}
    CallWithOwnBuffer(const CallWithOwnBuffer&) = delete;
    internal::WireSyncBufferClientImpl<P>* operator->() { return &caller_; }

   private:
    Arena<512> arena_;
    internal::WireSyncBufferClientImpl<P> caller_;
  };
  CallWithOwnBuffer operator->() const { return CallWithOwnBuffer(client_end_.handle()); }
  internal::WireSyncBufferClientImpl<P> buffer(AnyArena& arena) const {
    return internal::WireSyncBufferClientImpl<P>(client_end_.handle(), &arena);
  }

 private:
  ClientEnd<P> client_end_;
};
template <typename P>
WireSyncClient(ClientEnd<P>) -> WireSyncClient<P>;

// fidl::WireCall(client_end)->Method(args...): a synchronous call on a borrowed end.
template <typename P>
typename WireSyncClient<P>::CallWithOwnBuffer WireCall(const ClientEnd<P>& client_end) {
  return typename WireSyncClient<P>::CallWithOwnBuffer(client_end.handle());
}

template <typename P>
class WireClient {
 public:
  WireClient() = default;
  WireClient(ClientEnd<P> client_end, async_dispatcher_t* dispatcher,
             WireAsyncEventHandler<P>* handler = nullptr) {
    Bind(std::move(client_end), dispatcher, handler);
  }
  WireClient(WireClient&&) = default;
  ~WireClient() {
    if (core_) core_->Unbind();
  }
  void Bind(ClientEnd<P> client_end, async_dispatcher_t* dispatcher,
            WireAsyncEventHandler<P>* handler = nullptr) {
    auto bound = internal::ClientCore::Bind(
        internal::MakeZirconMessageChannel(client_end.TakeChannel().release(), dispatcher),
        &internal::WireEventDispatch<P>::kDispatch, handler);
    if (bound.is_ok()) core_ = std::move(*bound);
  }
  bool is_valid() const { return core_ != nullptr; }
  internal::WireAsyncBufferClientImpl<P> operator->() const {
    return internal::WireAsyncBufferClientImpl<P>(core_, nullptr);
  }
  internal::WireAsyncBufferClientImpl<P> buffer(AnyArena& arena) const {
    return internal::WireAsyncBufferClientImpl<P>(core_, &arena);
  }
  void AsyncTeardown() {
    if (core_) core_->Unbind();
  }

 private:
  std::shared_ptr<internal::ClientCore> core_;
};

template <typename P>
class WireSendEvent {
 public:
  explicit WireSendEvent(const ServerBindingRef<P>& ref) : core_(ref.lock()) {}
  explicit WireSendEvent(const ServerEnd<P>& end) : handle_(end.handle()) {}
  internal::WireEventSenderImpl<P> operator->() {
    arena_.Reset();
    return internal::WireEventSenderImpl<P>(core_.get(), handle_, &arena_);
  }
  internal::WireEventSenderImpl<P> buffer(AnyArena& arena) {
    return internal::WireEventSenderImpl<P>(core_.get(), handle_, &arena);
  }

 private:
  std::shared_ptr<internal::ServerBindingCore> core_;
  zx_handle_t handle_ = ZX_HANDLE_INVALID;
  Arena<512> arena_;
};

// Many bindings to one or more implementations, each on an async dispatcher; removing or closing
// them by implementation (lib/fidl/cpp/wire/internal/server_binding_group.h).
template <typename P>
class ServerBindingGroup
    : public internal::ServerBindingGroupBase<internal::ChannelTransport, P> {
 public:
  ServerBindingGroup() = default;  // declared: not an aggregate, so `group{}` works
};

}  // namespace fidl

#endif  // LIB_FIDL_CPP_WIRE_WIRE_MESSAGING_H_
