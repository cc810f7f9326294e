// Transport-neutral pieces of the messaging API the generated code builds on: allocating a
// transactional message, the thenable of an async two-way call, and the weak reference to a
// server binding.
#ifndef LIB_FIDL_CPP_WIRE_INTERNAL_MESSAGING_H_
#define LIB_FIDL_CPP_WIRE_INTERNAL_MESSAGING_H_

#include <lib/fdf/cpp/arena.h>
#include <lib/fidl/cpp/wire/arena.h>
#include <lib/fidl/cpp/wire/internal/client_core.h>
#include <lib/fidl/cpp/wire/internal/method_traits.h>
#include <lib/fidl/cpp/wire/internal/server_binding.h>

#include <memory>
#include <type_traits>

namespace fidl {

template <typename P>
struct UnknownMethodMetadata {
  uint64_t method_ordinal;
  UnknownMethodType unknown_method_type;
};
template <typename P>
struct UnknownEventMetadata {
  uint64_t event_ordinal;
};
// Unknown methods get no reply from the user (the bindings answer two-way ones); Close is allowed.
struct UnknownMethodCompleter {
  using Sync = internal::SyncCompleter<internal::CompleterBase>;
};

}  // namespace fidl

namespace fidl::internal {

// A message for method/event `M` in direction `Body` on `arena`, header filled but for the txid.
template <typename Body>
auto* NewMessage(AnyArena& arena, uint64_t ordinal, bool flexible) {
  if constexpr (std::is_void_v<Body>) {
    auto* message = arena.Allocate<EmptyTransactionalMessage>();
    message->header = WireMessageHeader::Make(0, ordinal, flexible);
    return message;
  } else {
    auto* message = arena.Allocate<TransactionalMessage<Body>>();
    message->header = WireMessageHeader::Make(0, ordinal, flexible);
    return message;
  }
}

// The fdf arena a driver-transport message travels in (null for the channel transport).
inline fdf_arena_t* FdfArenaOf(AnyArena& arena) { return arena.driver_arena(); }

// Returned by an async client's two-way method: the request goes out when a continuation is
// attached. `Then` drops the callback when the user unbinds first; `ThenExactlyOnce` always
// runs it exactly once. `Result` is the transport's unowned result type.
template <typename M, typename Result>
class WireThenable {
 public:
  WireThenable(std::shared_ptr<ClientCore> core, void* message, fdf_arena_t* arena,
               std::unique_ptr<fidl::Arena<512>> storage = nullptr)
      : core_(std::move(core)), message_(message), arena_(arena), storage_(std::move(storage)) {}
  WireThenable(const WireThenable&) = delete;

  template <typename Callback>
  void ThenExactlyOnce(Callback&& callback) && {
    Send(std::forward<Callback>(callback), false);
  }
  template <typename Callback>
  void Then(Callback&& callback) && {
    Send(std::forward<Callback>(callback), true);
  }

 private:
  template <typename Callback>
  void Send(Callback&& callback, bool skip_on_unbind) {
    using Context = CallbackContext<Result, std::decay_t<Callback>>;
    auto context = std::make_unique<Context>(M::kResponseType, M::kOrdinal,
                                             std::forward<Callback>(callback), skip_on_unbind);
    if (!core_) {
      context.release()->OnResult(nullptr, Status::Unbound());
      return;
    }
    core_->SendTwoWay(message_, M::kRequestType, arena_, std::move(context));
  }

  std::shared_ptr<ClientCore> core_;
  void* message_;
  fdf_arena_t* arena_;
  std::unique_ptr<fidl::Arena<512>> storage_;
};

// What BindServer returns: a weak reference; the dispatcher keeps the binding alive.
template <typename P>
class ServerBindingRefBase {
 public:
  explicit ServerBindingRefBase(std::weak_ptr<ServerBindingCore> core) : core_(std::move(core)) {}
  void Unbind() {
    if (auto core = core_.lock()) core->Unbind();
  }
  void Close(zx_status_t epitaph) {
    if (auto core = core_.lock()) core->Close(epitaph);
  }
  std::shared_ptr<ServerBindingCore> lock() const { return core_.lock(); }

 private:
  std::weak_ptr<ServerBindingCore> core_;
};

// Generated per protocol and transport (specialized in the bindings):
template <typename P>
struct WireServerDispatch;  // static const ProtocolDispatch kDispatch
template <typename P>
struct WireEventDispatch;   // static const EventDispatch kDispatch
template <typename P>
class WireSyncBufferClientImpl;
template <typename P>
class WireAsyncBufferClientImpl;
template <typename P>
class WireEventSenderImpl;
template <typename M>
class WireCompleterImpl;

template <typename M>
struct WireCompleter {
  using Sync = SyncCompleter<WireCompleterImpl<M>>;
  using Async = AsyncCompleter<WireCompleterImpl<M>>;
};

// Adapts the many on_unbound shapes to the core's (UnbindInfo, handle) callback.
template <typename Impl, typename ServerEnd, typename OnUnbound>
ServerBindingCore::OnUnbound WrapOnUnbound(Impl* impl, OnUnbound on_unbound) {
  return [impl, on_unbound = std::move(on_unbound)](UnbindInfo info, uint32_t handle) mutable {
    ServerEnd end{typename ServerEnd::Channel(handle)};
    if constexpr (!std::is_same_v<OnUnbound, std::nullptr_t>) {
      on_unbound(impl, info, std::move(end));
    } else {
      (void)impl;
    }
  };
}

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_INTERNAL_MESSAGING_H_
