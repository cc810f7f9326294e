// Test-only control of the runtime.
#ifndef LIB_FDF_TESTING_H_
#define LIB_FDF_TESTING_H_

#include <lib/fdf/dispatcher.h>

#ifdef __cplusplus
extern "C" {
#endif

// With no runtime threads (after fdf_env_reset()), runs every pending piece of work of every
// dispatcher on the calling thread until none is left: queued callbacks, tasks, due delayed tasks,
// signalled waits, token callbacks, shutdown completions and driver-shutdown observers.
// ZX_OK; ZX_ERR_BAD_STATE while runtime threads exist.
zx_status_t fdf_testing_run_until_idle(void);

void fdf_testing_push_driver(const void* driver);
void fdf_testing_pop_driver(void);

// Blocks until every dispatcher has been seen idle (unsignalled waits and future delayed tasks do
// not count as work). Must not be called from a runtime thread.
void fdf_testing_wait_until_all_dispatchers_idle(void);
// Blocks until every dispatcher has been destroyed and no driver-shutdown observer is running.
void fdf_testing_wait_until_all_dispatchers_destroyed(void);

// The dispatcher fdf_dispatcher_get_current_dispatcher() returns on threads whose driver stack is
// empty. ZX_OK; ZX_ERR_BAD_STATE if the calling thread's driver stack is not empty.
zx_status_t fdf_testing_set_default_dispatcher(fdf_dispatcher_t* dispatcher);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_FDF_TESTING_H_
