// The read side both binding cores share (ServerBindingCore, ClientCore): one message at a time
// is read and dispatched on the dispatcher; a teardown requested from any thread waits for the
// dispatch in progress, then finishes exactly once on the dispatcher (an epitaph first when the
// request asked for one) and hands the released channel to the core.
#ifndef LIB_FIDL_CPP_WIRE_INTERNAL_READ_LOOP_H_
#define LIB_FIDL_CPP_WIRE_INTERNAL_READ_LOOP_H_

#include <lib/fidl/cpp/wire/internal/transport.h>

#include <memory>
#include <mutex>
#include <shared_mutex>

namespace fidl::internal {

class ReadLoop {
 public:
  virtual ~ReadLoop() = default;

 protected:
  enum class State { kBound, kTearingDown, kTornDown };

  explicit ReadLoop(std::unique_ptr<MessageChannel> channel) : channel_(std::move(channel)) {}
  // Arms the first wait. On success `self` stays alive until the teardown finishes.
  zx_status_t Start(std::shared_ptr<ReadLoop> self);
  // From any thread; the first request wins.
  void StartTeardown(const UnbindInfo& info, bool send_epitaph = false);

  // One message read on the dispatcher (undecoded).
  virtual void DispatchMessage(IncomingMessage& message) = 0;
  // Once, on the dispatcher, after the channel is released: `channel_handle` is 0 when an epitaph
  // was sent (the channel is then closed).
  virtual void OnTornDown(const UnbindInfo& info, uint32_t channel_handle) = 0;

  // Guards state_, in_dispatch_, info_, send_epitaph_ and what the cores add.
  std::mutex mu_;
  State state_ = State::kBound;
  UnbindInfo info_;  // the first teardown request's reason
  // Sends hold it shared; the teardown takes it exclusively to release the channel.
  std::shared_mutex channel_mu_;
  std::unique_ptr<MessageChannel> channel_;

 private:
  void OnReady(zx_status_t status);
  void FinishTeardown();
  void SendEpitaph(zx_status_t epitaph);

  bool in_dispatch_ = false;
  bool send_epitaph_ = false;
  std::shared_ptr<ReadLoop> keep_alive_;
};

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_INTERNAL_READ_LOOP_H_
