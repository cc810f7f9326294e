#include "runtime/fidl/channel_call_router.h"

#include <lib/fidl/cpp/wire/channel_transport.h>
#include <lib/fidl/cpp/wire/codec.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace fidl::internal {

struct ChannelRoute {
  std::mutex mu;
  std::condition_variable cv;
  bool reading = false;  // one caller reads the channel at a time
  std::vector<PendingChannelCall*> calls;

  // Hands `message` to its caller; any failure ends every call waiting on the channel.
  void Deliver(IncomingMessage& message) {
    if (Status valid = ValidateHeader(message); !valid.ok()) return FailAll(valid);
    const WireMessageHeader& header = message.header();
    if (header.ordinal == kFidlOrdinalEpitaph) return FailAll(Status::PeerClosed(message.epitaph()));
    for (PendingChannelCall* call : calls) {
      if (call->txid_ == header.txid && !call->done_) {
        call->reply_ = std::move(message);
        call->done_ = true;
        return;
      }
    }
  }
  void FailAll(const Status& status) {
    for (PendingChannelCall* call : calls) {
      if (call->done_) continue;
      call->status_ = status;
      call->done_ = true;
    }
  }
};

namespace {

// One route per channel handle value, kept for the life of the process: a steady stream of
// calls then allocates nothing, and a route left by a closed channel is idle (no calls, nobody
// reading), so a new channel that reuses the handle value starts from a clean state. Handle
// values are fd-based, so the table stays as small as the process's fd table.
std::mutex g_routes_mu;
std::unordered_map<zx_handle_t, std::shared_ptr<ChannelRoute>>& Routes() {
  static auto* routes = new std::unordered_map<zx_handle_t, std::shared_ptr<ChannelRoute>>;
  return *routes;
}

std::shared_ptr<ChannelRoute> RouteFor(zx_handle_t channel) {
  std::lock_guard lock(g_routes_mu);
  std::shared_ptr<ChannelRoute>& route = Routes()[channel];
  if (!route) route = std::make_shared<ChannelRoute>();
  return route;
}

}  // namespace

PendingChannelCall::PendingChannelCall(zx_handle_t channel, uint32_t txid)
    : channel_(channel), txid_(txid), route_(RouteFor(channel)) {
  std::lock_guard lock(route_->mu);
  route_->calls.push_back(this);
}

PendingChannelCall::~PendingChannelCall() {
  std::lock_guard lock(route_->mu);
  auto& calls = route_->calls;
  calls.erase(std::find(calls.begin(), calls.end(), this));
}

Status PendingChannelCall::Wait(IncomingMessage* reply) {
  ChannelRoute& route = *route_;
  std::unique_lock lock(route.mu);
  while (!done_) {
    if (route.reading) {
      route.cv.wait(lock);
      continue;
    }
    route.reading = true;
    lock.unlock();
    IncomingMessage message;
    zx_status_t status = ChannelReadOne(channel_, &message);
    lock.lock();
    route.reading = false;
    if (status != ZX_OK) {
      route.FailAll(Status::TransportError(status));
    } else {
      route.Deliver(message);
    }
    route.cv.notify_all();  // a reply for someone else, or the turn to read passes on
  }
  if (!status_.ok()) return status_;
  *reply = std::move(reply_);
  return Status::Ok();
}

}  // namespace fidl::internal
