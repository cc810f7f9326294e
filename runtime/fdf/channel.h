// One end of an fdf channel. Both ends share one mutex (ChannelPair); a write appends to the
// peer's queue under it and, if the peer has a pending read wait, hands the wait to the peer's
// dispatcher in the same critical section, so cancellation never races a half-delivered wake-up.
#ifndef FDFKIT_RUNTIME_FDF_CHANNEL_H_
#define FDFKIT_RUNTIME_FDF_CHANNEL_H_

#include <lib/fdf/channel.h>

#include <atomic>
#include <condition_variable>

#include "runtime/fdf/callback_request.h"
#include "runtime/fdf/intrusive_list.h"
#include "runtime/fdf/message_packet.h"
#include "runtime/fdf/ref_counted.h"
#include "runtime/fdf/thread_annotations.h"

namespace fdf_internal {

class Dispatcher;

// Closes transferred handles a failed write or call consumes (each value once), except `except`,
// the writing channel itself.
void ConsumeHandles(zx_handle_t* handles, uint32_t num_handles, fdf_handle_t except);

// State shared by the two ends: the lock and the packet free list.
class ChannelPair : public RefCounted<ChannelPair> {
 public:
  ~ChannelPair();
  Mutex mu;
  MessagePacket* AllocatePacketLocked() REQUIRES(mu);
  void RecyclePacketLocked(MessagePacket* packet) REQUIRES(mu) { free_packets_.push_back(packet); }

 private:
  IntrusiveList<MessagePacket> free_packets_ GUARDED_BY(mu);
};

class Channel;

// A channel found by its handle for the length of one API call. Inside a read handler, the
// handler's own channel is borrowed (its wait holds a reference until the handler returns or
// re-arms), so the calls a handler makes on it cost no reference count and no slot lock; any other
// handle takes a new reference from the handle table.
class ChannelRef {
 public:
  static ChannelRef Lookup(fdf_handle_t handle);
  ChannelRef(ChannelRef&& other) noexcept;
  ChannelRef& operator=(ChannelRef&&) = delete;
  ~ChannelRef();
  Channel* operator->() const { return channel_; }
  explicit operator bool() const { return channel_ != nullptr; }

 private:
  ChannelRef(Channel* channel, bool owned) : channel_(channel), owned_(owned) {}
  Channel* channel_;
  bool owned_;
};

class Channel : public RefCounted<Channel> {
 public:
  // ZX_ERR_NO_RESOURCES when the handle table is full.
  static zx_status_t Create(fdf_handle_t* out0, fdf_handle_t* out1);

  zx_status_t Write(uint32_t options, fdf_arena_t* arena, void* data, uint32_t num_bytes,
                    zx_handle_t* handles, uint32_t num_handles);
  zx_status_t Read(uint32_t options, fdf_arena_t** out_arena, void** out_data,
                   uint32_t* out_num_bytes, zx_handle_t** out_handles, uint32_t* out_num_handles);
  zx_status_t WaitAsync(Dispatcher* dispatcher, fdf_channel_read_t* channel_read);
  zx_status_t CancelWait();
  zx_status_t Call(uint32_t options, zx_time_t deadline, const fdf_channel_call_args_t* args);
  // The handle was closed: cancels the pending wait, wakes callers, tells the peer, and destroys
  // queued messages (closing the handles inside them).
  void Close();

  fdf_handle_t handle() const { return handle_; }
  // True while a read wait is pending or a read handler runs: such an end cannot be transferred.
  bool IsWaitingOrReading();

 private:
  struct CallWaiter : ListNode {
    fdf_txid_t txid = 0;
    std::atomic<bool> done{false};  // set under the pair lock; polled without it while spinning
    zx_status_t status = ZX_OK;
    MessageContents reply;
    std::condition_variable cv;
  };

  explicit Channel(RefPtr<ChannelPair> pair) : pair_(std::move(pair)) {}
  friend class RefCounted<Channel>;
  friend class ChannelRef;
  ~Channel();

  static void InvokeRead(void* target, Dispatcher* dispatcher, zx_status_t status,
                        const CallbackRequest::Payload&);
  // Validates a write; returns ZX_OK if it may proceed. A handle table that is itself invalid (no
  // arena, not inside it, more than 64 entries) is never read; once it is valid, every failure
  // consumes its handles.
  zx_status_t ValidateWrite(fdf_arena_t* arena, void* data, uint32_t num_bytes,
                            zx_handle_t* handles, uint32_t num_handles);
  // Appends `contents` to this end's queue (or hands it to a matching caller) and wakes its wait.
  // Returns the dispatcher if the read handler must run inline on the calling thread.
  Dispatcher* DeliverLocked(const MessageContents& contents) REQUIRES(pair_->mu);
  // Hands the pending wait to its dispatcher with `status`; non-null if it must run inline there,
  // in which case the wait is already taken (InvokeRead then needs no lock).
  Dispatcher* SignalWaitLocked(zx_status_t status) REQUIRES(pair_->mu);
  // Clears the pending wait for its handler, which may register again; returns its read.
  fdf_channel_read_t* TakeWaitLocked() REQUIRES(pair_->mu);
  fdf_txid_t AllocateTxidLocked() REQUIRES(pair_->mu);

  // Both ends share one lock: holding ours means holding the peer's.
  void AssertPeerLockHeld(const Channel* peer) const REQUIRES(pair_->mu)
      ASSERT_CAPABILITY(peer->pair_->mu) {}

  const RefPtr<ChannelPair> pair_;
  fdf_handle_t handle_ = FDF_HANDLE_INVALID;
  RefPtr<Channel> peer_ GUARDED_BY(pair_->mu);
  IntrusiveList<MessagePacket> queue_ GUARDED_BY(pair_->mu);
  IntrusiveList<CallWaiter> callers_ GUARDED_BY(pair_->mu);
  fdf_txid_t next_txid_ GUARDED_BY(pair_->mu) = 0;

  // The single pending read wait of this end. Only one may exist, so one request object is reused.
  bool wait_pending_ GUARDED_BY(pair_->mu) = false;
  // The wait has been handed to its dispatcher; later writes need not tell it again.
  bool wait_signalled_ GUARDED_BY(pair_->mu) = false;
  fdf_channel_read_t* channel_read_ GUARDED_BY(pair_->mu) = nullptr;
  Dispatcher* wait_dispatcher_ GUARDED_BY(pair_->mu) = nullptr;
  CallbackRequest read_request_;
  // Read handlers running now, less those that registered their next wait (then pending).
  int handlers_running_ GUARDED_BY(pair_->mu) = 0;
  // Mirrors of queue_.size() and !peer_, written under the pair lock, so that a read of an empty
  // queue with a live peer (SHOULD_WAIT) needs no lock.
  std::atomic<uint32_t> queued_{0};  // written only under the pair lock: no read-modify-write
  std::atomic<bool> peer_gone_{false};
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_CHANNEL_H_
