// async::PostTask: posts a callable; the heap-allocated task frees itself after running once.
// Any callable, move-only ones included (as Fuchsia's fit::closure): a lambda holding a
// completer, a zx object or a unique_ptr can be posted.
#ifndef LIB_ASYNC_CPP_TASK_H_
#define LIB_ASYNC_CPP_TASK_H_

#include <lib/async/task.h>

#include <type_traits>
#include <utility>

namespace async {

namespace internal {
template <typename Body>
struct OwnedTask : async_task_t {
  explicit OwnedTask(Body callable) : async_task_t{}, body(std::move(callable)) {}
  Body body;
  static void Run(async_dispatcher_t*, async_task_t* task, zx_status_t status) {
    auto* self = static_cast<OwnedTask*>(task);
    if (status == ZX_OK) self->body();
    delete self;
  }
};
}  // namespace internal

// The callable runs with ZX_OK only; on cancellation (dispatcher shutdown) it is dropped.
template <typename Body>
zx_status_t PostTaskForTime(async_dispatcher_t* dispatcher, Body&& body, zx_time_t deadline) {
  static_assert(std::is_invocable_v<std::decay_t<Body>&>, "a task is called with no arguments");
  using Task = internal::OwnedTask<std::decay_t<Body>>;
  auto* task = new Task(std::forward<Body>(body));
  task->state = ASYNC_STATE_INIT;
  task->handler = &Task::Run;
  task->deadline = deadline;
  zx_status_t status = async_post_task(dispatcher, task);
  if (status != ZX_OK) delete task;
  return status;
}

template <typename Body>
zx_status_t PostTask(async_dispatcher_t* dispatcher, Body&& body) {
  return PostTaskForTime(dispatcher, std::forward<Body>(body), async_now(dispatcher));
}

template <typename Body>
zx_status_t PostDelayedTask(async_dispatcher_t* dispatcher, Body&& body, zx_duration_t delay) {
  return PostTaskForTime(dispatcher, std::forward<Body>(body), async_now(dispatcher) + delay);
}

}  // namespace async

#endif  // LIB_ASYNC_CPP_TASK_H_
