#include <lib/fdf/arena.h>
#include <lib/fidl/cpp/wire/codec.h>
#include <lib/fidl/cpp/wire/internal/read_loop.h>

#include "runtime/fidl/run_on_dispatcher.h"

namespace fidl::internal {

zx_status_t ReadLoop::Start(std::shared_ptr<ReadLoop> self) {
  channel_->set_ready_callback([this](zx_status_t status) { OnReady(status); });
  keep_alive_ = std::move(self);
  zx_status_t status = channel_->BeginWait();
  if (status != ZX_OK) keep_alive_.reset();
  return status;
}

void ReadLoop::OnReady(zx_status_t status) {
  // keep_alive_ is only dropped by FinishTeardown, which runs after the dispatch below (here or,
  // when this callback is not running, from a posted task), so the loop outlives this call.
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
  {
    IncomingMessage message;  // handles the core did not take close at the end of the scope
    zx_status_t read_status = channel_->Read(&message);
    if (read_status == ZX_OK) {
      DispatchMessage(message);
    } else if (read_status == ZX_ERR_PEER_CLOSED) {
      StartTeardown(UnbindInfo::PeerClosed(ZX_ERR_PEER_CLOSED));
    } else if (read_status != ZX_ERR_SHOULD_WAIT) {
      StartTeardown(UnbindInfo(Status::TransportError(read_status)));
    }
  }
  {
    // Re-arming under the lock closes the window in which a teardown request could see neither a
    // dispatch in progress nor an armed wait, and in which a second callback (unsynchronized
    // dispatcher) could start before this one is done. BeginWait never runs the callback on this
    // thread: the runtime does not re-enter a dispatcher from its own callback.
    std::lock_guard lock(mu_);
    in_dispatch_ = false;
    if (state_ == State::kBound) {
      zx_status_t wait_status = channel_->BeginWait();
      if (wait_status == ZX_OK) return;
      state_ = State::kTearingDown;
      info_ = wait_status == ZX_ERR_BAD_STATE ? UnbindInfo::DispatcherShutdown()
                                              : UnbindInfo(Status::TransportError(wait_status));
    }
  }
  FinishTeardown();
}

void ReadLoop::StartTeardown(const UnbindInfo& info, bool send_epitaph) {
  {
    std::lock_guard lock(mu_);
    if (state_ != State::kBound) return;
    state_ = State::kTearingDown;
    info_ = info;
    send_epitaph_ = send_epitaph;
    if (in_dispatch_) return;  // the dispatch in progress finishes the teardown
  }
  {
    // Shared with sends: a wait callback finishing the teardown on the dispatcher (the peer
    // closed meanwhile) releases the handle under the exclusive lock, never while it is read here.
    std::shared_lock channel_lock(channel_mu_);
    if (channel_->CancelWait() != ZX_OK) return;  // the wait callback is running: it finishes
  }
  std::shared_ptr<ReadLoop> self = keep_alive_;
  RunOnDispatcher(channel_->async_dispatcher(), [self] { self->FinishTeardown(); });
}

void ReadLoop::SendEpitaph(zx_status_t epitaph) {
  fdf_arena_t* arena = nullptr;
  if (fdf_arena_create(0, 'FIDL', &arena) != ZX_OK) return;
  auto* message = static_cast<WireEpitaph*>(fdf_arena_allocate(arena, sizeof(WireEpitaph)));
  message->header = WireMessageHeader::Make(0, kFidlOrdinalEpitaph, false);
  message->error = epitaph;
  message->padding = 0;
  std::shared_lock lock(channel_mu_);
  if (channel_) (void)channel_->Send(message, &kEpitaphBodyType, arena);
  fdf_arena_drop_ref(arena);
}

void ReadLoop::FinishTeardown() {
  UnbindInfo info;
  bool send_epitaph;
  {
    std::lock_guard lock(mu_);
    if (state_ == State::kTornDown) return;
    state_ = State::kTornDown;
    info = info_;
    send_epitaph = send_epitaph_;
  }
  std::shared_ptr<ReadLoop> self = std::move(keep_alive_);
  if (send_epitaph) SendEpitaph(info.status());
  uint32_t handle;
  {
    std::unique_lock lock(channel_mu_);
    handle = channel_->ReleaseHandle();
  }
  if (send_epitaph) {
    CloseAnyHandle(handle);
    handle = 0;
  }
  OnTornDown(info, handle);
}

}  // namespace fidl::internal
