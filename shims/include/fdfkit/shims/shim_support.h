// What generated dual-stack shims (fdf-idl gen --bindings=shims) share at run time: copying FIDL
// results into banjo's caller-owned buffers without ever writing past them, and the statuses
// that stand for failures banjo has no word for.
#ifndef FDFKIT_SHIMS_SHIM_SUPPORT_H_
#define FDFKIT_SHIMS_SHIM_SUPPORT_H_

#include <lib/async/cpp/task.h>
#include <lib/fdf/cpp/arena.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fidl/cpp/wire/string_view.h>
#include <lib/fidl/cpp/wire/vector_view.h>
#include <lib/fidl_driver/cpp/wire_messaging.h>
#include <zircon/errors.h>
#include <zircon/syscalls.h>
#include <zircon/types.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace fdfkit::shims {

// What a banjo caller hears when the driver-transport call itself failed (the server went away,
// the message was refused): the transport's own status, ZX_ERR_PEER_CLOSED when the peer closed
// and ZX_ERR_CANCELED when the binding was torn down first — never ZX_OK.
inline zx_status_t TransportStatus(zx_status_t status) {
  return status == ZX_OK ? ZX_ERR_INTERNAL : status;
}

// The tag of the arenas shims build messages on ('BSHM').
inline constexpr uint32_t kArenaTag = 0x4253484d;

// Capacities the FIDL-over-banjo direction offers a banjo server for an out string or vector
// whose FIDL type has no bound: what one driver-transport message could carry.
inline constexpr size_t kUnboundedOutBytes = 64 * 1024;

// A view of a banjo `const char*` (null reads as empty).
inline fidl::StringView StringViewOf(const char* text) {
  return text ? fidl::StringView::FromExternal(text, std::strlen(text)) : fidl::StringView();
}

// A FIDL string into banjo's `char* out, size_t capacity`: NUL-terminated, or
// ZX_ERR_BUFFER_TOO_SMALL with nothing written past `capacity`.
inline zx_status_t CopyString(const fidl::StringView& from, char* out, size_t capacity) {
  if (from.size() + 1 > capacity) {
    if (capacity > 0) out[0] = '\0';
    return ZX_ERR_BUFFER_TOO_SMALL;
  }
  if (from.size() > 0) std::memcpy(out, from.data(), from.size());
  out[from.size()] = '\0';
  return ZX_OK;
}

// A FIDL vector into banjo's caller-allocated `T* out_list, size_t count, size_t* out_actual`:
// *out_actual is the number of elements the server returned; if they do not fit, nothing is
// copied and the status is ZX_ERR_BUFFER_TOO_SMALL.
template <typename C, typename W, typename Convert>
zx_status_t CopyVector(const fidl::VectorView<W>& from, C* out, size_t count, size_t* out_actual,
                       Convert convert) {
  if (out_actual) *out_actual = from.count();
  if (from.count() > count) return ZX_ERR_BUFFER_TOO_SMALL;
  for (size_t i = 0; i < from.count(); ++i) convert(from[i], &out[i]);
  return ZX_OK;
}

// Data a server wrote in place in every element of a banjo in-vector, returned as one entry per
// element: `copy(i)` writes entry i into the caller's element i, but only once the server
// returned one entry per element (else ZX_ERR_INTERNAL) and `fits(i)` holds for every entry
// (else ZX_ERR_BUFFER_TOO_SMALL) — never a partial write, never past a caller's buffer.
template <typename Fits, typename Copy>
zx_status_t WriteBackElements(size_t entries, size_t elements, Fits fits, Copy copy) {
  if (entries != elements) return ZX_ERR_INTERNAL;
  for (size_t i = 0; i < entries; ++i) {
    if (!fits(i)) return ZX_ERR_BUFFER_TOO_SMALL;
  }
  for (size_t i = 0; i < entries; ++i) copy(i);
  return ZX_OK;
}

// A FIDL vector of numbers over banjo's buffer `out`, which the caller checked it fits. Values
// already there are not written again: a write op's buffer, echoed back, stays untouched.
template <typename C, typename W>
void CopyNumbers(const fidl::VectorView<W>& from, C* out) {
  for (size_t i = 0; i < from.count(); ++i) {
    C value = static_cast<C>(from[i]);
    if (out[i] != value) out[i] = value;
  }
}

