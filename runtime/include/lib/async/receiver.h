// User packets queued to a dispatcher. Each async_queue_packet call delivers its own copy of
// `data` exactly once; a receiver may have several packets in flight.
#ifndef LIB_ASYNC_RECEIVER_H_
#define LIB_ASYNC_RECEIVER_H_

#include <lib/async/dispatcher.h>

#ifdef __cplusplus
extern "C" {
#endif

// ZX_OK with `data` (NULL if none was queued), or ZX_ERR_CANCELED (data NULL) at shutdown.
typedef void(async_receiver_handler_t)(async_dispatcher_t* dispatcher, async_receiver_t* receiver,
                                       zx_status_t status, const zx_packet_user_t* data);

struct async_receiver {
  async_state_t state;
  async_receiver_handler_t* handler;
};

// ZX_OK; ZX_ERR_BAD_STATE (dispatcher shutting down); ZX_ERR_NOT_SUPPORTED.
zx_status_t async_queue_packet(async_dispatcher_t* dispatcher, async_receiver_t* receiver,
                               const zx_packet_user_t* data);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_ASYNC_RECEIVER_H_
