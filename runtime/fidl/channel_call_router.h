// Sync calls from several threads on one zircon channel. Zircon's zx_channel_call routes each
// reply to the caller whose txid it carries; a socket has no such call, so here the callers of a
// channel take turns reading it: one reads while the others sleep, and every reply is handed to
// the caller it belongs to. Messages no caller waits for (events, replies to abandoned calls)
// are dropped.
#ifndef FDFKIT_RUNTIME_FIDL_CHANNEL_CALL_ROUTER_H_
#define FDFKIT_RUNTIME_FIDL_CHANNEL_CALL_ROUTER_H_

#include <lib/fidl/cpp/wire/internal/transport.h>

#include <memory>

namespace fidl::internal {

struct ChannelRoute;

// A call registered before its request is written, so that a reply read by another caller finds
// it. Not movable: other threads hold its address while it is registered.
class PendingChannelCall {
 public:
  PendingChannelCall(zx_handle_t channel, uint32_t txid);
  ~PendingChannelCall();
  PendingChannelCall(const PendingChannelCall&) = delete;
  PendingChannelCall& operator=(const PendingChannelCall&) = delete;

  // Blocks until this call's reply (undecoded) arrives, or the channel fails: a transport error,
  // or PeerClosed with the epitaph's status.
  Status Wait(IncomingMessage* reply);

 private:
  friend struct ChannelRoute;
  zx_handle_t channel_;
  uint32_t txid_;
  std::shared_ptr<ChannelRoute> route_;
  bool done_ = false;
  Status status_ = Status::Ok();
  IncomingMessage reply_;
};

}  // namespace fidl::internal

#endif  // FDFKIT_RUNTIME_FIDL_CHANNEL_CALL_ROUTER_H_
