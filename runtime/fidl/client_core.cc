#include <lib/fidl/cpp/wire/codec.h>
#include <lib/fidl/cpp/wire/internal/client_core.h>

#include <algorithm>
#include <vector>

#include "run_on_dispatcher.h"

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
                       void* handler)
    : channel_(std::move(channel)), events_(events), handler_(handler) {}

zx::result<std::shared_ptr<ClientCore>> ClientCore::Bind(std::unique_ptr<MessageChannel> channel,
                                                         const EventDispatch* events,
                                                         void* handler) {
  auto core = std::make_shared<ClientCore>(std::move(channel), events, handler);
  core->channel_->set_ready_callback([raw = core.get()](zx_status_t status) {
    raw->OnReady(status);
  });
  core->keep_alive_ = core;
  zx_status_t status = core->channel_->BeginWait();
  if (status != ZX_OK) {
    core->keep_alive_.reset();
    return zx::error(status);
  }
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
  if (!channel_ || !is_bound()) return Status::Unbound();
  return channel_->Send(message, request_type, arena);
}

Status ClientCore::Call(void* message, const FidlType* request_type, fdf_arena_t* arena,
                        const FidlType* response_type, IncomingMessage* reply) {
  std::shared_lock lock(channel_mu_);
  if (!channel_ || !is_bound()) return Status::Unbound();
  return channel_->Call(message, request_type, arena, response_type, reply);
}

void ClientCore::OnReady(zx_status_t status) {
  std::shared_ptr<ClientCore> self = keep_alive_;
  bool dispatch;
  {
    std::lock_guard lock(mu_);
    if (state_ == State::kBound && status != ZX_OK) {
      state_ = State::kTearingDown;
      info_ = status == ZX_ERR_CANCELED ? UnbindInfo::DispatcherShutdown()
                                        : UnbindInfo::PeerClosed(ZX_ERR_PEER_CLOSED);
    }
    dispatch = state_ == State::kBound;
    in_dispatch_ = dispatch;
  }
  if (!dispatch) {
    FinishTeardown();
    return;
  }
  IncomingMessage message;
  zx_status_t read_status = channel_->Read(&message);
  if (read_status == ZX_OK) {
    DispatchMessage(message);
  } else if (read_status == ZX_ERR_PEER_CLOSED) {
    StartTeardown(UnbindInfo::PeerClosed(ZX_ERR_PEER_CLOSED));
  } else if (read_status != ZX_ERR_SHOULD_WAIT) {
    StartTeardown(UnbindInfo(Status::TransportError(read_status)));
  }
  message.Reset();

  bool tearing_down;
  {
    std::lock_guard lock(mu_);
    tearing_down = state_ != State::kBound;
  }
  zx_status_t wait_status = ZX_OK;
  if (!tearing_down) wait_status = channel_->BeginWait();
  {
    std::lock_guard lock(mu_);
    if (wait_status != ZX_OK && state_ == State::kBound) {
      state_ = State::kTearingDown;
      info_ = UnbindInfo::DispatcherShutdown();
    }
    in_dispatch_ = false;
    if (state_ == State::kBound) return;
  }
  // Torn down while dispatching: if a wait got armed meanwhile, its callback finishes instead.
  if (!tearing_down && wait_status == ZX_OK && channel_->CancelWait() != ZX_OK) return;
  FinishTeardown();
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

void ClientCore::StartTeardown(const UnbindInfo& info) {
  {
    std::lock_guard lock(mu_);
    if (state_ != State::kBound) return;
    state_ = State::kTearingDown;
    info_ = info;
    if (in_dispatch_) return;
  }
  if (channel_->CancelWait() != ZX_OK) return;
  std::shared_ptr<ClientCore> self = keep_alive_;
  RunOnDispatcher(channel_->async_dispatcher(), [self] { self->FinishTeardown(); });
}

void ClientCore::FinishTeardown() {
  UnbindInfo info;
  std::map<uint32_t, std::unique_ptr<ResponseContext>> pending;
  {
    std::lock_guard lock(mu_);
    if (state_ == State::kTornDown) return;
    state_ = State::kTornDown;
    info = info_;
    pending.swap(pending_);
  }
  std::shared_ptr<ClientCore> self = std::move(keep_alive_);
  {
    std::unique_lock lock(channel_mu_);
    CloseAnyHandle(channel_->ReleaseHandle());
  }
  Status error = info.ToError();
  for (auto& [txid, context] : pending) Complete(std::move(context), nullptr, error);
  if (!info.is_user_initiated() && handler_ != nullptr && events_ != nullptr &&
      events_->on_fidl_error != nullptr) {
    events_->on_fidl_error(handler_, info);
  }
}

}  // namespace fidl::internal
