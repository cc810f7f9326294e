// A Linux-backed subset of the Zircon system calls.
//
// Object mapping:
//   channel   AF_UNIX SOCK_SEQPACKET socketpair; handles travel as fds with SCM_RIGHTS.
//   event     eventfd; the signal word lives in a process-local table keyed by the fd's inode, so
//             user signals and waits work within one process (events are not shared across
//             processes).
//   eventpair AF_UNIX SOCK_DGRAM socketpair (only PEER_CLOSED is observable).
//   vmo       memfd.
// Status codes follow Zircon: ZX_ERR_BAD_HANDLE for values that are not live handles of this layer,
// ZX_ERR_WRONG_TYPE for a live handle of the wrong kind.
#ifndef ZIRCON_SYSCALLS_H_
#define ZIRCON_SYSCALLS_H_

#include <zircon/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// Closes a handle. ZX_HANDLE_INVALID → ZX_OK; a value that is not a live Zircon handle →
// ZX_ERR_BAD_HANDLE.
zx_status_t zx_handle_close(zx_handle_t handle);
zx_status_t zx_handle_close_many(const zx_handle_t* handles, size_t num_handles);
// Duplicates a handle (dup(2)); rights are ignored.
zx_status_t zx_handle_duplicate(zx_handle_t handle, zx_rights_t rights, zx_handle_t* out);

// Channels. Messages carry at most ZX_CHANNEL_MAX_MSG_BYTES bytes and ZX_CHANNEL_MAX_MSG_HANDLES
// handles.
//   create: ZX_OK; ZX_ERR_INVALID_ARGS (options != 0 or NULL out); ZX_ERR_NO_RESOURCES.
//   write:  ZX_OK; ZX_ERR_BAD_HANDLE (channel or a transferred handle not live);
//           ZX_ERR_WRONG_TYPE (not a channel); ZX_ERR_INVALID_ARGS (NULL buffer with a size, too
//           many bytes/handles, options != 0); ZX_ERR_NOT_SUPPORTED (the channel writes itself);
//           ZX_ERR_PEER_CLOSED. The transferred handles are consumed whatever the result.
//   read:   ZX_OK; ZX_ERR_SHOULD_WAIT (empty, peer alive); ZX_ERR_PEER_CLOSED (empty, peer gone);
//           ZX_ERR_BUFFER_TOO_SMALL (actual sizes reported, message left queued).
zx_status_t zx_channel_create(uint32_t options, zx_handle_t* out0, zx_handle_t* out1);
zx_status_t zx_channel_write(zx_handle_t handle, uint32_t options, const void* bytes,
                             uint32_t num_bytes, const zx_handle_t* handles, uint32_t num_handles);
zx_status_t zx_channel_read(zx_handle_t handle, uint32_t options, void* bytes, zx_handle_t* handles,
                            uint32_t num_bytes, uint32_t num_handles, uint32_t* actual_bytes,
                            uint32_t* actual_handles);

// Events: ZX_EVENT_SIGNALED and the eight user signals may be set and cleared.
zx_status_t zx_event_create(uint32_t options, zx_handle_t* out);
zx_status_t zx_eventpair_create(uint32_t options, zx_handle_t* out0, zx_handle_t* out1);
// ZX_ERR_INVALID_ARGS if a mask names a signal the object does not allow; ZX_ERR_WRONG_TYPE for
// objects without settable signals.
zx_status_t zx_object_signal(zx_handle_t handle, uint32_t clear_mask, uint32_t set_mask);
// Blocks until any of `signals` is asserted or the deadline passes (ZX_ERR_TIMED_OUT). `observed`
// receives the signals asserted when it returned.
zx_status_t zx_object_wait_one(zx_handle_t handle, zx_signals_t signals, zx_time_t deadline,
                               zx_signals_t* observed);
zx_status_t zx_object_get_info(zx_handle_t handle, uint32_t topic, void* buffer,
                               size_t buffer_size, size_t* actual, size_t* avail);

// VMOs (memfd).
// Virtual interrupts (a timerfd that fires at once when triggered). `src_obj` and `src_num` are
// ignored; `options` must be ZX_INTERRUPT_VIRTUAL. zx_interrupt_wait blocks until a trigger and
// consumes it. Triggers that arrive before the previous one was consumed coalesce (the earliest
// timestamp is kept), as with a Zircon interrupt that was not yet acked.
zx_status_t zx_interrupt_create(zx_handle_t src_obj, uint32_t src_num, uint32_t options,
                                zx_handle_t* out);
zx_status_t zx_interrupt_trigger(zx_handle_t handle, uint32_t options, zx_time_t timestamp);
zx_status_t zx_interrupt_wait(zx_handle_t handle, zx_time_t* out_timestamp);
// Accepted for API compatibility: an async irq binding re-arms itself after each handler.
zx_status_t zx_interrupt_ack(zx_handle_t handle);

zx_status_t zx_vmo_create(uint64_t size, uint32_t options, zx_handle_t* out);
zx_status_t zx_vmo_read(zx_handle_t handle, void* buffer, uint64_t offset, size_t buffer_size);
zx_status_t zx_vmo_write(zx_handle_t handle, const void* buffer, uint64_t offset,
                         size_t buffer_size);
zx_status_t zx_vmo_get_size(zx_handle_t handle, uint64_t* size);
zx_status_t zx_vmo_set_size(zx_handle_t handle, uint64_t size);

// Clock.
zx_time_t zx_clock_get_monotonic(void);
zx_time_t zx_deadline_after(zx_duration_t nanoseconds);
zx_status_t zx_nanosleep(zx_time_t deadline);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // ZIRCON_SYSCALLS_H_