// The op a banjo driver owns until its callback, with the `op_size` bytes its Query asks callers
// to allocate per op (the driver's private part follows the op): `op` itself when that is all,
// else a copy of it on `arena` followed by zeroed bytes.
template <typename Op>
Op* WithPrivatePart(Op* op, fdf::Arena& arena, size_t op_size) {
  if (op_size <= sizeof(Op)) return op;
  void* storage = arena.Allocate(op_size);
  std::memset(storage, 0, op_size);
  std::memcpy(storage, op, sizeof(Op));
  return static_cast<Op*>(storage);
}

// A request handed back later (a generated FooBarCompletion): its buffer `list`/`count` in the
// answer points into memory freed once the answer is handled, so the caller keeps its own
// buffer — with the answer's elements copied in when the callee may write it (`writable`) and
// they fit, else as it was.
template <typename T>
void KeepOwnBuffer(T* own_list, size_t own_count, bool writable, T** list, size_t* count) {
  if (writable && *count <= own_count && (*count == 0 || own_list != nullptr)) {
    if (*count != 0) {
      std::memmove(const_cast<std::remove_const_t<T>*>(own_list), *list, *count * sizeof(T));
    }
  } else {
    *count = own_count;
  }
  *list = own_list;
}

// What a generated FooBarCompletion hands a banjo caller's request back with, exactly once: the
// FIDL server's answer (Claim, then write it back), or a cancellation — never before the client
// end it went with is closed (a server that received it may still hold it when the call reports
// a failure): on the caller's dispatcher, or inline when the closing came before the call
// returned (as a banjo bus completing an error inline). The status is the failed call's, else
// ZX_ERR_CANCELED (the server let the client end go unanswered).
class HandBack {
 public:
  virtual ~HandBack() = default;
  // The call carrying the client end returned `status`.
  void CallReturned(zx_status_t status) {
    call_status_.store(status);
    if (state_.fetch_or(kReturned) & kUnbound) Cancel(CancelStatus());
  }
  // The FIDL side closed the client end (or its dispatcher shut down).
  void Unbound() {
    if (state_.fetch_or(kUnbound) & kReturned) Cancel(CancelStatus());
  }
  // Nothing was sent (no client end could be served): the request goes back now, inline.
  void Fail(zx_status_t status) { Cancel(status); }

 protected:
  // The request goes back to the caller with `status`, unless it went back already.
  virtual void Cancel(zx_status_t status) = 0;
  // True once: whoever gets it hands the request back.
  bool Claim() { return !done_.exchange(true); }

 private:
  zx_status_t CancelStatus() const {
    zx_status_t status = call_status_.load();
    return status == ZX_OK ? ZX_ERR_CANCELED : status;
  }
  static constexpr int kReturned = 1, kUnbound = 2;
  std::atomic<int> state_{0};
  std::atomic<zx_status_t> call_status_{ZX_OK};
  std::atomic<bool> done_{false};
};

// Serves `completion` (a generated FooBarCompletion, a HandBack) on `dispatcher` for the FIDL
// server to hand a banjo caller's request back through; its unbinding is HandBack::Unbound. No
// dispatcher is ZX_ERR_BAD_STATE.
template <typename Completion, typename P>
zx_status_t ServeCompletion(fdf_dispatcher_t* dispatcher, std::shared_ptr<Completion> completion,
                            fdf::ClientEnd<P>* out) {
  if (dispatcher == nullptr) return ZX_ERR_BAD_STATE;
  auto endpoints = fdf::CreateEndpoints<P>();
  if (endpoints.is_error()) return endpoints.status_value();
  Completion* raw = completion.get();
  auto binding = fdf::BindServer(dispatcher, std::move(endpoints->server), raw,
                                 [completion = std::move(completion)](
                                     Completion*, fidl::UnbindInfo, fdf::ServerEnd<P>) {
                                   completion->Unbound();
                                 });
  // Not bound (the dispatcher is shutting down): the caller fails the request; should the
  // unbinding run too, the request still goes back once.
  if (!binding.lock()) return ZX_ERR_BAD_STATE;
  *out = std::move(endpoints->client);
  return ZX_OK;
}

