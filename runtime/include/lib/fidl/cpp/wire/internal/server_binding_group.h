// A group of server bindings of one protocol, for either transport: fdf::ServerBindingGroup
// (lib/fidl_driver/cpp/wire_messaging.h) and fidl::ServerBindingGroup
// (lib/fidl/cpp/wire/wire_messaging.h) are this template with their transport's traits.
#ifndef LIB_FIDL_CPP_WIRE_INTERNAL_SERVER_BINDING_GROUP_H_
#define LIB_FIDL_CPP_WIRE_INTERNAL_SERVER_BINDING_GROUP_H_

#include <lib/fidl/cpp/wire/internal/server_binding.h>
#include <lib/fidl/cpp/wire/status.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace fidl::internal {

// How a group binds on one transport (ChannelTransport, DriverTransport), specialized next to
// that transport's BindServer:
//   using Dispatcher = ...;                                   what AddBinding serves on
//   template <typename P> using ServerEnd = ...;
//   template <typename P> using ServerBindingRef = ...;       built from a ServerBindingCore
//   template <typename P, typename Impl, typename OnUnbound>
//   static ServerBindingRef<P> BindServer(Dispatcher*, ServerEnd<P>, Impl*, OnUnbound);
//     on_unbound(Impl*, UnbindInfo, ServerEnd<P>) runs exactly once, on the dispatcher, if the
//     binding started.
template <typename Transport>
struct ServerBindingTraits;

// Many bindings to one or more implementations; removing or closing them by implementation.
// Thread-safe: bindings end on their dispatchers while the owner adds and removes them.
template <typename Transport, typename P>
class ServerBindingGroupBase {
  using Traits = ServerBindingTraits<Transport>;

 public:
  using Dispatcher = typename Traits::Dispatcher;
  using ServerEnd = typename Traits::template ServerEnd<P>;
  using ServerBindingRef = typename Traits::template ServerBindingRef<P>;

  ServerBindingGroupBase() = default;
  ServerBindingGroupBase(const ServerBindingGroupBase&) = delete;
  ServerBindingGroupBase& operator=(const ServerBindingGroupBase&) = delete;

  // `close_handler` is nullptr, fidl::kIgnoreBindingClosure, or called as (Impl*, UnbindInfo) or
  // (UnbindInfo) when a binding ends other than by RemoveBindings/RemoveAll/CloseBindings/CloseAll.
  template <typename Impl, typename CloseHandler = std::nullptr_t>
  void AddBinding(Dispatcher* dispatcher, ServerEnd server_end, Impl* impl,
                  CloseHandler close_handler = nullptr) {
    auto state = state_;
    uint64_t id;
    {
      // The entry exists before the binding does: a binding that ends at once (its peer already
      // closed) finds and removes it instead of leaving a stale one behind.
      std::lock_guard lock(state->mu);
      id = state->next_id++;
      state->bindings.emplace(
          id, Entry{impl, ServerBindingRef(std::weak_ptr<ServerBindingCore>()), false});
    }
    auto ref = Traits::template BindServer<P>(
        dispatcher, std::move(server_end), impl,
        [state, id, close_handler = std::move(close_handler)](
            Impl* self, UnbindInfo info, ServerEnd) mutable {
          bool user_removed;
          std::function<void()> on_empty;
          {
            std::lock_guard lock(state->mu);
            auto it = state->bindings.find(id);
            user_removed = it == state->bindings.end() || it->second.removed;
            if (it != state->bindings.end()) state->bindings.erase(it);
            if (state->bindings.empty()) on_empty = state->on_empty;
          }
          if constexpr (!std::is_same_v<CloseHandler, std::nullptr_t> &&
                        !std::is_same_v<CloseHandler, IgnoreBindingClosureType>) {
            if (!user_removed) {
              if constexpr (std::is_invocable_v<CloseHandler, Impl*, UnbindInfo>) {
                close_handler(self, info);
              } else {
                close_handler(info);
              }
            }
          }
          if (on_empty) on_empty();
        });
    bool removed_meanwhile = false;
    {
      std::lock_guard lock(state->mu);
      if (auto it = state->bindings.find(id); it != state->bindings.end()) {
        it->second.ref = ref;
        removed_meanwhile = it->second.removed;
      }
    }
    if (removed_meanwhile) ref.Unbind();  // a RemoveAll that ran before the ref was stored
  }
  // A callable that binds each ServerEnd it receives (a service member's handler). It refers to
  // this group, which must outlive it.
  template <typename Impl, typename CloseHandler = std::nullptr_t>
  auto CreateHandler(Impl* impl, Dispatcher* dispatcher, CloseHandler close_handler = nullptr) {
    return [this, impl, dispatcher, close_handler](ServerEnd end) {
      AddBinding(dispatcher, std::move(end), impl, close_handler);
    };
  }
  template <typename Fn>
  void ForEachBinding(Fn fn) {
    for (auto& ref : Refs(nullptr)) fn(ref);
  }
  // Unbinds without running close handlers. False if `impl` had no binding.
  bool RemoveBindings(const void* impl) { return Unbind(impl, std::nullopt); }
  void RemoveAll() { Unbind(nullptr, std::nullopt); }
  // The same, sending `epitaph` first.
  bool CloseBindings(const void* impl, zx_status_t epitaph) { return Unbind(impl, epitaph); }
  void CloseAll(zx_status_t epitaph) { Unbind(nullptr, epitaph); }
  // Bindings not yet torn down (a removed one counts until its teardown completes).
  size_t size() const {
    std::lock_guard lock(state_->mu);
    return state_->bindings.size();
  }
  // Runs each time the group becomes empty, where the last binding's teardown completes (its
  // dispatcher, or the caller's thread once that dispatcher refuses tasks).
  void set_empty_set_handler(std::function<void()> handler) {
    std::lock_guard lock(state_->mu);
    state_->on_empty = std::move(handler);
  }

 protected:
  // Teardowns finish on their dispatchers afterwards; their callbacks keep `state_` alive.
  ~ServerBindingGroupBase() { RemoveAll(); }

 private:
  struct Entry {
    const void* impl;
    ServerBindingRef ref;
    bool removed;  // by the owner: its teardown runs no close handler
  };
  // Shared with every binding's on_unbound, which may run after the group is gone.
  struct State {
    mutable std::mutex mu;
    uint64_t next_id = 1;
    std::map<uint64_t, Entry> bindings;
    std::function<void()> on_empty;
  };

  std::vector<ServerBindingRef> Refs(const void* impl) {
    std::lock_guard lock(state_->mu);
    std::vector<ServerBindingRef> refs;
    for (auto& [id, entry] : state_->bindings) {
      if (impl == nullptr || entry.impl == impl) refs.push_back(entry.ref);
    }
    return refs;
  }
  // Marks, then tears down outside the lock: a teardown may finish inline and take it.
  bool Unbind(const void* impl, std::optional<zx_status_t> epitaph) {
    std::vector<ServerBindingRef> refs;
    {
      std::lock_guard lock(state_->mu);
      for (auto& [id, entry] : state_->bindings) {
        if (impl != nullptr && entry.impl != impl) continue;
        entry.removed = true;
        refs.push_back(entry.ref);
      }
    }
    for (auto& ref : refs) {
      if (epitaph) {
        ref.Close(*epitaph);
      } else {
        ref.Unbind();
      }
    }
    return !refs.empty();
  }

  std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_INTERNAL_SERVER_BINDING_GROUP_H_
