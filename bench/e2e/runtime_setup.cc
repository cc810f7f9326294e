#include "bench/e2e/runtime_setup.h"

#include <lib/async/cpp/task.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "bench/support/bench_support.h"

namespace fdfkit::bench::e2e {

const void* OwnerOf(Driver driver) { return bench::Driver(static_cast<int>(driver)); }

fdf_dispatcher_t* NewDispatcher(Driver driver, uint32_t options) {
  return bench::CreateDispatcher(OwnerOf(driver), options);
}

void EndDispatchers(const std::vector<fdf_dispatcher_t*>& dispatchers) {
  for (fdf_dispatcher_t* d : dispatchers) {
    if (d != nullptr) bench::TearDown(FDF_HANDLE_INVALID, FDF_HANDLE_INVALID, nullptr, {d});
  }
}

void RunOn(fdf_dispatcher_t* dispatcher, std::function<void()> fn) {
  RunAndAwait(dispatcher, [&fn](std::function<void()> done) {
    fn();
    done();
  });
}

void RunAndAwait(fdf_dispatcher_t* dispatcher, std::function<void(std::function<void()>)> start) {
  // Shared: `done` may be called after this returns only if the caller broke its promise, but a
  // late call must still not touch a dead stack frame.
  auto completion = std::make_shared<Completion>();
  zx_status_t status =
      async::PostTask(fdf_dispatcher_get_async_dispatcher(dispatcher),
                      [&start, completion] { start([completion] { completion->Add(); }); });
  if (status != ZX_OK) {
    std::fprintf(stderr, "e2e: cannot post to a dispatcher: %d\n", status);
    std::abort();
  }
  completion->WaitFor(1);
}

}  // namespace fdfkit::bench::e2e
