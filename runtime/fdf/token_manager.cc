#include "runtime/fdf/token_manager.h"

#include <lib/fdf/handle.h>
#include <zircon/syscalls.h>

#include "runtime/zircon/object.h"
#include "runtime/fdf/channel.h"
#include "runtime/fdf/dispatcher.h"
#include "runtime/fdf/handle_table.h"
#include "runtime/fdf/poller.h"
#include "runtime/fdf/runnable.h"
#include "runtime/fdf/thread_pool.h"

namespace fdf_internal {

namespace {

// koid of a Zircon channel end and of its peer; ZX_ERR_BAD_HANDLE for anything else.
zx_status_t ChannelKoids(zx_handle_t token, zx_koid_t* koid, zx_koid_t* peer, int* fd) {
  fdf_internal::zircon::ObjectType type;
  if (fdf_internal::zircon::Lookup(token, fd, &type) != ZX_OK || type != fdf_internal::zircon::ObjectType::kChannel) {
    return ZX_ERR_BAD_HANDLE;
  }
  return fdf_internal::zircon::Koids(*fd, type, koid, peer) == ZX_OK ? ZX_OK : ZX_ERR_BAD_HANDLE;
}

// Closes an undeliverable transfer's token and fdf handle on a pool thread (or the next
// run-until-idle), never under the poller lock.
class DeferredClose final : public Runnable {
 public:
  DeferredClose(zx_handle_t token, fdf_handle_t handle) : token_(token), handle_(handle) {}
  void Run() override {
    zx_handle_close(token_);
    fdf_handle_close(handle_);
    delete this;
  }