// Runs `body` when the scope ends (the handles a banjo callee borrowed are closed after the
// reply is sent, on every path).
template <typename Body>
class Defer {
 public:
  explicit Defer(Body body) : body_(std::move(body)) {}
  Defer(const Defer&) = delete;
  Defer& operator=(const Defer&) = delete;
  ~Defer() { body_(); }

 private:
  Body body_;
};

// A duplicate of a handle banjo only lent (one inside a struct an in-parameter points to): the
// message takes the duplicate and the caller keeps its own. Invalid stays invalid; a handle that
// cannot be duplicated travels as invalid, which the receiving side's checks then refuse.
template <typename Owned>
Owned Duplicate(zx_handle_t lent) {
  zx_handle_t copy = ZX_HANDLE_INVALID;
  if (lent != ZX_HANDLE_INVALID) (void)zx_handle_duplicate(lent, ZX_RIGHT_SAME_RIGHTS, &copy);
  return Owned(copy);
}

// A banjo caller's interface (or callback) as the client end a driver-transport call passes:
// `Server` (the interface's generated FooDriverOverBanjo) serves it on `dispatcher`, owned by its
// binding, until the FIDL side closes the client end or the dispatcher shuts down. A null
// interface is ZX_ERR_INVALID_ARGS (FIDL has no null client end here); no dispatcher to serve it
// on is ZX_ERR_BAD_STATE.
template <typename Server, typename P, typename Proto>
zx_status_t ServeInterface(fdf_dispatcher_t* dispatcher, const Proto* interface,
                           fdf::ClientEnd<P>* out) {
  if (interface == nullptr) return ZX_ERR_INVALID_ARGS;
  if (dispatcher == nullptr) return ZX_ERR_BAD_STATE;
  auto endpoints = fdf::CreateEndpoints<P>();
  if (endpoints.is_error()) return endpoints.status_value();
  fdf::BindServer(dispatcher, std::move(endpoints->server), std::make_unique<Server>(interface));
  *out = std::move(endpoints->client);
  return ZX_OK;
}

// What a banjo server was handed and may call at any time — an interface made of a FIDL caller's
// client end, the interface whose calls become events — must outlive the shim that handed it
// over: banjo has no way to take an interface back, and a server may keep several from one
// method (a listener list). So everything a banjo server accepted is kept for it (by its ctx;
// a value it must have exactly one of, by slot) until whoever ends the server calls
// ReleaseKeptBy — a FooDualServer does when it goes.
namespace internal {
struct KeptByServers {
  std::mutex mu;
  std::map<std::pair<const void*, std::string>, std::vector<std::shared_ptr<void>>> values;
};
// Never destroyed: a banjo server may still call what it holds while the process exits.
inline KeptByServers& Kept() {
  static auto* kept = new KeptByServers;
  return *kept;
}
}  // namespace internal

// Keeps `value` for banjo server `server_ctx`, beside what it keeps already.
inline void KeepForServer(const void* server_ctx, std::shared_ptr<void> value) {
  std::lock_guard lock(internal::Kept().mu);
  internal::Kept().values[{server_ctx, std::string()}].push_back(std::move(value));
}

// For whoever ends banjo server `server_ctx` (its driver stopped, its object destroyed): what was
// kept for it is released — the interfaces' channels close, their FIDL sides see it.
inline void ReleaseKeptBy(const void* server_ctx) {
  std::vector<std::vector<std::shared_ptr<void>>> released;
  {
    std::lock_guard lock(internal::Kept().mu);
    auto& values = internal::Kept().values;
    for (auto it = values.lower_bound({server_ctx, std::string()});
         it != values.end() && it->first.first == server_ctx;) {
      released.push_back(std::move(it->second));
      it = values.erase(it);
    }
  }
}  // `released` goes here, outside the lock: its destructors may take others

// The one value banjo server `server_ctx` keeps in `slot`, made by `make()` the first time.
template <typename T, typename Make>
std::shared_ptr<T> KeptForServer(const void* server_ctx, std::string slot, Make make) {
  std::lock_guard lock(internal::Kept().mu);
  auto& held = internal::Kept().values[{server_ctx, std::move(slot)}];
  if (held.empty()) held.push_back(make());
  return std::static_pointer_cast<T>(held.front());
}

