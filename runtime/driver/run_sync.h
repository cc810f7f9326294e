// Blocking bridges onto an async dispatcher, for callers on other threads (what is bound to a
// dispatcher is used there). Never call them from that dispatcher: they would wait on themselves.
#ifndef FDFKIT_RUNTIME_DRIVER_RUN_SYNC_H_
#define FDFKIT_RUNTIME_DRIVER_RUN_SYNC_H_

#include <lib/async/cpp/task.h>

#include <condition_variable>
#include <functional>
#include <mutex>

namespace fdfkit::driver {

// Runs `start(done)` on the dispatcher and waits until `done` is called (from any thread), for
// operations that complete later through a callback.
inline void RunUntilDone(async_dispatcher_t* dispatcher,
                         const std::function<void(std::function<void()> done)>& start) {
  std::mutex mu;
  std::condition_variable cv;
  bool finished = false;
  async::PostTask(dispatcher, [&] {
    start([&] {
      std::lock_guard lock(mu);
      finished = true;
      cv.notify_all();
    });
  });
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return finished; });
}

// Runs `fn` on the dispatcher and waits for it to return.
inline void RunSync(async_dispatcher_t* dispatcher, const std::function<void()>& fn) {
  RunUntilDone(dispatcher, [&](std::function<void()> done) {
    fn();
    done();
  });
}

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_RUN_SYNC_H_