 private:
  zx_handle_t token_;
  fdf_handle_t handle_;
};

}  // namespace

TokenManager& TokenManager::Get() {
  static TokenManager* manager = new TokenManager();
  return *manager;
}

zx_status_t TokenManager::Register(zx_handle_t token, Dispatcher* dispatcher,
                                   fdf_token_t* handler) {
  zx_koid_t koid, peer;
  int fd;
  if (ChannelKoids(token, &koid, &peer, &fd) != ZX_OK) {
    zx_handle_close(token);
    return ZX_ERR_BAD_HANDLE;
  }
  if (dispatcher == nullptr || handler == nullptr || handler->handler == nullptr) {
    zx_handle_close(token);
    return ZX_ERR_INVALID_ARGS;
  }
  auto* registration = new Registration{};
  registration->koid = koid;
  registration->token = token;
  registration->handler = handler;
  PendingTransfer* transfer = nullptr;
  bool taken;
  {
    MutexLock lock(&mu_);
    taken = handlers_.count(handler) || registrations_.count(koid);
    if (!taken) {
      if (auto it = transfers_.find(koid); it != transfers_.end()) {
        transfer = it->second;
        transfers_.erase(it);
        // Set with the take, so a concurrent Transfer never sees this registration empty.
        registration->handle = transfer->handle;
      }
      registrations_[koid] = registration;
      handlers_.insert(handler);
    }
  }
  if (taken) {
    delete registration;
    zx_handle_close(token);
    return ZX_ERR_BAD_STATE;
  }
  if (transfer != nullptr) Retire(transfer);  // closing its token fires the wait below at once
  registration->wait.state = ASYNC_STATE_INIT;
  registration->wait.handler = &TokenManager::OnRegistrationSignalled;
  registration->wait.object = token;
  registration->wait.trigger = ZX_CHANNEL_PEER_CLOSED;
  registration->wait.options = 0;
  zx_status_t status = dispatcher->BeginWait(&registration->wait);
  if (status != ZX_OK) {
    {
      MutexLock lock(&mu_);
      registrations_.erase(koid);
      handlers_.erase(handler);
    }
    if (registration->handle != FDF_HANDLE_INVALID) fdf_handle_close(registration->handle);
    zx_handle_close(token);
    delete registration;
    return ZX_ERR_BAD_STATE;
  }
  return ZX_OK;
}

void TokenManager::OnRegistrationSignalled(async_dispatcher_t* dispatcher, async_wait_t* wait,
                                           zx_status_t status, const zx_packet_signal_t*) {
  auto* registration = reinterpret_cast<Registration*>(wait);
  TokenManager& self = Get();
  fdf_handle_t handle;
  {
    MutexLock lock(&self.mu_);
    self.registrations_.erase(registration->koid);
    self.handlers_.erase(registration->handler);
    handle = registration->handle;
  }
  zx_handle_close(registration->token);
  fdf_token_t* handler = registration->handler;
  delete registration;
  auto* fdf_dispatcher = static_cast<fdf_dispatcher_t*>(Dispatcher::Downcast(dispatcher));
  if (status == ZX_OK && handle != FDF_HANDLE_INVALID) {
    handler->handler(fdf_dispatcher, handler, ZX_OK, handle);
    return;
  }
  // Shut down, or the peer token closed without a transfer.
  if (handle != FDF_HANDLE_INVALID) fdf_handle_close(handle);
  handler->handler(fdf_dispatcher, handler, ZX_ERR_CANCELED, FDF_HANDLE_INVALID);
}

zx_status_t TokenManager::Transfer(zx_handle_t token, fdf_handle_t handle) {
  zx_koid_t koid, peer;
  int fd;
  if (ChannelKoids(token, &koid, &peer, &fd) != ZX_OK) {
    zx_handle_close(token);
    fdf_handle_close(handle);
    return ZX_ERR_BAD_HANDLE;
  }
  if (!HandleTable::Get().Lookup(handle)) {
    zx_handle_close(token);
    return ZX_ERR_BAD_HANDLE;
  }
  auto close_both = [&](zx_status_t status) {
    zx_handle_close(token);
    fdf_handle_close(handle);
    return status;
  };
  // Nobody can ever receive it. (A peer that closes later fires the watch below.)
  if (peer == ZX_KOID_INVALID ||
      (fdf_internal::zircon::CurrentSignals(fd, fdf_internal::zircon::ObjectType::kChannel) &
       ZX_CHANNEL_PEER_CLOSED)) {
    return close_both(ZX_OK);
  }
  enum class Outcome { kPending, kHandedOver, kBusy };
  // Under mu_: hands the handle to a registration waiting for it, or finds the peer busy.
  auto hand_over_locked = [&]() NO_THREAD_SAFETY_ANALYSIS {
    auto it = registrations_.find(peer);
    if (it != registrations_.end() && it->second->handle == FDF_HANDLE_INVALID) {
      it->second->handle = handle;
      return Outcome::kHandedOver;
    }
    return transfers_.count(peer) ? Outcome::kBusy : Outcome::kPending;
  };
  Outcome outcome;
  {
    MutexLock lock(&mu_);
    outcome = hand_over_locked();
  }
  if (outcome == Outcome::kHandedOver) {
    zx_handle_close(token);  // fires the registration's wait
    return ZX_OK;
  }
  if (outcome == Outcome::kBusy) return close_both(ZX_ERR_BAD_STATE);
  // Armed while the token is still this call's alone, then published.
  auto* transfer = new PendingTransfer{token, handle, peer};
  if (Poller::Get().AddWait(token, ZX_CHANNEL_PEER_CLOSED, &TokenManager::OnTransferPeerClosed,
                            transfer, &transfer->poller_key) != ZX_OK) {
    transfer->poller_key = 0;
  }
  RaceHookPoint(RacePoint::kTokenArmedNotPublished);
  bool published = false;
  {
    MutexLock lock(&mu_);
    // Registered meanwhile: handed over directly. Peer closed meanwhile: undeliverable.
    outcome = hand_over_locked();
    if (outcome == Outcome::kPending && !transfer->peer_closed) {
      transfers_[peer] = transfer;
      published = true;
    }
  }
  if (published) return ZX_OK;
  Retire(transfer);  // closes the token, which fires the registration's wait when handed over
  if (outcome != Outcome::kHandedOver) fdf_handle_close(handle);
  return outcome == Outcome::kBusy ? ZX_ERR_BAD_STATE : ZX_OK;
}

fdf_handle_t TokenManager::Retire(PendingTransfer* transfer) {
  if (transfer->poller_key != 0) Poller::Get().Remove(transfer->poller_key);
  zx_handle_close(transfer->token);
  fdf_handle_t handle = transfer->handle;
  delete transfer;
  return handle;
}

void TokenManager::OnTransferPeerClosed(void* context, zx_signals_t) {
  auto* transfer = static_cast<PendingTransfer*>(context);
  TokenManager& self = Get();
  {
    MutexLock lock(&self.mu_);
    auto it = self.transfers_.find(transfer->peer);
    if (it == self.transfers_.end() || it->second != transfer) {
      // Not published yet (Transfer sees the flag), or taken: its new owner retires it.
      transfer->peer_closed = true;
      return;
    }
    self.transfers_.erase(it);
  }
  // The poller thread runs no driver: the token and handle (whose close may run a peer's handler
  // inline) are closed on a pool thread. The poller slot ends with this callback, so no Remove.
  ThreadPool::Get().Enqueue(new DeferredClose(transfer->token, transfer->handle));
  delete transfer;
}

zx_status_t TokenManager::Receive(zx_handle_t token, fdf_handle_t* out_handle) {
  zx_koid_t koid, peer;
  int fd;
  if (ChannelKoids(token, &koid, &peer, &fd) != ZX_OK) return ZX_ERR_BAD_HANDLE;
  if (out_handle == nullptr) return ZX_ERR_INVALID_ARGS;
  PendingTransfer* transfer;
  {
    MutexLock lock(&mu_);
    auto it = transfers_.find(koid);
    if (it == transfers_.end()) return ZX_ERR_NOT_FOUND;
    transfer = it->second;
    transfers_.erase(it);
  }
  *out_handle = Retire(transfer);
  zx_handle_close(token);
  return ZX_OK;
}

}  // namespace fdf_internal
