// The driver-transport API driver authors write against (fdf::ClientEnd, fdf::WireSyncClient,
// fdf::WireClient, fdf::WireServer, fdf::BindServer, ...). Generated headers
// (<fidl/<library>/cpp/driver/wire.h>) specialize the per-protocol pieces.
#ifndef LIB_FIDL_DRIVER_CPP_WIRE_MESSAGING_H_
#define LIB_FIDL_DRIVER_CPP_WIRE_MESSAGING_H_

#include <lib/fdf/cpp/arena.h>
#include <lib/fdf/cpp/channel.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fidl/cpp/wire/internal/messaging.h>
#include <lib/fidl/cpp/wire/internal/server_binding_group.h>
#include <lib/fidl_driver/cpp/endpoints.h>
#include <lib/fidl_driver/cpp/transport.h>
#include <lib/zx/result.h>

#include <memory>

namespace fdf {

template <typename P>
class WireServer;  // generated
template <typename P>
class WireAsyncEventHandler;  // generated

// A finished two-way call. The reply lives on the arena that came back with it.
template <typename M>
class WireUnownedResult : public fidl::internal::WireResultBase<M> {
 public:
  explicit WireUnownedResult(const fidl::Status& status)
      : fidl::internal::WireResultBase<M>(status) {}
  explicit WireUnownedResult(fidl::internal::IncomingMessage&& reply)
      : fidl::internal::WireResultBase<M>(fidl::Status::Ok()) {
    this->SetReply(std::move(reply));
  }
  WireUnownedResult(WireUnownedResult&&) = default;
  // The arena holding the reply (valid until the result is destroyed).
  fdf_arena_t* arena() { return this->message().arena(); }
};

namespace internal {
template <typename M>
WireUnownedResult<M> SyncCall(fdf_handle_t channel, void* message, fdf_arena_t* arena) {
  fidl::internal::IncomingMessage reply;
  fidl::Status status =
      DriverCall(channel, message, M::kRequestType, arena, M::kResponseType, &reply);
  if (!status.ok()) return WireUnownedResult<M>(status);
  return WireUnownedResult<M>(std::move(reply));
}
// A sync call on the channel an async client has bound (client.sync()).
template <typename M>
WireUnownedResult<M> CoreSyncCall(fidl::internal::ClientCore* core, void* message,
                                  fdf_arena_t* arena) {
  if (core == nullptr) return WireUnownedResult<M>(fidl::Status::Unbound());
  fidl::internal::IncomingMessage reply;
  fidl::Status status = core->Call(message, M::kRequestType, arena, M::kResponseType, &reply);
  if (!status.ok()) return WireUnownedResult<M>(status);
  return WireUnownedResult<M>(std::move(reply));
}

// What client.sync() returns: `client.sync().buffer(arena)->Method(args)` makes a blocking call
// on the bound channel from any thread — the reply goes to the caller, events and other replies
// to the client's dispatcher as before. Once the binding is torn down the call fails:
// ZX_ERR_PEER_CLOSED after the server went away, else ZX_ERR_CANCELED.
template <typename P>
class WireSyncView {
 public:
  explicit WireSyncView(std::shared_ptr<fidl::internal::ClientCore> core)
      : core_(std::move(core)) {}
  auto buffer(const fdf::Arena& arena) const {
    return fidl::internal::WireSyncBufferClientImpl<P>(core_, const_cast<fdf::Arena*>(&arena));
  }

