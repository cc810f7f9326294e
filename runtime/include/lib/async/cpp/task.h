// async::PostTask: posts a callable; the heap-allocated task frees itself after running once.
#ifndef LIB_ASYNC_CPP_TASK_H_
#define LIB_ASYNC_CPP_TASK_H_

#include <lib/async/task.h>

#include <functional>
#include <utility>

namespace async {

namespace internal {
struct OwnedTask : async_task_t {
  std::function<void()> body;
  static void Run(async_dispatcher_t*, async_task_t* task, zx_status_t status) {
    auto* self = static_cast<OwnedTask*>(task);
    if (status == ZX_OK) self->body();
    delete self;
  }
};
}  // namespace internal

// The callable runs with ZX_OK only; on cancellation (dispatcher shutdown) it is dropped.
inline zx_status_t PostTaskForTime(async_dispatcher_t* dispatcher, std::function<void()> body,
                                   zx_time_t deadline) {
  auto* task = new internal::OwnedTask();
  task->state = ASYNC_STATE_INIT;
  task->handler = &internal::OwnedTask::Run;
  task->deadline = deadline;
  task->body = std::move(body);
  zx_status_t status = async_post_task(dispatcher, task);
  if (status != ZX_OK) delete task;
  return status;
}

inline zx_status_t PostTask(async_dispatcher_t* dispatcher, std::function<void()> body) {
  return PostTaskForTime(dispatcher, std::move(body), async_now(dispatcher));
}

inline zx_status_t PostDelayedTask(async_dispatcher_t* dispatcher, std::function<void()> body,
                                   zx_duration_t delay) {
  return PostTaskForTime(dispatcher, std::move(body), async_now(dispatcher) + delay);
}

}  // namespace async

#endif  // LIB_ASYNC_CPP_TASK_H_
