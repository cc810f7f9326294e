// async_dispatcher_t: the dispatcher interface shared by fdf dispatchers and any other event loop.
// An implementation fills an async_ops_t table; the free functions in task.h and wait.h forward to it.
#ifndef LIB_ASYNC_DISPATCHER_H_
#define LIB_ASYNC_DISPATCHER_H_

#include <zircon/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct async_dispatcher async_dispatcher_t;
typedef struct async_wait async_wait_t;
typedef struct async_task async_task_t;
typedef struct async_irq async_irq_t;
typedef struct async_receiver async_receiver_t;

// Private storage every async operation carries for the dispatcher's use. Zero it before use.
typedef struct async_state {
  uintptr_t reserved[2];
} async_state_t;
#define ASYNC_STATE_INIT \
  {                      \
    { 0u, 0u }           \
  }

typedef struct async_sequence_id {
  uint64_t value;
} async_sequence_id_t;

typedef uint32_t async_ops_version_t;
#define ASYNC_OPS_V1 ((async_ops_version_t)1)
#define ASYNC_OPS_V2 ((async_ops_version_t)2)

typedef struct async_ops {
  async_ops_version_t version;
  uint32_t reserved;
  struct v1 {
    zx_time_t (*now)(async_dispatcher_t* dispatcher);
    zx_status_t (*begin_wait)(async_dispatcher_t* dispatcher, async_wait_t* wait);
    zx_status_t (*cancel_wait)(async_dispatcher_t* dispatcher, async_wait_t* wait);
    zx_status_t (*post_task)(async_dispatcher_t* dispatcher, async_task_t* task);
    zx_status_t (*cancel_task)(async_dispatcher_t* dispatcher, async_task_t* task);
    zx_status_t (*queue_packet)(async_dispatcher_t* dispatcher, async_receiver_t* receiver,
                                const zx_packet_user_t* data);
    // Operations this port does not provide stay NULL.
    void* set_guest_bell_trap;
    zx_status_t (*bind_irq)(async_dispatcher_t* dispatcher, async_irq_t* irq);
    zx_status_t (*unbind_irq)(async_dispatcher_t* dispatcher, async_irq_t* irq);
    void* create_paged_vmo;
    void* detach_paged_vmo;
  } v1;
  struct v2 {
    zx_status_t (*get_sequence_id)(async_dispatcher_t* dispatcher, async_sequence_id_t* out_id,
                                   const char** out_error);
    zx_status_t (*check_sequence_id)(async_dispatcher_t* dispatcher, async_sequence_id_t id,
                                     const char** out_error);
  } v2;
} async_ops_t;

struct async_dispatcher {
  const async_ops_t* ops;
};

// Sequence ids: see fdf dispatcher rules (synchronized dispatchers only).
zx_status_t async_get_sequence_id(async_dispatcher_t* dispatcher, async_sequence_id_t* out_id,
                                  const char** out_error);
zx_status_t async_check_sequence_id(async_dispatcher_t* dispatcher, async_sequence_id_t id,
                                    const char** out_error);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_ASYNC_DISPATCHER_H_
