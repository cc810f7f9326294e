// Waits on Zircon handles (Linux fds) through the dispatcher.
//
// Signal mapping on Linux (epoll):
//   channel   ZX_CHANNEL_READABLE    a message is queued (EPOLLIN with data)
//             ZX_CHANNEL_WRITABLE    EPOLLOUT
//             ZX_CHANNEL_PEER_CLOSED EPOLLRDHUP / EPOLLHUP
//   eventpair ZX_EVENTPAIR_PEER_CLOSED EPOLLRDHUP / EPOLLHUP
//   event     ZX_EVENT_SIGNALED and ZX_USER_SIGNAL_0..7 as set with zx_object_signal (in process)
// The handler's `signal->observed` holds every asserted signal at the moment the wait completed.
#ifndef LIB_ASYNC_WAIT_H_
#define LIB_ASYNC_WAIT_H_

#include <lib/async/dispatcher.h>

#ifdef __cplusplus
extern "C" {
#endif

// Called once: ZX_OK with `signal` set, or ZX_ERR_CANCELED (signal NULL) at dispatcher shutdown.
typedef void(async_wait_handler_t)(async_dispatcher_t* dispatcher, async_wait_t* wait,
                                   zx_status_t status, const zx_packet_signal_t* signal);

struct async_wait {
  async_state_t state;
  async_wait_handler_t* handler;
  zx_handle_t object;
  zx_signals_t trigger;
  uint32_t options;
};

// ZX_OK; ZX_ERR_BAD_STATE (dispatcher shutting down); ZX_ERR_BAD_HANDLE; ZX_ERR_NOT_SUPPORTED
// (object cannot be waited on); ZX_ERR_ALREADY_EXISTS (this wait is already pending).
zx_status_t async_begin_wait(async_dispatcher_t* dispatcher, async_wait_t* wait);
// ZX_OK if the wait was pending and its handler will not run; ZX_ERR_NOT_FOUND otherwise.
zx_status_t async_cancel_wait(async_dispatcher_t* dispatcher, async_wait_t* wait);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_ASYNC_WAIT_H_
