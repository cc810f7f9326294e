// Runs a binding's teardown on its dispatcher. Unlike async::PostTask, the callable also runs
// when the dispatcher cancels the task at shutdown (teardown must happen exactly once), and it
// runs at once on the calling thread when the dispatcher no longer accepts tasks.
#ifndef FDFKIT_RUNTIME_FIDL_RUN_ON_DISPATCHER_H_
#define FDFKIT_RUNTIME_FIDL_RUN_ON_DISPATCHER_H_

#include <lib/async/task.h>

#include <functional>
#include <memory>

namespace fidl::internal {

inline void RunOnDispatcher(async_dispatcher_t* dispatcher, std::function<void()> run) {
  struct Task : async_task_t {
    std::function<void()> run;
  };
  auto task = std::make_unique<Task>();
  task->state = ASYNC_STATE_INIT;
  task->deadline = 0;
  task->run = std::move(run);
  task->handler = [](async_dispatcher_t*, async_task_t* raw, zx_status_t) {
    std::unique_ptr<Task> self(static_cast<Task*>(raw));
    self->run();
  };
  if (async_post_task(dispatcher, task.get()) == ZX_OK) {
    task.release();
  } else {
    task->run();
  }
}

}  // namespace fidl::internal

#endif  // FDFKIT_RUNTIME_FIDL_RUN_ON_DISPATCHER_H_
