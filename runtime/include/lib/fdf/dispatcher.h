// Dispatchers: where a driver's callbacks run, with the synchronized / unsynchronized /
// allow-sync-calls threading model.
#ifndef LIB_FDF_DISPATCHER_H_
#define LIB_FDF_DISPATCHER_H_

#include <lib/async/dispatcher.h>
#include <lib/fdf/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fdf_dispatcher_shutdown_observer fdf_dispatcher_shutdown_observer_t;

// Called once, after every pending callback of the dispatcher was delivered (with
// ZX_ERR_CANCELED); the dispatcher is current while it runs.
typedef void(fdf_dispatcher_shutdown_handler_t)(fdf_dispatcher_t* dispatcher,
                                                fdf_dispatcher_shutdown_observer_t* observer);

struct fdf_dispatcher_shutdown_observer {
  fdf_dispatcher_shutdown_handler_t* handler;
};

// Creates a dispatcher owned by the driver on top of the calling thread's driver stack.
//   ZX_OK; ZX_ERR_NOT_SUPPORTED (UNSYNCHRONIZED | ALLOW_SYNC_CALLS); ZX_ERR_INVALID_ARGS (no
//   current driver, NULL out, unknown option bits); ZX_ERR_BAD_STATE (the driver is shutting down).
zx_status_t fdf_dispatcher_create(uint32_t options, const char* name, size_t name_len,
                                  const char* scheduler_role, size_t scheduler_role_len,
                                  fdf_dispatcher_shutdown_observer_t* observer,
                                  fdf_dispatcher_t** out_dispatcher);

async_dispatcher_t* fdf_dispatcher_get_async_dispatcher(fdf_dispatcher_t* dispatcher);
// The inverse of fdf_dispatcher_get_async_dispatcher; aborts if `dispatcher` is not an fdf one.
fdf_dispatcher_t* fdf_dispatcher_downcast_async_dispatcher(async_dispatcher_t* dispatcher);
// The dispatcher whose callback is running on this thread, else the testing default, else NULL.
fdf_dispatcher_t* fdf_dispatcher_get_current_dispatcher(void);
uint32_t fdf_dispatcher_get_options(const fdf_dispatcher_t* dispatcher);

// Starts asynchronous shutdown; idempotent. The observer runs later, never inside this call.
void fdf_dispatcher_shutdown_async(fdf_dispatcher_t* dispatcher);
// Releases a dispatcher whose shutdown observer has been called (may be called inside it).
// Aborts if shutdown has not completed.
void fdf_dispatcher_destroy(fdf_dispatcher_t* dispatcher);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_FDF_DISPATCHER_H_
