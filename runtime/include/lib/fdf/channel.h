// Channels: in-process, zero-copy message pipes between drivers.
#ifndef LIB_FDF_CHANNEL_H_
#define LIB_FDF_CHANNEL_H_

#include <lib/fdf/arena.h>
#include <lib/fdf/channel_read.h>
#include <lib/fdf/handle.h>
#include <lib/fdf/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// ZX_OK; ZX_ERR_INVALID_ARGS (NULL out pointer); ZX_ERR_NO_RESOURCES (handle table full).
zx_status_t fdf_channel_create(uint32_t options, fdf_handle_t* out0, fdf_handle_t* out1);

// Queues a message on the peer. `data` and `handles` must lie inside `arena` (the reader receives
// these very pointers); the message takes its own arena reference. The handles are consumed
// whatever the result, once the handle table itself is valid: a table with no arena, outside the
// arena or of more than ZX_CHANNEL_MAX_MSG_HANDLES entries is ZX_ERR_INVALID_ARGS and is never
// read, so none of the handles it names is closed.
//   ZX_OK
//   ZX_ERR_BAD_HANDLE    `channel` is not a live fdf channel handle
//   ZX_ERR_INVALID_ARGS  data/handles without an arena, outside the arena, a transferred fdf handle
//                        that is not live, or a transferred end with a pending wait or running read
//   ZX_ERR_NOT_SUPPORTED the channel transfers itself
//   ZX_ERR_PEER_CLOSED   the peer is closed (argument checks come first)
zx_status_t fdf_channel_write(fdf_handle_t channel, uint32_t options, fdf_arena_t* arena,
                              void* data, uint32_t num_bytes, zx_handle_t* handles,
                              uint32_t num_handles);

// Takes the oldest message. The caller receives one arena reference (NULL for an empty, arena-less
// message) and owns the handles. Outputs left NULL are discarded (untaken handles are closed).
//   ZX_OK; ZX_ERR_BAD_HANDLE; ZX_ERR_INVALID_ARGS (out_arena NULL while out_data or out_handles is
//   not; the message stays queued); ZX_ERR_SHOULD_WAIT (empty, peer alive); ZX_ERR_PEER_CLOSED
//   (empty, peer gone).
zx_status_t fdf_channel_read(fdf_handle_t channel, uint32_t options, fdf_arena_t** out_arena,
                             void** out_data, uint32_t* out_num_bytes, zx_handle_t** out_handles,
                             uint32_t* out_num_handles);

// One-shot wait for readability of `channel_read->channel`, delivered on `dispatcher` under its
// threading rules (possibly inline, inside this call, when a message is already queued).
//   ZX_OK; ZX_ERR_INVALID_ARGS (NULL dispatcher/channel_read/handler, options != 0);
//   ZX_ERR_BAD_HANDLE; ZX_ERR_PEER_CLOSED (nothing queued and peer gone); ZX_ERR_BAD_STATE (a wait
//   is already registered on this end); ZX_ERR_UNAVAILABLE (dispatcher shutting down).
zx_status_t fdf_channel_wait_async(fdf_dispatcher_t* dispatcher, fdf_channel_read_t* channel_read,
                                   uint32_t options);

// Cancels the pending wait of `channel`.
//   Synchronized dispatcher: the handler will not run; ZX_OK.
//   Unsynchronized dispatcher: the handler runs with ZX_ERR_CANCELED; ZX_OK.
//   ZX_ERR_NOT_FOUND if no wait is pending or its handler has already started; ZX_ERR_BAD_HANDLE.
zx_status_t fdf_channel_cancel_wait(fdf_handle_t channel);

// Writes a request whose first four bytes are replaced by a fresh txid and blocks until the reply
// carrying that txid arrives or `deadline` passes.
//   ZX_OK; ZX_ERR_INVALID_ARGS (args NULL, write checks, wr_num_bytes < 4, read outputs without
//   rd_arena); ZX_ERR_NOT_SUPPORTED; ZX_ERR_BAD_HANDLE; ZX_ERR_PEER_CLOSED; ZX_ERR_TIMED_OUT;
//   ZX_ERR_BAD_STATE (called from a dispatcher without FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS).
zx_status_t fdf_channel_call(fdf_handle_t channel, uint32_t options, zx_time_t deadline,
                             const fdf_channel_call_args_t* args);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_FDF_CHANNEL_H_
