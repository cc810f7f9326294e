// fdf::ChannelRead: a one-shot read wait whose handler is a C++ callable.
#ifndef LIB_FDF_CPP_CHANNEL_READ_H_
#define LIB_FDF_CPP_CHANNEL_READ_H_

#include <lib/fdf/channel.h>
#include <lib/fdf/dispatcher.h>

#include <atomic>
#include <cassert>
#include <cstddef>
#include <functional>

namespace fdf {

class ChannelRead {
 public:
  using Handler =
      std::function<void(fdf_dispatcher_t* dispatcher, ChannelRead* read, zx_status_t status)>;

  explicit ChannelRead(fdf_handle_t channel = FDF_HANDLE_INVALID, uint32_t options = 0,
                       Handler handler = nullptr)
      : handler_(std::move(handler)) {
    read_.owner = this;
    read_.state = ASYNC_STATE_INIT;
    read_.handler = &ChannelRead::CallHandler;
    read_.channel = channel;
    read_.options = options;
  }
  ChannelRead(const ChannelRead&) = delete;
  ChannelRead& operator=(const ChannelRead&) = delete;
  // Must not be pending: cancel first.
  ~ChannelRead() { assert(!pending_); }

  // ZX_ERR_ALREADY_EXISTS while pending; otherwise fdf_channel_wait_async's status.
  zx_status_t Begin(fdf_dispatcher_t* dispatcher) {
    bool idle = false;
    if (!pending_.compare_exchange_strong(idle, true, std::memory_order_acq_rel)) {
      return ZX_ERR_ALREADY_EXISTS;
    }
    dispatcher_ = dispatcher;
    zx_status_t status = fdf_channel_wait_async(dispatcher, &read_, 0);
    if (status != ZX_OK) pending_.store(false, std::memory_order_release);
    return status;
  }

  // ZX_ERR_NOT_FOUND when not pending. On a synchronized dispatcher the wait is gone at once; on
  // an unsynchronized one it stays pending until the ZX_ERR_CANCELED callback.
  zx_status_t Cancel() {
    if (!pending_.load(std::memory_order_acquire)) return ZX_ERR_NOT_FOUND;
    zx_status_t status = fdf_channel_cancel_wait(read_.channel);
    bool synchronized =
        dispatcher_ && (fdf_dispatcher_get_options(dispatcher_) &
                        FDF_DISPATCHER_OPTION_SYNCHRONIZATION_MASK) ==
                           FDF_DISPATCHER_OPTION_SYNCHRONIZED;
    if (status == ZX_OK && synchronized) pending_.store(false, std::memory_order_release);
    return status;
  }

  bool is_pending() const { return pending_.load(std::memory_order_acquire); }
  fdf_handle_t channel() const { return read_.channel; }
  void set_channel(fdf_handle_t channel) { read_.channel = channel; }
  uint32_t options() const { return read_.options; }
  void set_handler(Handler handler) { handler_ = std::move(handler); }

 private:
  static void CallHandler(fdf_dispatcher_t* dispatcher, fdf_channel_read_t* read,
                          zx_status_t status) {
    ChannelRead* self = static_cast<Read*>(read)->owner;
    // Cleared first so the handler may Begin again.
    self->pending_.store(false, std::memory_order_release);
    self->handler_(dispatcher, self, status);
  }

  // The C wait, with a way back to this object.
  struct Read : fdf_channel_read_t {
    ChannelRead* owner;
  };
  Read read_{};
  Handler handler_;
  fdf_dispatcher_t* dispatcher_ = nullptr;
  // Read by Cancel and is_pending on any thread while the handler clears it on a pool thread.
  std::atomic<bool> pending_{false};
};

}  // namespace fdf

#endif  // LIB_FDF_CPP_CHANNEL_READ_H_
