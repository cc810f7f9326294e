// Runs a function on an async dispatcher and waits for it to return, for callers on other threads
// (what is bound to a dispatcher is used there). Never call it from that dispatcher.
#ifndef FDFKIT_RUNTIME_DRIVER_RUN_SYNC_H_
#define FDFKIT_RUNTIME_DRIVER_RUN_SYNC_H_

#include <lib/async/cpp/task.h>

#include <condition_variable>
#include <functional>
#include <mutex>

namespace fdfkit::driver {

inline void RunSync(async_dispatcher_t* dispatcher, const std::function<void()>& fn) {
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  async::PostTask(dispatcher, [&] {
    fn();
    std::lock_guard lock(mu);
    done = true;
    cv.notify_all();
  });
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return done; });
}

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_RUN_SYNC_H_
