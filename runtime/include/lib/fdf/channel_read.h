#ifndef LIB_FDF_CHANNEL_READ_H_
#define LIB_FDF_CHANNEL_READ_H_

#include <lib/async/dispatcher.h>
#include <lib/fdf/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fdf_channel_read fdf_channel_read_t;

// Called exactly once per successful fdf_channel_wait_async: ZX_OK (a message is readable),
// ZX_ERR_PEER_CLOSED (no message and the peer is gone) or ZX_ERR_CANCELED. The wait is
// unregistered before the handler runs, so the handler may register it again.
typedef void(fdf_channel_read_handler_t)(fdf_dispatcher_t* dispatcher,
                                         fdf_channel_read_t* channel_read, zx_status_t status);

struct fdf_channel_read {
  async_state_t state;
  fdf_channel_read_handler_t* handler;
  fdf_handle_t channel;
  uint32_t options;
};

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_FDF_CHANNEL_READ_H_