// The interface a server shim registers with a banjo server whose FIDL clients get its calls as
// events (ctx: this sink): kept by the banjo server (KeptForServer), so a call after the shim
// is gone finds the sink and no connection. Sends go to the connection named last.
template <typename P, typename Interface, typename Ops>
class EventSink {
 public:
  static std::shared_ptr<EventSink> For(const void* server_ctx, std::string slot,
                                        const Ops* ops) {
    return KeptForServer<EventSink>(server_ctx, std::move(slot),
                                    [ops] { return std::make_shared<EventSink>(ops); });
  }
  explicit EventSink(const Ops* ops) : interface_{ops, this} {}
  EventSink(const EventSink&) = delete;
  EventSink& operator=(const EventSink&) = delete;

  const Interface* interface() const { return &interface_; }
  void set_binding(fdf::ServerBindingRef<P> binding) {
    std::lock_guard lock(mu_);
    binding_.emplace(std::move(binding));
  }
  // A binding already torn down refuses sends: the event is dropped, as a closed channel would.
  std::optional<fdf::ServerBindingRef<P>> binding() {
    std::lock_guard lock(mu_);
    return binding_;
  }

 private:
  Interface interface_;
  std::mutex mu_;
  std::optional<fdf::ServerBindingRef<P>> binding_;
};

// Driver-transport events on their way to the banjo interface a client registers (the interface
// mapping.json turned into events). Events run on the client's dispatcher; one that arrives
// before any interface is registered — a display driver reports its displays as soon as it is
// served — is kept, with the arena its banjo data was copied onto, and handed over in order when
// an interface is. At most kMaxPendingEvents are kept: later ones are dropped, not earlier ones,
// which are what a client needs first (the displays present; a vsync comes again). A call gets
// the interface, or null when its event is dropped (so it can release what it holds).
template <typename Interface>
class EventRelay {
 public:
  static constexpr size_t kMaxPendingEvents = 256;
  using Call = std::function<void(const Interface*)>;

  explicit EventRelay(fdf_dispatcher_t* dispatcher) : dispatcher_(dispatcher) {}
  EventRelay(const EventRelay&) = delete;
  EventRelay& operator=(const EventRelay&) = delete;
  ~EventRelay() { Close(); }

  // On the dispatcher, for each event.
  void Deliver(fdf::Arena arena, Call call) {
    bool dropped;
    {
      std::lock_guard lock(state_->mu);
      dropped = state_->closed || state_->pending.size() >= kMaxPendingEvents;
      if (!dropped) state_->pending.push_back({std::move(arena), std::move(call)});
    }
    if (dropped) {
      call(nullptr);
      return;
    }
    Flush(*state_);
  }

  // From any thread: later events (and those kept) go to `interface`; null stops them. The kept
  // ones are handed over on the dispatcher, so they stay in order with new ones.
  void Register(const Interface* interface) {
    {
      std::lock_guard lock(state_->mu);
      if (state_->closed) return;
      if (interface) {
        state_->interface = *interface;
      } else {
        state_->interface.reset();
      }
    }
    if (interface && dispatcher_) {
      async::PostTask(fdf_dispatcher_get_async_dispatcher(dispatcher_),
                      [state = state_] { Flush(*state); });
    }
  }

  // From any thread, when the client goes: nothing reaches the interface after this returns but
  // an event the dispatcher is handing over right now; kept and later events are dropped.
  void Close() {
    std::deque<Pending> dropped;
    {
      std::lock_guard lock(state_->mu);
      state_->closed = true;
      state_->interface.reset();
      dropped.swap(state_->pending);
    }
    for (Pending& never : dropped) never.call(nullptr);
  }

 private:
  struct Pending {
    fdf::Arena arena;
    Call call;
  };
  struct State {
    std::mutex mu;
    bool closed = false;
    std::optional<Interface> interface;
    std::deque<Pending> pending;
  };
  // Calls the interface outside the lock: it may register another one.
  static void Flush(State& state) {
    for (;;) {
      std::optional<Pending> next;
      Interface target;
      {
        std::lock_guard lock(state.mu);
        if (!state.interface || state.pending.empty()) return;
        next.emplace(std::move(state.pending.front()));
        state.pending.pop_front();
        target = *state.interface;
      }
      next->call(&target);
    }
  }

  fdf_dispatcher_t* dispatcher_;
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace fdfkit::shims

#endif  // FDFKIT_SHIMS_SHIM_SUPPORT_H_