 private:
  std::shared_ptr<fidl::internal::ClientCore> core_;
};
}  // namespace internal

template <typename P>
class ServerBindingRef : public fidl::internal::ServerBindingRefBase<P> {
 public:
  using fidl::internal::ServerBindingRefBase<P>::ServerBindingRefBase;
};

// Serves `impl` on `dispatcher`. `on_unbound(Impl*, fidl::UnbindInfo, fdf::ServerEnd<P>)` runs
// exactly once, on the dispatcher, when the binding ends.
template <typename P, typename Impl, typename OnUnbound = std::nullptr_t>
ServerBindingRef<P> BindServer(fdf_dispatcher_t* dispatcher, ServerEnd<P> server_end, Impl* impl,
                               OnUnbound on_unbound = nullptr) {
  auto bound = fidl::internal::ServerBindingCore::Bind(
      internal::MakeDriverMessageChannel(server_end.TakeChannel().release(), dispatcher),
      &fidl::internal::WireServerDispatch<P>::kDispatch,
      static_cast<WireServer<P>*>(impl),
      fidl::internal::WrapOnUnbound<Impl, ServerEnd<P>>(impl, std::move(on_unbound)));
  if (bound.is_error()) return ServerBindingRef<P>(std::weak_ptr<fidl::internal::ServerBindingCore>());
  return ServerBindingRef<P>(*bound);
}
template <typename P, typename Impl, typename OnUnbound = std::nullptr_t>
ServerBindingRef<P> BindServer(fdf_dispatcher_t* dispatcher, ServerEnd<P> server_end,
                               std::unique_ptr<Impl> impl, OnUnbound on_unbound = nullptr) {
  Impl* raw = impl.get();
  return BindServer(dispatcher, std::move(server_end), raw,
                    [owned = std::shared_ptr<Impl>(std::move(impl)),
                     on_unbound = std::move(on_unbound)](Impl* self, fidl::UnbindInfo info,
                                                         ServerEnd<P> end) mutable {
                      if constexpr (!std::is_same_v<OnUnbound, std::nullptr_t>) {
                        on_unbound(self, info, std::move(end));
                      }
                      owned.reset();  // destroyed after on_unbound
                    });
}

}  // namespace fdf

namespace fidl::internal {
// How fdf::ServerBindingGroup binds: fdf::BindServer on a driver dispatcher.
template <>
struct ServerBindingTraits<DriverTransport> {
  using Dispatcher = fdf_dispatcher_t;
  template <typename P>
  using ServerEnd = fdf::ServerEnd<P>;
  template <typename P>
  using ServerBindingRef = fdf::ServerBindingRef<P>;
  template <typename P, typename Impl, typename OnUnbound>
  static ServerBindingRef<P> BindServer(Dispatcher* dispatcher, ServerEnd<P> server_end,
                                        Impl* impl, OnUnbound on_unbound) {
    return fdf::BindServer(dispatcher, std::move(server_end), impl, std::move(on_unbound));
  }
};
}  // namespace fidl::internal

namespace fdf {

template <typename P>
class WireSyncClient {
 public:
  WireSyncClient() = default;
  explicit WireSyncClient(ClientEnd<P> client_end) : client_end_(std::move(client_end)) {}
  void Bind(ClientEnd<P> client_end) { client_end_ = std::move(client_end); }
  bool is_valid() const { return client_end_.is_valid(); }
  const ClientEnd<P>& client_end() const { return client_end_; }
  ClientEnd<P> TakeClientEnd() { return std::move(client_end_); }

  // client.buffer(arena)->Method(args...): the request is built on `arena`. A call does not
  // change the client (const, as the channel client's is): a const reference to it can call.
  auto buffer(const fdf::Arena& arena) const {
    return fidl::internal::WireSyncBufferClientImpl<P>(client_end_.handle(),
                                                       const_cast<fdf::Arena*>(&arena));
  }

 private:
  ClientEnd<P> client_end_;
};
template <typename P>
WireSyncClient(ClientEnd<P>) -> WireSyncClient<P>;

// fdf::WireCall(client_end).buffer(arena)->Method(): a sync call on a borrowed end.
template <typename P>
class WireCall {
 public:
  explicit WireCall(const ClientEnd<P>& client_end) : handle_(client_end.handle()) {}
  auto buffer(const fdf::Arena& arena) {
    return fidl::internal::WireSyncBufferClientImpl<P>(handle_, const_cast<fdf::Arena*>(&arena));
  }

 private:
  fdf_handle_t handle_;
};

// An async client: bound to one dispatcher; calls complete there. WireSharedClient is the same
// client usable from any thread (the core is thread-safe).
template <typename P>
class WireClient {
 public:
  WireClient() = default;
  WireClient(ClientEnd<P> client_end, fdf_dispatcher_t* dispatcher,
             WireAsyncEventHandler<P>* handler = nullptr) {
    Bind(std::move(client_end), dispatcher, handler);
  }
  WireClient(WireClient&&) = default;
  WireClient& operator=(WireClient&& other) {
    if (core_) core_->Unbind();
    core_ = std::move(other.core_);
    return *this;
  }
  ~WireClient() {
    if (core_) core_->Unbind();
  }
  void Bind(ClientEnd<P> client_end, fdf_dispatcher_t* dispatcher,
            WireAsyncEventHandler<P>* handler = nullptr) {
    auto bound = fidl::internal::ClientCore::Bind(
        internal::MakeDriverMessageChannel(client_end.TakeChannel().release(), dispatcher),
        &fidl::internal::WireEventDispatch<P>::kDispatch, handler);
    if (bound.is_ok()) core_ = std::move(*bound);
  }
  bool is_valid() const { return core_ != nullptr; }
  auto buffer(const fdf::Arena& arena) const {
    return fidl::internal::WireAsyncBufferClientImpl<P>(core_, const_cast<fdf::Arena*>(&arena));
  }
  // Blocking calls on this client's channel: client.sync().buffer(arena)->Method(args).
  internal::WireSyncView<P> sync() const { return internal::WireSyncView<P>(core_); }
  // Tears the binding down; pending ThenExactlyOnce callbacks run with a cancellation.
  void AsyncTeardown() {
    if (core_) core_->Unbind();
  }

