// Internal view of the Linux zircon layer: what kind of object an fd is, its current signals and
// its koid. Used by the syscalls and by the fdf runtime's waits and tokens.
#ifndef FDFKIT_RUNTIME_ZIRCON_OBJECT_H_
#define FDFKIT_RUNTIME_ZIRCON_OBJECT_H_

#include <zircon/types.h>

namespace fdf_internal::zircon {

enum class ObjectType { kNone, kChannel, kEvent, kEventPair, kVmo, kInterrupt, kOther };

// The signal CurrentSignals reports while an interrupt has an unconsumed trigger.
inline constexpr zx_signals_t kInterruptTriggered = 1u << 4;

// The fd of a Zircon handle value, or -1 if the value is not a live Zircon handle.
int FdOf(zx_handle_t handle);
ObjectType TypeOfFd(int fd);
// ZX_ERR_BAD_HANDLE, or ZX_OK with the type. Handles this layer made or received have their type
// recorded, so looking them up costs no syscall; other fds (wrapped by the caller with
// zx_linux_handle_from_fd) are examined each time.
zx_status_t Lookup(zx_handle_t handle, int* fd, ObjectType* type);
// The handle for an fd this layer just created or received, with its type recorded. Such handles
// must be closed with zx_handle_close (which forgets the type), never with close().
zx_handle_t HandleForNewObject(int fd, ObjectType type);

// Whether waits (zx_object_wait_one, async waits) support this type.
inline bool IsWaitable(ObjectType type) {
  return type == ObjectType::kChannel || type == ObjectType::kEvent ||
         type == ObjectType::kEventPair || type == ObjectType::kInterrupt;
}

// The signals asserted on `fd` right now (a channel: READABLE only with a message queued).
zx_signals_t CurrentSignals(int fd, ObjectType type);
// Signals an epoll registration must watch to notice `trigger` on this type.
uint32_t EpollEventsFor(ObjectType type, zx_signals_t trigger);

// The koid of the object behind `fd` and of its peer (0 when it has none).
zx_status_t Koids(int fd, ObjectType type, zx_koid_t* koid, zx_koid_t* related_koid);

// Event signal word: kept in the eventfd counter so it follows the fd through dup and
// SCM_RIGHTS. Reading it does not modify it.
zx_signals_t ReadEventSignals(int fd);
// A numeric field of /proc/self/fdinfo/<fd> (e.g. "eventfd-id:"); false if absent.
bool ReadFdinfoField(int fd, const char* field, int base, uint64_t* value);

// Consumes a pending interrupt trigger: true with its timestamp, false if none was pending.
bool ConsumeInterrupt(int fd, zx_time_t* timestamp);

}  // namespace fdf_internal::zircon

#endif  // FDFKIT_RUNTIME_ZIRCON_OBJECT_H_
