// Host-side control of the runtime: threads, driver ownership and driver-level shutdown.
#ifndef LIB_FDF_ENV_H_
#define LIB_FDF_ENV_H_

#include <lib/fdf/dispatcher.h>
#include <lib/fdf/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fdf_env_driver_shutdown_observer fdf_env_driver_shutdown_observer_t;
typedef void(fdf_env_driver_shutdown_handler_t)(const void* driver,
                                                fdf_env_driver_shutdown_observer_t* observer);
struct fdf_env_driver_shutdown_observer {
  fdf_env_driver_shutdown_handler_t* handler;
};

// Starts the runtime's first thread. `options` must be 0. ZX_OK; ZX_ERR_BAD_STATE (threads already
// running); ZX_ERR_INVALID_ARGS.
zx_status_t fdf_env_start(uint32_t options);
// Joins every runtime thread (the process is back to the unmanaged test mode). Call it only when no
// dispatcher is alive.
void fdf_env_reset(void);

zx_status_t fdf_env_dispatcher_create_with_owner(const void* driver, uint32_t options,
                                                 const char* name, size_t name_len,
                                                 const char* scheduler_role,
                                                 size_t scheduler_role_len,
                                                 fdf_dispatcher_shutdown_observer_t* observer,
                                                 fdf_dispatcher_t** out_dispatcher);

// Shuts down every dispatcher of `driver`; `observer` runs after all their observers returned, with
// the driver's first dispatcher current. ZX_OK; ZX_ERR_INVALID_ARGS (unknown driver or NULL
// observer); ZX_ERR_BAD_STATE (already shutting down).
zx_status_t fdf_env_shutdown_dispatchers_async(const void* driver,
                                               fdf_env_driver_shutdown_observer_t* observer);
// Shuts down and destroys every dispatcher, then waits until all are gone.
void fdf_env_destroy_all_dispatchers(void);

// The calling thread's driver call stack.
void fdf_env_register_driver_entry(const void* driver);
void fdf_env_register_driver_exit(void);
const void* fdf_env_get_current_driver(void);

// True if a posted task waits in the dispatcher's ready (or shutdown) queue.
bool fdf_env_dispatcher_has_queued_tasks(fdf_dispatcher_t* dispatcher);

// The thread cap of the N+1 rule (default 10). Only the default role "" exists.
// ZX_OK; ZX_ERR_INVALID_ARGS (max_threads == 0); ZX_ERR_OUT_OF_RANGE (below the current count);
// ZX_ERR_NOT_FOUND (unknown role).
zx_status_t fdf_env_set_thread_limit(const char* scheduler_role, size_t scheduler_role_len,
                                     uint32_t max_threads);
zx_status_t fdf_env_get_thread_limit(const char* scheduler_role, size_t scheduler_role_len,
                                     uint32_t* out_max_threads);

// fdfkit extension: the number of runtime dispatcher threads now running.
uint32_t fdf_env_get_thread_count(void);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_FDF_ENV_H_
