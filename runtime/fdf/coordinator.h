// The process-wide registry of drivers and their dispatchers: driver-level shutdown, and the
// host/test waits for idleness and destruction.
#ifndef FDFKIT_RUNTIME_FDF_COORDINATOR_H_
#define FDFKIT_RUNTIME_FDF_COORDINATOR_H_

#include <lib/fdf/env.h>

#include <condition_variable>
#include <unordered_map>
#include <vector>

#include "runtime/fdf/ref_counted.h"
#include "runtime/fdf/thread_annotations.h"

namespace fdf_internal {

class Dispatcher;

class Coordinator {
 public:
  static Coordinator& Get();

  // ZX_ERR_BAD_STATE while the owner is shutting down.
  zx_status_t AddDispatcher(Dispatcher* dispatcher) EXCLUDES(mu_);
  // The dispatcher's shutdown observer has returned.
  void OnDispatcherShutdown(Dispatcher* dispatcher) EXCLUDES(mu_);
  void RemoveDispatcher(Dispatcher* dispatcher) EXCLUDES(mu_);

  zx_status_t ShutdownDriver(const void* driver, fdf_env_driver_shutdown_observer_t* observer)
      EXCLUDES(mu_);
  void DestroyAllDispatchers() EXCLUDES(mu_);
  void WaitUntilAllIdle() EXCLUDES(mu_);
  void WaitUntilAllDestroyed() EXCLUDES(mu_);
  // Tests: threads inside WaitUntilAllDestroyed.
  int destroyed_waiters_for_testing() EXCLUDES(mu_);

  // Runs everything pending on the calling thread (unmanaged mode).
  static void RunUntilIdle();

 private:
  struct Member {
    Dispatcher* dispatcher;
    bool shut_down;  // its observer has returned
  };
  struct Driver {
    std::vector<Member> members;
    RefPtr<Dispatcher> initial;  // kept alive for the driver-shutdown observer
    bool shutting_down = false;
    fdf_env_driver_shutdown_observer_t* observer = nullptr;
  };
  void CompleteDriverShutdown(const void* driver) EXCLUDES(mu_);
  std::vector<RefPtr<Dispatcher>> SnapshotLocked() REQUIRES(mu_);

  Mutex mu_;
  std::unordered_map<const void*, Driver> drivers_ GUARDED_BY(mu_);
  int observers_running_ GUARDED_BY(mu_) = 0;
  int destroyed_waiters_ GUARDED_BY(mu_) = 0;
  std::condition_variable changed_cv_;
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_COORDINATOR_H_
