// Driver identities for the runtime. libfdf knows a driver by an opaque owner address; the host,
// the manager's own dispatcher and tests each need fresh ones, and to shut one down and wait.
#ifndef FDFKIT_RUNTIME_DRIVER_OWNER_H_
#define FDFKIT_RUNTIME_DRIVER_OWNER_H_

#include <lib/fdf/cpp/env.h>

#include <condition_variable>
#include <deque>
#include <mutex>

namespace fdfkit::driver {

// An owner address never handed out before or again in this process: a new driver at a freed
// one's address must not meet the old one's shutdown record in the runtime.
inline const void* NewOwnerKey() {
  static std::mutex mu;
  static std::deque<char> keys;  // elements never move; kept for the process's life
  std::lock_guard lock(mu);
  keys.emplace_back();
  return &keys.back();
}

// Shuts down every dispatcher `owner` has and waits until their observers have run. Returns at
// once if the owner has none.
inline void ShutdownOwnerAndWait(const void* owner) {
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  fdf_env::DriverShutdown shutdown;
  zx::result<> begun = shutdown.Begin(owner, [&](const void*) {
    std::lock_guard lock(mu);
    done = true;
    cv.notify_all();
  });
  if (begun.is_error()) return;
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return done; });
}

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_OWNER_H_
