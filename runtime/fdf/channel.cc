#include "runtime/fdf/channel.h"

#include <lib/fdf/handle.h>
#include <zircon/syscalls.h>

#include <chrono>
#include <cstring>
#include <utility>
#include <vector>

#include "runtime/fdf/arena.h"
#include "runtime/fdf/dispatcher.h"
#include "runtime/fdf/driver_context.h"
#include "runtime/fdf/handle_table.h"
#include "runtime/fdf/spin_wait.h"
#include "runtime/fdf/thread_pool.h"

namespace fdf_internal {

namespace {

constexpr fdf_txid_t kMinTxid = 0x80000000u;

// The channel whose read handler this thread is running (innermost, when inline reads nest).
struct DispatchingRead {
  fdf_handle_t handle = FDF_HANDLE_INVALID;
  Channel* channel = nullptr;
  // The handler registered the channel's next wait, which took over its reference and its
  // count in handlers_running_: the usual re-arm costs no reference count and no extra lock.
  bool rearmed = false;
};
thread_local DispatchingRead t_dispatching_read;

// Hands the message's outputs to a reader, or discards what the reader did not ask for.
void HandOut(MessageContents& m, fdf_arena_t** out_arena, void** out_data,
             uint32_t* out_num_bytes, zx_handle_t** out_handles, uint32_t* out_num_handles) {
  if (out_num_bytes) *out_num_bytes = m.num_bytes;
  if (out_num_handles) *out_num_handles = m.num_handles;
  if (out_data) *out_data = m.data;
  if (out_handles) {
    *out_handles = m.handles;
  } else {
    ConsumeHandles(m.handles, m.num_handles, FDF_HANDLE_INVALID);
  }
  if (out_arena) {
    *out_arena = m.arena;  // the message's reference moves to the reader
  } else if (m.arena) {
    m.arena->Release();
  }
}

}  // namespace

void ConsumeHandles(zx_handle_t* handles, uint32_t num_handles, fdf_handle_t except) {
  if (handles == nullptr) return;
  for (uint32_t i = 0; i < num_handles; ++i) {
    if (handles[i] == except) continue;
    bool seen = false;
    for (uint32_t j = 0; j < i && !seen; ++j) seen = handles[j] == handles[i];
    if (!seen) fdf_handle_close(handles[i]);
  }
}

void MessageContents::Discard() {
  ConsumeHandles(handles, num_handles, FDF_HANDLE_INVALID);
  if (arena) arena->Release();
  *this = {};
}

ChannelRef ChannelRef::Lookup(fdf_handle_t handle) {
  const DispatchingRead& reading = t_dispatching_read;
  // Borrowed only while the handler's reference is its own (once re-armed, the new wait owns it
  // and a close elsewhere may drop it), and still checked against the table: a handler may have
  // closed its own handle.
  if (reading.handle == handle && reading.channel != nullptr && !reading.rearmed &&
      HandleTable::Get().IsLive(handle)) {
    return ChannelRef(reading.channel, /*owned=*/false);
  }
  return ChannelRef(HandleTable::Get().Lookup(handle).Leak(), /*owned=*/true);
}

ChannelRef::ChannelRef(ChannelRef&& other) noexcept
    : channel_(std::exchange(other.channel_, nullptr)), owned_(other.owned_) {}

ChannelRef::~ChannelRef() {
  if (owned_ && channel_ != nullptr) channel_->Release();
}

ChannelPair::~ChannelPair() {
  MutexLock lock(&mu);
  while (MessagePacket* p = free_packets_.pop_front()) delete p;
}

MessagePacket* ChannelPair::AllocatePacketLocked() {
  MessagePacket* packet = free_packets_.pop_front();
  return packet ? packet : new MessagePacket();
}

zx_status_t Channel::Create(fdf_handle_t* out0, fdf_handle_t* out1) {
  if (out0 == nullptr || out1 == nullptr) return ZX_ERR_INVALID_ARGS;
  auto pair = RefPtr<ChannelPair>::Adopt(new ChannelPair());
  auto end0 = RefPtr<Channel>::Adopt(new Channel(pair));
  auto end1 = RefPtr<Channel>::Adopt(new Channel(pair));
  {
    MutexLock lock(&end0->pair_->mu);
    end0->AssertPeerLockHeld(end1.get());
    end0->peer_ = end1;
    end1->peer_ = end0;
  }
  Channel* raw0 = end0.get();
  Channel* raw1 = end1.get();
  HandleTable& table = HandleTable::Get();
  raw0->handle_ = table.Add(std::move(end0));
  if (raw0->handle_ == FDF_HANDLE_INVALID) {
    RefPtr<Channel> dropped;  // released after unlocking: its destructor takes the lock
    {
      MutexLock lock(&raw1->pair_->mu);
      dropped = std::move(raw1->peer_);
      raw1->peer_gone_.store(true, std::memory_order_release);
    }
    return ZX_ERR_NO_RESOURCES;
  }
  raw1->handle_ = table.Add(std::move(end1));
  if (raw1->handle_ == FDF_HANDLE_INVALID) {
    fdf_handle_close(raw0->handle_);
    return ZX_ERR_NO_RESOURCES;
  }
  *out0 = raw0->handle_;
  *out1 = raw1->handle_;
  return ZX_OK;
}

Channel::~Channel() {
  MutexLock lock(&pair_->mu);
  while (MessagePacket* p = queue_.pop_front()) {
    p->contents.Discard();
    pair_->RecyclePacketLocked(p);
  }
}

bool Channel::IsWaitingOrReading() {
  MutexLock lock(&pair_->mu);
  return wait_pending_ || handlers_running_ > 0;
}

zx_status_t Channel::ValidateWrite(fdf_arena_t* arena_handle, void* data, uint32_t num_bytes,
                                   zx_handle_t* handles, uint32_t num_handles) {
  Arena* arena = Arena::From(arena_handle);
  // The handle table first. One that fails here is never read, so nothing in it is consumed:
  // its entries (or the memory past them) may be anything, including fds the caller still owns.
  if (handles == nullptr && num_handles != 0) return ZX_ERR_INVALID_ARGS;
  if (handles != nullptr && arena == nullptr) return ZX_ERR_INVALID_ARGS;
  if (num_handles > ZX_CHANNEL_MAX_MSG_HANDLES) return ZX_ERR_INVALID_ARGS;
  if (handles != nullptr &&
      !arena->Contains(handles, sizeof(zx_handle_t) * static_cast<size_t>(num_handles))) {
    return ZX_ERR_INVALID_ARGS;
  }
  // A valid table is consumed by every failure from here on (the header's promise).
  auto fail = [&](zx_status_t status) {
    ConsumeHandles(handles, num_handles, handle_);
    return status;
  };
  if (data != nullptr && arena == nullptr) return fail(ZX_ERR_INVALID_ARGS);
  if (data == nullptr && num_bytes != 0) return fail(ZX_ERR_INVALID_ARGS);
  if (data != nullptr && !arena->Contains(data, num_bytes)) return fail(ZX_ERR_INVALID_ARGS);
  for (uint32_t i = 0; i < num_handles; ++i) {
    zx_handle_t h = handles[i];
    if (h == handle_) return fail(ZX_ERR_NOT_SUPPORTED);
    for (uint32_t j = 0; j < i; ++j) {
      if (handles[j] == h) return fail(ZX_ERR_INVALID_ARGS);
    }
    if (HandleTable::IsFdfHandle(h)) {
      RefPtr<Channel> transferred = HandleTable::Get().Lookup(h);
      if (!transferred || transferred->IsWaitingOrReading()) return fail(ZX_ERR_INVALID_ARGS);
    }
  }
  return ZX_OK;
}

// Called with the pair lock held by the writer; `this` is the receiving end.
Dispatcher* Channel::DeliverLocked(const MessageContents& contents) {
  if (!callers_.empty() && contents.has_txid()) {
    fdf_txid_t txid = contents.txid();
    for (CallWaiter* w = callers_.front(); w != nullptr; w = callers_.next(w)) {
      if (w->txid == txid) {
        callers_.erase(w);
        w->reply = contents;
        w->status = ZX_OK;
        w->done.store(true, std::memory_order_release);
        w->cv.notify_one();
        return nullptr;
      }
    }
  }
  MessagePacket* packet = pair_->AllocatePacketLocked();
  packet->contents = contents;
  queue_.push_back(packet);
  queued_.store(queued_.load(std::memory_order_relaxed) + 1, std::memory_order_release);
  return SignalWaitLocked(ZX_OK);
}

Dispatcher* Channel::SignalWaitLocked(zx_status_t status) {
  if (!wait_pending_ || wait_signalled_) return nullptr;
  wait_signalled_ = true;
  Dispatcher* dispatcher = wait_dispatcher_;
  if (!dispatcher->ReadyFromChannel(&read_request_, status)) return nullptr;
  // Runs inline: taken here, under the lock the caller already holds.
  read_request_.payload.taken_read = TakeWaitLocked();
  return dispatcher;
}

fdf_channel_read_t* Channel::TakeWaitLocked() {
  fdf_channel_read_t* channel_read = channel_read_;
  wait_pending_ = false;
  channel_read_ = nullptr;
  wait_dispatcher_ = nullptr;
  ++handlers_running_;
  return channel_read;
}

zx_status_t Channel::Write(uint32_t options, fdf_arena_t* arena, void* data, uint32_t num_bytes,
                           zx_handle_t* handles, uint32_t num_handles) {
  zx_status_t status = ValidateWrite(arena, data, num_bytes, handles, num_handles);
  if (status != ZX_OK) return status;
  Channel* peer;
  Dispatcher* run_inline;
  {
    MutexLock lock(&pair_->mu);
    peer = peer_.get();
    if (peer == nullptr) {
      status = ZX_ERR_PEER_CLOSED;
    } else {
      Arena* a = Arena::From(arena);
      if (a) a->AddRef();
      AssertPeerLockHeld(peer);
      run_inline = peer->DeliverLocked({a, data, num_bytes, handles, num_handles});
    }
  }
  if (status != ZX_OK) {
    ConsumeHandles(handles, num_handles, handle_);
    return status;
  }
  // The pending wait holds a reference to `peer` until its handler has returned.
  if (run_inline) run_inline->RunInline(&peer->read_request_);
  return ZX_OK;
}

zx_status_t Channel::Read(uint32_t options, fdf_arena_t** out_arena, void** out_data,
                          uint32_t* out_num_bytes, zx_handle_t** out_handles,
                          uint32_t* out_num_handles) {
  if (out_arena == nullptr && (out_data != nullptr || out_handles != nullptr)) {
    return ZX_ERR_INVALID_ARGS;
  }
  // Nothing queued and the peer alive: no lock needed to say so. A message written concurrently
  // is simply later than this read. (A drain loop's last read always ends here.)
  if (queued_.load(std::memory_order_acquire) == 0 &&
      !peer_gone_.load(std::memory_order_acquire)) {
    return ZX_ERR_SHOULD_WAIT;
  }
  MessageContents m;
  {
    MutexLock lock(&pair_->mu);
    MessagePacket* packet = queue_.pop_front();
    if (packet == nullptr) return peer_ ? ZX_ERR_SHOULD_WAIT : ZX_ERR_PEER_CLOSED;
    queued_.store(queued_.load(std::memory_order_relaxed) - 1, std::memory_order_relaxed);
    m = packet->contents;
    pair_->RecyclePacketLocked(packet);
  }
  HandOut(m, out_arena, out_data, out_num_bytes, out_handles, out_num_handles);
  return ZX_OK;
}

zx_status_t Channel::WaitAsync(Dispatcher* dispatcher, fdf_channel_read_t* channel_read) {
  Dispatcher* run_inline = nullptr;
  {
    MutexLock lock(&pair_->mu);
    if (wait_pending_) return ZX_ERR_BAD_STATE;
    if (queue_.empty() && !peer_) return ZX_ERR_PEER_CLOSED;
    read_request_.kind = CallbackRequest::Kind::kChannelRead;
    read_request_.invoke = &Channel::InvokeRead;
    read_request_.target = this;
    read_request_.payload.taken_read = nullptr;  // a cancel or shutdown delivers it untaken
    if (!dispatcher->RegisterRead(&read_request_)) return ZX_ERR_UNAVAILABLE;
    // The wait holds a reference until its handler returns or it is cancelled. Registered from
    // this channel's own running handler, it takes over that handler's reference instead.
    DispatchingRead& reading = t_dispatching_read;
    if (reading.channel == this && !reading.rearmed) {
      reading.rearmed = true;
      --handlers_running_;
    } else {
      AddRef();
    }
    wait_pending_ = true;
    wait_signalled_ = false;
    channel_read_ = channel_read;
    wait_dispatcher_ = dispatcher;
    if (!queue_.empty()) run_inline = SignalWaitLocked(ZX_OK);
  }
  if (run_inline) run_inline->RunInline(&read_request_);
  return ZX_OK;
}

void Channel::InvokeRead(void* target, Dispatcher* dispatcher, zx_status_t status,
                        const CallbackRequest::Payload& payload) {
  auto* self = static_cast<Channel*>(target);
  auto* channel_read = static_cast<fdf_channel_read_t*>(payload.taken_read);
  if (channel_read == nullptr) {  // queued: taken now
    MutexLock lock(&self->pair_->mu);
    channel_read = self->TakeWaitLocked();
  }
  DispatchingRead outer = t_dispatching_read;
  t_dispatching_read = {self->handle_, self, false};
  channel_read->handler(static_cast<fdf_dispatcher_t*>(dispatcher), channel_read, status);
  bool rearmed = t_dispatching_read.rearmed;
  t_dispatching_read = outer;
  if (rearmed) return;  // the new wait holds the reference and was uncounted from the handlers
  {
    MutexLock lock(&self->pair_->mu);
    --self->handlers_running_;
  }
  self->Release();
}

zx_status_t Channel::CancelWait() {
  bool removed = false;
  bool returned_to_handler = false;
  zx_status_t status;
  {
    MutexLock lock(&pair_->mu);
    if (!wait_pending_) return ZX_ERR_NOT_FOUND;
    status = wait_dispatcher_->CancelRead(&read_request_, &removed);
    if (removed) {
      wait_pending_ = false;
      channel_read_ = nullptr;
      wait_dispatcher_ = nullptr;
      // Cancelled from the handler that re-armed it: the reference and the running count go back
      // to that handler, so the end is still "reading" (not transferable) until it returns.
      DispatchingRead& reading = t_dispatching_read;
      if (reading.channel == this && reading.rearmed) {
        reading.rearmed = false;
        ++handlers_running_;
        returned_to_handler = true;
      }
    }
  }
  if (removed && !returned_to_handler) Release();  // the caller holds its own reference
  return status;
}

fdf_txid_t Channel::AllocateTxidLocked() {
  for (;;) {
    fdf_txid_t txid = kMinTxid | (next_txid_++ & ~kMinTxid);
    bool in_flight = false;
    for (CallWaiter* w = callers_.front(); w != nullptr && !in_flight; w = callers_.next(w)) {
      in_flight = w->txid == txid;
    }
    if (!in_flight) return txid;
  }
}

zx_status_t Channel::Call(uint32_t options, zx_time_t deadline,
                          const fdf_channel_call_args_t* args) {
  if (args == nullptr) return ZX_ERR_INVALID_ARGS;
  zx_status_t status =
      ValidateWrite(args->wr_arena, args->wr_data, args->wr_num_bytes, args->wr_handles,
                    args->wr_num_handles);
  if (status != ZX_OK) return status;
  auto fail = [&](zx_status_t s) {
    ConsumeHandles(args->wr_handles, args->wr_num_handles, handle_);
    return s;
  };
  if (args->rd_arena == nullptr && (args->rd_data != nullptr || args->rd_handles != nullptr)) {
    return fail(ZX_ERR_INVALID_ARGS);
  }
  if (args->wr_num_bytes < sizeof(fdf_txid_t)) return fail(ZX_ERR_INVALID_ARGS);
  if (!driver_context::IsEmpty()) {
    Dispatcher* current = driver_context::CurrentDispatcher();
    if (current != nullptr && !current->allows_sync_calls()) return fail(ZX_ERR_BAD_STATE);
  }

  CallWaiter waiter;
  Channel* peer;
  Dispatcher* run_inline;
  {
    MutexLock lock(&pair_->mu);
    peer = peer_.get();
    if (peer == nullptr) {
      status = ZX_ERR_PEER_CLOSED;
    } else {
      waiter.txid = AllocateTxidLocked();
      memcpy(args->wr_data, &waiter.txid, sizeof(waiter.txid));
      callers_.push_back(&waiter);
      Arena* a = Arena::From(args->wr_arena);
      a->AddRef();
      AssertPeerLockHeld(peer);
      run_inline = peer->DeliverLocked(
          {a, args->wr_data, args->wr_num_bytes, args->wr_handles, args->wr_num_handles});
    }
  }
  if (status != ZX_OK) return fail(status);
  if (run_inline) run_inline->RunInline(&peer->read_request_);

  // A reply from a server on another thread usually arrives within microseconds: poll briefly
  // first, but never past the deadline, and never on a pool thread, whose CPU the server may need.
  if (!ThreadPool::OnPoolThread()) {
    zx_time_t now = zx_clock_get_monotonic();
    zx_duration_t left = deadline > now ? deadline - now : 0;  // no overflow at INFINITE_PAST
    std::chrono::nanoseconds spin = std::min<std::chrono::nanoseconds>(
        kSpinBudget, std::chrono::nanoseconds(left));
    SpinUntil([&] { return waiter.done.load(std::memory_order_acquire); },
              std::chrono::steady_clock::now() + spin);
  }
  {
    MutexLock lock(&pair_->mu);
    auto done = [&] { return waiter.done.load(std::memory_order_relaxed); };
    if (deadline == ZX_TIME_INFINITE) {
      WaitLocked(waiter.cv, pair_->mu, done);
    } else {
      zx_time_t now = zx_clock_get_monotonic();
      zx_duration_t remaining = deadline > now ? deadline - now : 0;  // no overflow at INFINITE_PAST
      auto until = std::chrono::steady_clock::now() + std::chrono::nanoseconds(remaining);
      WaitUntilLocked(waiter.cv, pair_->mu, until, done);
    }
    if (!done()) {
      // A late reply lands in the ordinary queue.
      callers_.erase(&waiter);
      return ZX_ERR_TIMED_OUT;
    }
  }
  if (waiter.status != ZX_OK) return waiter.status;
  HandOut(waiter.reply, args->rd_arena, args->rd_data, args->rd_num_bytes, args->rd_handles,
          args->rd_num_handles);
  return ZX_OK;
}

void Channel::Close() {
  std::vector<MessageContents> discarded;
  RefPtr<Channel> peer;
  Dispatcher* peer_inline = nullptr;
  {
    MutexLock lock(&pair_->mu);
    peer = std::move(peer_);
    peer_gone_.store(true, std::memory_order_release);
    while (MessagePacket* p = queue_.pop_front()) {
      discarded.push_back(p->contents);
      pair_->RecyclePacketLocked(p);
    }
    queued_.store(0, std::memory_order_relaxed);
    auto abort_callers = [](IntrusiveList<CallWaiter>& callers) {
      while (CallWaiter* w = callers.pop_front()) {
        w->status = ZX_ERR_PEER_CLOSED;
        w->done = true;
        w->cv.notify_one();
      }
    };
    abort_callers(callers_);
    if (peer) {
      AssertPeerLockHeld(peer.get());
      peer->peer_ = nullptr;
      peer->peer_gone_.store(true, std::memory_order_release);
      abort_callers(peer->callers_);
      if (peer->queue_.empty()) peer_inline = peer->SignalWaitLocked(ZX_ERR_PEER_CLOSED);
    }
  }
  if (peer_inline) peer_inline->RunInline(&peer->read_request_);
  // A wait still pending on this end is cancelled as fdf_channel_cancel_wait would.
  CancelWait();
  for (MessageContents& m : discarded) m.Discard();
}

}  // namespace fdf_internal