 protected:
  std::shared_ptr<fidl::internal::ClientCore> core_;
};

// A client usable from any thread. Clones share one binding, torn down when the last clone is
// destroyed or on AsyncTeardown; an owned event handler is destroyed on the dispatcher after the
// teardown completes (a borrowed one must outlive the teardown, as in Fuchsia).
template <typename P>
class WireSharedClient {
 public:
  WireSharedClient() = default;
  WireSharedClient(ClientEnd<P> client_end, fdf_dispatcher_t* dispatcher,
                   std::unique_ptr<WireAsyncEventHandler<P>> handler) {
    WireAsyncEventHandler<P>* raw = handler.get();
    Bind(std::move(client_end), dispatcher, raw, std::shared_ptr<void>(std::move(handler)));
  }
  WireSharedClient(ClientEnd<P> client_end, fdf_dispatcher_t* dispatcher,
                   WireAsyncEventHandler<P>* handler = nullptr) {
    Bind(std::move(client_end), dispatcher, handler, nullptr);
  }
  WireSharedClient Clone() const {
    WireSharedClient clone;
    clone.token_ = token_;
    return clone;
  }
  bool is_valid() const { return token_ && token_->core; }
  auto buffer(const fdf::Arena& arena) const {
    return fidl::internal::WireAsyncBufferClientImpl<P>(token_ ? token_->core : nullptr,
                                                        const_cast<fdf::Arena*>(&arena));
  }
  // Blocking calls on this client's channel, from any thread.
  internal::WireSyncView<P> sync() const {
    return internal::WireSyncView<P>(token_ ? token_->core : nullptr);
  }
  void AsyncTeardown() {
    if (token_ && token_->core) token_->core->Unbind();
  }

 private:
  struct Token {
    std::shared_ptr<fidl::internal::ClientCore> core;
    ~Token() {
      if (core) core->Unbind();
    }
  };
  void Bind(ClientEnd<P> client_end, fdf_dispatcher_t* dispatcher,
            WireAsyncEventHandler<P>* handler, std::shared_ptr<void> owned_handler) {
    token_ = std::make_shared<Token>();
    auto bound = fidl::internal::ClientCore::Bind(
        internal::MakeDriverMessageChannel(client_end.TakeChannel().release(), dispatcher),
        &fidl::internal::WireEventDispatch<P>::kDispatch, handler, std::move(owned_handler));
    if (bound.is_ok()) token_->core = std::move(*bound);
  }
  std::shared_ptr<Token> token_;
};

// fdf::WireSendEvent(binding_ref).buffer(arena)->OnFoo(args...).
template <typename P>
class WireSendEvent {
 public:
  explicit WireSendEvent(const ServerBindingRef<P>& ref) : core_(ref.lock()) {}
  explicit WireSendEvent(const ServerEnd<P>& end) : handle_(end.handle()) {}
  auto buffer(const fdf::Arena& arena) {
    return fidl::internal::WireEventSenderImpl<P>(core_.get(), handle_,
                                                  const_cast<fdf::Arena*>(&arena));
  }

 private:
  std::shared_ptr<fidl::internal::ServerBindingCore> core_;
  fdf_handle_t handle_ = FDF_HANDLE_INVALID;
};

// Many bindings to one or more implementations; removing or closing them by implementation
// (lib/fidl/cpp/wire/internal/server_binding_group.h).
template <typename P>
class ServerBindingGroup
    : public fidl::internal::ServerBindingGroupBase<fidl::internal::DriverTransport, P> {
 public:
  ServerBindingGroup() = default;  // declared: not an aggregate, so `group{}` works
};

}  // namespace fdf

#endif  // LIB_FIDL_DRIVER_CPP_WIRE_MESSAGING_H_
