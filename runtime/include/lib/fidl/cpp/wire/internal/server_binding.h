// The server side of a binding, shared by both transports: reads requests on the dispatcher,
// routes them by ordinal to generated dispatch entries, sends replies and events, handles
// unknown interactions by the protocol's openness, and tears down exactly once.
#ifndef LIB_FIDL_CPP_WIRE_INTERNAL_SERVER_BINDING_H_
#define LIB_FIDL_CPP_WIRE_INTERNAL_SERVER_BINDING_H_

#include <lib/fdf/cpp/arena.h>
#include <lib/fidl/cpp/wire/internal/method_traits.h>
#include <lib/fidl/cpp/wire/internal/read_loop.h>
#include <lib/fidl/cpp/wire/internal/transport.h>
#include <lib/zx/result.h>

#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>

namespace fidl::internal {

class ServerBindingCore;
class Transaction;

struct MethodEntry {
  uint64_t ordinal;
  const FidlType* request_type;  // null: no request body
  bool two_way;
  void (*dispatch)(void* impl, IncomingMessage& message, Transaction& transaction);
};

struct ProtocolDispatch {
  const MethodEntry* entries;
  size_t count;
  Openness openness;
  // Open and ajar protocols: the user's handle_unknown_method.
  void (*unknown_method)(void* impl, uint64_t ordinal, UnknownMethodType type,
                         Transaction& transaction);
};

// One received request awaiting (or not needing) a reply. While the handler runs, the binding
// cannot finish tearing down (teardown waits for the dispatch), so a transaction on the handler's
// stack borrows it; moving the transaction out (ToAsync) takes a strong reference.
class Transaction {
 public:
  Transaction() = default;
  Transaction(ServerBindingCore* binding, const WireMessageHeader& header, bool two_way)
      : binding_(binding),
        txid_(header.txid),
        ordinal_(header.ordinal),
        flexible_(header.is_flexible()),
        needs_reply_(two_way) {}
  Transaction(Transaction&& other) noexcept { *this = std::move(other); }
  Transaction& operator=(Transaction&& other) noexcept;
  ~Transaction();

  // `message` is a header followed by the reply body; the header is filled here.
  OneWayStatus Reply(void* message, const FidlType* body_type, fdf_arena_t* arena);
  void Close(zx_status_t epitaph);
  bool needs_reply() const { return needs_reply_; }
  ServerBindingCore* binding() const { return binding_; }

 private:
  ServerBindingCore* binding_ = nullptr;
  std::shared_ptr<ServerBindingCore> owner_;  // set once moved off the handler's stack
  uint32_t txid_ = 0;
  uint64_t ordinal_ = 0;
  bool flexible_ = false;
  bool needs_reply_ = false;
};

// The completer every generated one derives from. Sync completers live on the handler's stack;
// ToAsync moves the transaction into an Async completer that may outlive the handler.
class CompleterBase {
 public:
  explicit CompleterBase(Transaction* transaction) : transaction_(transaction) {}
  CompleterBase(CompleterBase&& other) noexcept = default;
  CompleterBase& operator=(CompleterBase&&) noexcept = default;
  // Closes the binding, sending `epitaph` first.
  void Close(zx_status_t epitaph) { transaction_->Close(epitaph); }
  // Accepted for API compatibility: requests of one binding are dispatched one at a time.
  void EnableNextDispatch() {}
  bool is_reply_needed() const { return transaction_->needs_reply(); }

 protected:
  Transaction* transaction_;
};

template <typename Impl>
class AsyncCompleter : public Impl {
 public:
  explicit AsyncCompleter(Transaction&& transaction)
      : Impl(nullptr), owned_(std::make_unique<Transaction>(std::move(transaction))) {
    this->transaction_ = owned_.get();
  }
  AsyncCompleter(AsyncCompleter&&) noexcept = default;
  AsyncCompleter& operator=(AsyncCompleter&&) noexcept = default;

 private:
  std::unique_ptr<Transaction> owned_;
};

template <typename Impl>
class SyncCompleter : public Impl {
 public:
  using Async = AsyncCompleter<Impl>;
  explicit SyncCompleter(Transaction* transaction) : Impl(transaction) {}
  SyncCompleter(const SyncCompleter&) = delete;
  Async ToAsync() { return Async(std::move(*this->transaction_)); }
};

class ServerBindingCore : public ReadLoop,
                          public std::enable_shared_from_this<ServerBindingCore> {
 public:
  using OnUnbound = std::function<void(UnbindInfo info, uint32_t channel_handle)>;

  // Starts serving; the returned binding keeps itself alive until teardown completes.
  static zx::result<std::shared_ptr<ServerBindingCore>> Bind(
      std::unique_ptr<MessageChannel> channel, const ProtocolDispatch* dispatch, void* impl,
      OnUnbound on_unbound);

  // From any thread. The first teardown request wins; on_unbound runs once, on the dispatcher.
  void Unbind() { StartTeardown(UnbindInfo::Unbind()); }
  void Close(zx_status_t epitaph) { StartTeardown(UnbindInfo::Close(epitaph), true); }
  void TeardownWithError(const Status& error) { StartTeardown(UnbindInfo(error)); }

  // Sends a message whose header the caller filled (events, replies).
  OneWayStatus Send(void* message, const FidlType* body_type, fdf_arena_t* arena);
  // The same from inside a dispatch on this binding, where the channel cannot be released.
  OneWayStatus SendFromDispatch(void* message, const FidlType* body_type, fdf_arena_t* arena);
  void* impl() const { return impl_; }

  ServerBindingCore(std::unique_ptr<MessageChannel> channel, const ProtocolDispatch* dispatch,
                    void* impl, OnUnbound on_unbound);

 private:
  void DispatchMessage(IncomingMessage& message) override;
  void OnTornDown(const UnbindInfo& info, uint32_t channel_handle) override;
  void HandleUnknown(IncomingMessage& message, const WireMessageHeader& header);
  // Tears down after a failed send (peer closed is left to the read side).
  void OnSendStatus(const Status& status);

  const ProtocolDispatch* dispatch_;
  void* impl_;
  OnUnbound on_unbound_;
};

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_INTERNAL_SERVER_BINDING_H_
