// Zircon scalar types, handle constants and signal bits (Zircon's values).
//
// On Linux a Zircon handle is a file descriptor encoded as (fd << 2) | 0b11. The low bits keep it
// distinguishable from driver-runtime (fdf) handles, which end in 0b10; 0 is invalid for both.
#ifndef ZIRCON_TYPES_H_
#define ZIRCON_TYPES_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zircon/errors.h>

#ifdef __cplusplus
extern "C" {
#endif

// One typedef per alias of the built-in `zx` library (zx.Status, zx.Time, ...), the names banjo's
// C bindings use for them, and the handle, rights and object-type words.
typedef int32_t zx_status_t;
typedef uint32_t zx_handle_t;
typedef int64_t zx_time_t;      // monotonic nanoseconds
typedef int64_t zx_duration_t;  // nanoseconds
typedef int64_t zx_ticks_t;     // ticks of the monotonic clock
typedef uint32_t zx_signals_t;
typedef uint64_t zx_koid_t;
typedef uint32_t zx_rights_t;
typedef uint32_t zx_obj_type_t;
typedef uint64_t zx_off_t;
typedef uintptr_t zx_paddr_t;    // physical address
typedef uint32_t zx_paddr32_t;   // physical address below 4 GiB
typedef uintptr_t zx_gpaddr_t;   // guest physical address
typedef uintptr_t zx_vaddr_t;    // virtual address
typedef uint32_t zx_vm_option_t;  // mapping options

#define ZX_HANDLE_INVALID ((zx_handle_t)0)
#define ZX_HANDLE_FIXED_BITS_MASK ((zx_handle_t)0x3)
#define ZX_KOID_INVALID ((zx_koid_t)0)

#define ZX_TIME_INFINITE INT64_MAX
#define ZX_TIME_INFINITE_PAST INT64_MIN
#define ZX_NSEC(n) ((zx_duration_t)(1ll * (n)))
#define ZX_USEC(n) ((zx_duration_t)(1000ll * (n)))
#define ZX_MSEC(n) ((zx_duration_t)(1000000ll * (n)))
#define ZX_SEC(n) ((zx_duration_t)(1000000000ll * (n)))

#define ZX_MAX_NAME_LEN ((size_t)32u)
#define ZX_CHANNEL_MAX_MSG_BYTES ((uint32_t)65536u)
#define ZX_CHANNEL_MAX_MSG_HANDLES ((uint32_t)64u)

// Signals.
#define ZX_SIGNAL_NONE ((zx_signals_t)0u)
#define ZX_OBJECT_SIGNAL_0 ((zx_signals_t)1u << 0)
#define ZX_OBJECT_SIGNAL_1 ((zx_signals_t)1u << 1)
#define ZX_OBJECT_SIGNAL_2 ((zx_signals_t)1u << 2)
#define ZX_OBJECT_SIGNAL_3 ((zx_signals_t)1u << 3)
#define ZX_OBJECT_SIGNAL_4 ((zx_signals_t)1u << 4)
#define ZX_OBJECT_SIGNAL_5 ((zx_signals_t)1u << 5)
#define ZX_OBJECT_SIGNAL_6 ((zx_signals_t)1u << 6)
#define ZX_OBJECT_SIGNAL_7 ((zx_signals_t)1u << 7)
#define ZX_USER_SIGNAL_0 ((zx_signals_t)1u << 24)
#define ZX_USER_SIGNAL_1 ((zx_signals_t)1u << 25)
#define ZX_USER_SIGNAL_2 ((zx_signals_t)1u << 26)
#define ZX_USER_SIGNAL_3 ((zx_signals_t)1u << 27)
#define ZX_USER_SIGNAL_4 ((zx_signals_t)1u << 28)
#define ZX_USER_SIGNAL_5 ((zx_signals_t)1u << 29)
#define ZX_USER_SIGNAL_6 ((zx_signals_t)1u << 30)
#define ZX_USER_SIGNAL_7 ((zx_signals_t)1u << 31)
#define ZX_USER_SIGNAL_ALL ((zx_signals_t)0xff000000u)

#define ZX_CHANNEL_READABLE ZX_OBJECT_SIGNAL_0
#define ZX_CHANNEL_WRITABLE ZX_OBJECT_SIGNAL_1
#define ZX_CHANNEL_PEER_CLOSED ZX_OBJECT_SIGNAL_2
#define ZX_EVENT_SIGNALED ZX_OBJECT_SIGNAL_3
#define ZX_EVENTPAIR_SIGNALED ZX_OBJECT_SIGNAL_3
#define ZX_EVENTPAIR_PEER_CLOSED ZX_OBJECT_SIGNAL_2

// Rights (carried for API compatibility; the Linux layer does not enforce them).
#define ZX_RIGHT_NONE ((zx_rights_t)0u)
#define ZX_RIGHT_SAME_RIGHTS ((zx_rights_t)1u << 31)

// Object types.
#define ZX_OBJ_TYPE_NONE ((zx_obj_type_t)0u)
#define ZX_OBJ_TYPE_VMO ((zx_obj_type_t)3u)
#define ZX_OBJ_TYPE_CHANNEL ((zx_obj_type_t)4u)
#define ZX_OBJ_TYPE_EVENT ((zx_obj_type_t)5u)
#define ZX_OBJ_TYPE_INTERRUPT ((zx_obj_type_t)9u)
#define ZX_OBJ_TYPE_EVENTPAIR ((zx_obj_type_t)16u)

// zx_interrupt_create options: only virtual interrupts exist on Linux.
#define ZX_INTERRUPT_VIRTUAL ((uint32_t)0x10u)

// A signal packet, as delivered to async wait handlers.
typedef struct zx_packet_signal {
  zx_signals_t trigger;
  zx_signals_t observed;
  uint64_t count;
  uint64_t timestamp;
  uint64_t reserved1;
} zx_packet_signal_t;

// An interrupt packet, as delivered to async irq handlers.
typedef struct zx_packet_interrupt {
  zx_time_t timestamp;
  uint64_t reserved0;
  uint64_t reserved1;
  uint64_t reserved2;
} zx_packet_interrupt_t;

// A user packet, as queued with async_queue_packet.
typedef union zx_packet_user {
  uint64_t u64[4];
  uint32_t u32[8];
  uint16_t u16[16];
  uint8_t c8[32];
} zx_packet_user_t;

// zx_object_get_info topics.
#define ZX_INFO_HANDLE_VALID ((uint32_t)1u)
#define ZX_INFO_HANDLE_BASIC ((uint32_t)2u)

typedef struct zx_info_handle_basic {
  zx_koid_t koid;
  zx_rights_t rights;
  zx_obj_type_t type;
  zx_koid_t related_koid;
  uint32_t reserved;
  uint8_t padding1[4];
} zx_info_handle_basic_t;

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // ZIRCON_TYPES_H_
