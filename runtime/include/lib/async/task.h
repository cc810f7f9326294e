#ifndef LIB_ASYNC_TASK_H_
#define LIB_ASYNC_TASK_H_

#include <lib/async/dispatcher.h>

#ifdef __cplusplus
extern "C" {
#endif

// Called once: ZX_OK when the deadline passed, ZX_ERR_CANCELED when the dispatcher shut down first.
typedef void(async_task_handler_t)(async_dispatcher_t* dispatcher, async_task_t* task,
                                   zx_status_t status);

struct async_task {
  async_state_t state;
  async_task_handler_t* handler;
  zx_time_t deadline;
};

// ZX_OK; ZX_ERR_INVALID_ARGS (deadline == ZX_TIME_INFINITE); ZX_ERR_BAD_STATE (shutting down).
zx_status_t async_post_task(async_dispatcher_t* dispatcher, async_task_t* task);
// ZX_OK if the task was pending and will not run; ZX_ERR_NOT_FOUND if it is running, ran, or was
// never posted.
zx_status_t async_cancel_task(async_dispatcher_t* dispatcher, async_task_t* task);
zx_time_t async_now(async_dispatcher_t* dispatcher);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_ASYNC_TASK_H_
