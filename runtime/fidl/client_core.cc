#include <lib/fidl/cpp/wire/codec.h>
#include <lib/fidl/cpp/wire/internal/client_core.h>

#include <algorithm>
#include <utility>
#include <vector>


namespace fidl::internal {
namespace {

const EventEntry* FindEvent(const EventDispatch& events, uint64_t ordinal) {
  const EventEntry* end = events.entries + events.count;
  const EventEntry* it =
      std::lower_bound(events.entries, end, ordinal,
                       [](const EventEntry& entry, uint64_t value) { return entry.ordinal < value; });
  return it != end && it->ordinal == ordinal ? it : nullptr;
}

// OnResult owns (and deletes) the context it is called on.
void Complete(std::unique_ptr<ResponseContext> context, IncomingMessage* reply,
              const Status& status) {
  context.release()->OnResult(reply, status);
}

}  // namespace

ClientCore::ClientCore(std::unique_ptr<MessageChannel> channel, const EventDispatch* events,
                       void* handler, std::shared_ptr<void> owned_handler)
    : ReadLoop(std::move(channel)),
      events_(events),
      handler_(handler),
      owned_handler_(std::move(owned_handler)) {}

zx::result<std::shared_ptr<ClientCore>> ClientCore::Bind(std::unique_ptr<MessageChannel> channel,
                                                         const EventDispatch* events,
                                                         void* handler,
                                                         std::shared_ptr<void> owned_handler) {
  auto core = std::make_shared<ClientCore>(std::move(channel), events, handler,
                                           std::move(owned_handler));
  if (zx_status_t status = core->Start(core); status != ZX_OK) return zx::error(status);
  return zx::ok(std::move(core));
}

bool ClientCore::is_bound() {
  std::lock_guard lock(mu_);
  return state_ == State::kBound;
}

uint32_t ClientCore::NextTxidLocked() {
  // Non-zero, high bit clear (the high bit belongs to the runtime's call mechanism), unused.
  for (;;) {
    uint32_t txid = next_txid_++ & 0x7fffffffu;
    if (txid != 0 && pending_.find(txid) == pending_.end()) return txid;
  }
}

void ClientCore::SendTwoWay(void* message, const FidlType* request_type, fdf_arena_t* arena,
                            std::unique_ptr<ResponseContext> context) {
  uint32_t txid;
  {
    std::lock_guard lock(mu_);
    if (state_ != State::kBound) {
      Status error = info_.ToError();
      Complete(std::move(context), nullptr, error.ok() ? Status::Unbound() : error);
      return;
    }
    txid = NextTxidLocked();
    pending_.emplace(txid, std::move(context));
  }
  static_cast<WireMessageHeader*>(message)->txid = txid;
  Status status;
  {
    std::shared_lock lock(channel_mu_);
    status = channel_ ? channel_->Send(message, request_type, arena) : Status::Unbound();
  }
  if (status.ok()) return;
  std::unique_ptr<ResponseContext> failed;
  {
    std::lock_guard lock(mu_);
    auto it = pending_.find(txid);
    if (it != pending_.end()) {
      failed = std::move(it->second);
      pending_.erase(it);
    }
  }
  if (failed) Complete(std::move(failed), nullptr, status);
  if (!status.is_peer_closed() && status.reason() != Reason::kEncodeError) {
    StartTeardown(UnbindInfo(status));
  }
}

OneWayStatus ClientCore::SendOneWay(void* message, const FidlType* request_type,
                                    fdf_arena_t* arena) {
  static_cast<WireMessageHeader*>(message)->txid = 0;
  std::shared_lock lock(channel_mu_);
  if (!channel_ || !is_bound()) return UnboundStatus();
  return channel_->Send(message, request_type, arena);
}

Status ClientCore::Call(void* message, const FidlType* request_type, fdf_arena_t* arena,
                        const FidlType* response_type, IncomingMessage* reply) {
  uint32_t handle;
  {
    // Not held across the call: a teardown (on the dispatcher, which the server answering this
    // call may need) must not wait for it. Counted under the same shared lock as the read of the
    // handle, so a teardown that releases the channel afterwards sees the call and leaves the
    // closing to it; the call then completes as it would have, as in Fuchsia.
    std::shared_lock lock(channel_mu_);
    if (!channel_ || !is_bound()) return UnboundStatus();
    handle = channel_->handle();
    std::lock_guard state_lock(mu_);
    ++sync_calls_;
  }
  Status status = channel_->Call(handle, message, request_type, arena, response_type, reply);
  uint32_t close = 0;
  {
    std::lock_guard state_lock(mu_);
    if (--sync_calls_ == 0) close = std::exchange(handle_closed_after_calls_, 0);
  }
  if (close != 0) CloseAnyHandle(close);
  return status;
}

Status ClientCore::UnboundStatus() {
  // Why the binding ended: the server going away (whether or not the read side noticed first),
  // an error, or our own unbinding.
  std::lock_guard state_lock(mu_);
  Status error = info_.ToError();
  return error.ok() || error.reason() == Reason::kUnbind ? Status::Unbound() : error;
}

void ClientCore::DispatchMessage(IncomingMessage& message) {
  if (Status status = ValidateHeader(message); !status.ok()) {
    StartTeardown(UnbindInfo(status));
    return;
  }
  const WireMessageHeader& header = message.header();
  if (header.ordinal == kFidlOrdinalEpitaph) {
    zx_status_t epitaph = message.epitaph();
    message.CloseAllHandles();
    StartTeardown(UnbindInfo::PeerClosed(epitaph));
    return;
  }
  if (header.txid != 0) {
    std::unique_ptr<ResponseContext> context;
    {
      std::lock_guard lock(mu_);
      auto it = pending_.find(header.txid);
      if (it != pending_.end() && it->second->ordinal() == header.ordinal) {
        context = std::move(it->second);
        pending_.erase(it);
      }
    }
    if (!context) {
      message.CloseAllHandles();
      StartTeardown(UnbindInfo(
          Status::UnexpectedMessage(ZX_ERR_NOT_FOUND, "reply to no pending call")));
      return;
    }
    Status status = channel_->DecodeBody(message, context->response_type());
    if (!status.ok()) {
      Complete(std::move(context), nullptr, status);
      StartTeardown(UnbindInfo(status));
      return;
    }
    Complete(std::move(context), &message, Status::Ok());
    return;
  }
  const EventEntry* event = events_ ? FindEvent(*events_, header.ordinal) : nullptr;
  if (event == nullptr) {
    bool handleable = header.is_flexible() && events_ != nullptr &&
                      events_->openness != Openness::kClosed;
    message.CloseAllHandles();
    if (!handleable) {
      StartTeardown(UnbindInfo(Status::UnknownOrdinal()));
    } else if (handler_ != nullptr && events_->unknown_event != nullptr) {
      events_->unknown_event(handler_, header.ordinal);
    }
    return;
  }
  if (Status status = channel_->DecodeBody(message, event->body_type); !status.ok()) {
    StartTeardown(UnbindInfo(status));
    return;
  }
  if (handler_ != nullptr) event->dispatch(handler_, message);
}

void ClientCore::OnTornDown(const UnbindInfo& info, uint32_t channel_handle) {
  {
    // A sync call still waiting keeps the channel open: the last one closes it.
    std::lock_guard lock(mu_);
    if (sync_calls_ > 0) channel_handle = std::exchange(handle_closed_after_calls_, channel_handle);
  }
  CloseAnyHandle(channel_handle);
  // No call can be added now (the state is no longer bound): complete the pending ones.
  std::map<uint32_t, std::unique_ptr<ResponseContext>> pending;
  {
    std::lock_guard lock(mu_);
    pending.swap(pending_);
  }
  Status error = info.ToError();
  for (auto& [txid, context] : pending) Complete(std::move(context), nullptr, error);
  if (!info.is_user_initiated() && handler_ != nullptr && events_ != nullptr &&
      events_->on_fidl_error != nullptr) {
    events_->on_fidl_error(handler_, info);
  }
  // No dispatch can follow: the handler the client handed over goes now, on the dispatcher.
  handler_ = nullptr;
  owned_handler_.reset();
}

}  // namespace fidl::internal
