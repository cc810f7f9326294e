// The runtime plumbing every variant shares: one owner identity per driver, dispatchers created
// and ended synchronously, and running a piece of set-up on a driver's dispatcher from the
// benchmark thread (waiting on its completion, never sleeping).
#ifndef FDFKIT_BENCH_E2E_RUNTIME_SETUP_H_
#define FDFKIT_BENCH_E2E_RUNTIME_SETUP_H_

#include <lib/fdf/dispatcher.h>

#include <functional>
#include <vector>

namespace fdfkit::bench::e2e {

// The drivers of one stack: each its own owner, so rule H sees five distinct drivers.
enum class Driver : int { kClient = 0, kPartition, kBlockDevice, kSdmmcCore, kController };
const void* OwnerOf(Driver driver);

// A dispatcher owned by `driver` (FDF_DISPATCHER_OPTION_SYNCHRONIZED is 0, so `options` adds to
// it), aborting on failure: a benchmark cannot run without one.
fdf_dispatcher_t* NewDispatcher(Driver driver, uint32_t options);

// Shuts each down, waits for its observer and destroys it.
void EndDispatchers(const std::vector<fdf_dispatcher_t*>& dispatchers);

// Runs `fn` as a task on `dispatcher` and returns once it has run.
void RunOn(fdf_dispatcher_t* dispatcher, std::function<void()> fn);

// Runs `start` on `dispatcher`, handing it a `done` callback; returns once `done` has been called
// (from any thread).
void RunAndAwait(fdf_dispatcher_t* dispatcher, std::function<void(std::function<void()>)> start);

}  // namespace fdfkit::bench::e2e

#endif  // FDFKIT_BENCH_E2E_RUNTIME_SETUP_H_
