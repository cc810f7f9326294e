// The asynchronous client side, shared by both transports: sends requests with fresh txids,
// matches replies to their pending calls, routes events to the handler, and on teardown completes
// every pending call exactly once with the error that ended the binding.
#ifndef LIB_FIDL_CPP_WIRE_INTERNAL_CLIENT_CORE_H_
#define LIB_FIDL_CPP_WIRE_INTERNAL_CLIENT_CORE_H_

#include <lib/fidl/cpp/wire/internal/method_traits.h>
#include <lib/fidl/cpp/wire/internal/read_loop.h>
#include <lib/fidl/cpp/wire/internal/transport.h>
#include <lib/zx/result.h>

#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>

namespace fidl::internal {

class ResponseContext {
 public:
  ResponseContext(const FidlType* response_type, uint64_t ordinal)
      : response_type_(response_type), ordinal_(ordinal) {}
  virtual ~ResponseContext() = default;
  // Called exactly once: with the decoded reply and an ok status, or with the error.
  virtual void OnResult(IncomingMessage* reply, const Status& status) = 0;

  const FidlType* response_type() const { return response_type_; }
  uint64_t ordinal() const { return ordinal_; }

 private:
  const FidlType* response_type_;
  uint64_t ordinal_;
};

struct EventEntry {
  uint64_t ordinal;
  const FidlType* body_type;
  void (*dispatch)(void* handler, IncomingMessage& message);
};

struct EventDispatch {
  const EventEntry* entries;
  size_t count;
  Openness openness;
  void (*unknown_event)(void* handler, uint64_t ordinal);  // open/ajar protocols
  void (*on_fidl_error)(void* handler, UnbindInfo info);
};

class ClientCore : public ReadLoop {
 public:
  // `handler` may be null (events are then decoded and dropped). `owned_handler`, when given,
  // owns it: released on the dispatcher once the teardown finished, so an event being handled
  // never finds its handler gone, whichever thread ends the client.
  static zx::result<std::shared_ptr<ClientCore>> Bind(std::unique_ptr<MessageChannel> channel,
                                                      const EventDispatch* events, void* handler,
                                                      std::shared_ptr<void> owned_handler = {});
  ClientCore(std::unique_ptr<MessageChannel> channel, const EventDispatch* events, void* handler,
             std::shared_ptr<void> owned_handler = {});

  // `message` has its header ordinal and flags set; the txid is assigned here. The context is
  // completed exactly once (possibly before this returns).
  void SendTwoWay(void* message, const FidlType* request_type, fdf_arena_t* arena,
                  std::unique_ptr<ResponseContext> context);
  OneWayStatus SendOneWay(void* message, const FidlType* request_type, fdf_arena_t* arena);
  // A blocking call on the same channel (client.sync()). A teardown meanwhile does not wait for
  // it, nor end it: the channel stays open until the call returns.
  Status Call(void* message, const FidlType* request_type, fdf_arena_t* arena,
              const FidlType* response_type, IncomingMessage* reply);

  // From any thread; pending calls complete with Status::Unbound().
  void Unbind() { StartTeardown(UnbindInfo::Unbind()); }
  bool is_bound();

 private:
  void DispatchMessage(IncomingMessage& message) override;
  // Why a call on a torn-down binding fails: the peer's closing, or the unbinding.
  Status UnboundStatus();
  void OnTornDown(const UnbindInfo& info, uint32_t channel_handle) override;
  uint32_t NextTxidLocked();

  uint32_t next_txid_ = 1;
  int sync_calls_ = 0;  // client.sync() calls in flight
  uint32_t handle_closed_after_calls_ = 0;  // released by a teardown while some were
  std::map<uint32_t, std::unique_ptr<ResponseContext>> pending_;
  const EventDispatch* events_;
  void* handler_;
  std::shared_ptr<void> owned_handler_;
};

// A response context over a callable taking `Result&` (the transport's unowned result type).
template <typename Result, typename Callback>
class CallbackContext final : public ResponseContext {
 public:
  CallbackContext(const FidlType* response_type, uint64_t ordinal, Callback callback,
                  bool skip_on_unbind)
      : ResponseContext(response_type, ordinal),
        callback_(std::move(callback)),
        skip_on_unbind_(skip_on_unbind) {}
  void OnResult(IncomingMessage* reply, const Status& status) override {
    std::unique_ptr<CallbackContext> self(this);
    if (!status.ok() && skip_on_unbind_ && status.reason() == Reason::kUnbind) return;
    Result result = reply != nullptr ? Result(std::move(*reply)) : Result(status);
    callback_(result);
  }

 private:
  Callback callback_;
  bool skip_on_unbind_;
};

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_INTERNAL_CLIENT_CORE_H_
