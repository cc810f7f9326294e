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

// Closes an fdf handle on a pool thread (or the next run-until-idle), never under the poller lock.
class DeferredClose final : public Runnable {
 public:
  explicit DeferredClose(fdf_handle_t handle) : handle_(handle) {}
  void Run() override {
    fdf_handle_close(handle_);
    delete this;
  }

 private:
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
  PendingTransfer transfer{};
  bool transferred = false;
  {
    MutexLock lock(&mu_);
    if (handlers_.count(handler) || registrations_.count(koid)) {
      delete registration;
      zx_handle_close(token);
      return ZX_ERR_BAD_STATE;
    }
    auto it = transfers_.find(koid);
    if (it != transfers_.end()) {
      transfer = it->second;
      transfers_.erase(it);
      transferred = true;
      registration->handle = transfer.handle;
    }
    registrations_[koid] = registration;
    handlers_.insert(handler);
  }
  if (transferred) {
    if (transfer.poller_key != 0) Poller::Get().Remove(transfer.poller_key);
    // Closing the transfer side's token fires the registration's wait at once.
    zx_handle_close(transfer.token);
  }
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
  {
    MutexLock lock(&mu_);
    auto it = registrations_.find(peer);
    if (it != registrations_.end() && it->second->handle == FDF_HANDLE_INVALID) {
      it->second->handle = handle;
      zx_handle_close(token);  // fires the registration's wait
      return ZX_OK;
    }
    if (peer == ZX_KOID_INVALID ||
        (fdf_internal::zircon::CurrentSignals(fd, fdf_internal::zircon::ObjectType::kChannel) & ZX_CHANNEL_PEER_CLOSED)) {
      // Nobody can ever receive it.
      zx_handle_close(token);
      fdf_handle_close(handle);
      return ZX_OK;
    }
    if (transfers_.count(peer)) {
      zx_handle_close(token);
      fdf_handle_close(handle);
      return ZX_ERR_BAD_STATE;
    }
    transfers_[peer] = {token, handle, 0};
  }
  uint64_t key = 0;
  zx_status_t status = Poller::Get().AddWait(token, ZX_CHANNEL_PEER_CLOSED,
                                             &TokenManager::OnTransferPeerClosed,
                                             reinterpret_cast<void*>(peer), &key);
  MutexLock lock(&mu_);
  auto it = transfers_.find(peer);
  if (it != transfers_.end() && it->second.token == token) {
    it->second.poller_key = status == ZX_OK ? key : 0;
  } else if (status == ZX_OK) {
    // A registration took it while the watch was being added.
    mu_.Unlock();
    Poller::Get().Remove(key);
    mu_.Lock();
  }
  return ZX_OK;
}

void TokenManager::OnTransferPeerClosed(void* context, zx_signals_t) {
  auto koid = static_cast<zx_koid_t>(reinterpret_cast<uintptr_t>(context));
  TokenManager& self = Get();
  PendingTransfer transfer;
  {
    MutexLock lock(&self.mu_);
    auto it = self.transfers_.find(koid);
    if (it == self.transfers_.end()) return;
    transfer = it->second;
    self.transfers_.erase(it);
  }
  zx_handle_close(transfer.token);
  ThreadPool::Get().Enqueue(new DeferredClose(transfer.handle));
}

zx_status_t TokenManager::Receive(zx_handle_t token, fdf_handle_t* out_handle) {
  zx_koid_t koid, peer;
  int fd;
  if (ChannelKoids(token, &koid, &peer, &fd) != ZX_OK) return ZX_ERR_BAD_HANDLE;
  if (out_handle == nullptr) return ZX_ERR_INVALID_ARGS;
  PendingTransfer transfer;
  {
    MutexLock lock(&mu_);
    auto it = transfers_.find(koid);
    if (it == transfers_.end()) return ZX_ERR_NOT_FOUND;
    transfer = it->second;
    transfers_.erase(it);
  }
  if (transfer.poller_key != 0) Poller::Get().Remove(transfer.poller_key);
  zx_handle_close(transfer.token);
  zx_handle_close(token);
  *out_handle = transfer.handle;
  return ZX_OK;
}

}  // namespace fdf_internal
