// The process-wide pool of runtime threads every dispatcher shares. It starts empty (the unmanaged
// test mode); fdf_env_start starts the first thread, and each allow-sync-calls dispatcher asks for
// one more (the N+1 rule), up to a cap. Threads are not reclaimed when the need drops.
#ifndef FDFKIT_RUNTIME_FDF_THREAD_POOL_H_
#define FDFKIT_RUNTIME_FDF_THREAD_POOL_H_

#include <lib/fdf/types.h>

#include <atomic>
#include <condition_variable>
#include <thread>
#include <vector>

#include "runtime/fdf/intrusive_list.h"
#include "runtime/fdf/runnable.h"
#include "runtime/fdf/thread_annotations.h"

namespace fdf_internal {

class ThreadPool {
 public:
  static constexpr uint32_t kDefaultThreadLimit = 10;

  static ThreadPool& Get();

  // Queues `runnable`; wakes an idle thread if one sleeps.
  void Enqueue(Runnable* runnable) EXCLUDES(mu_);
  // From a pool thread: runs `runnable` on this thread once its current work returns, unless other
  // work is queued (then it queues behind it). Elsewhere: Enqueue.
  void Continue(Runnable* runnable) EXCLUDES(mu_);
  // Unmanaged mode: runs one queued runnable on the calling thread. False if none was queued.
  bool RunOne() EXCLUDES(mu_);

  // ZX_ERR_BAD_STATE if threads already run.
  zx_status_t Start() EXCLUDES(mu_);
  // Stops and joins every thread; queued work stays queued.
  void Reset() EXCLUDES(mu_);
  bool started() EXCLUDES(mu_);

  // An allow-sync-calls dispatcher was created / destroyed.
  void AddBlockingDispatcher() EXCLUDES(mu_);
  void RemoveBlockingDispatcher() EXCLUDES(mu_);

  // Whether the calling thread is one of the pool's.
  static bool OnPoolThread();
  // Tests: Reset is stopping the threads.
  bool stopping_for_testing() EXCLUDES(mu_);

  uint32_t thread_count() EXCLUDES(mu_);
  uint32_t thread_limit() EXCLUDES(mu_);
  zx_status_t set_thread_limit(uint32_t limit) EXCLUDES(mu_);

 private:
  void WorkerLoop();
  void GrowLocked() REQUIRES(mu_);

  Mutex mu_;
  std::condition_variable work_cv_;
  IntrusiveList<Runnable> queue_ GUARDED_BY(mu_);
  std::vector<std::thread> threads_ GUARDED_BY(mu_);
  uint32_t blocking_dispatchers_ GUARDED_BY(mu_) = 0;
  uint32_t limit_ GUARDED_BY(mu_) = kDefaultThreadLimit;
  uint32_t idle_threads_ GUARDED_BY(mu_) = 0;  // threads asleep on work_cv_
  // Mirrors queue_.size() so a spinning worker can poll without the lock.
  std::atomic<uint32_t> queued_{0};
  // Idle workers polling queued_ (at most one): Enqueue need not wake a sleeper then.
  std::atomic<int> spinning_{0};
  // Workers running work now. An idle worker polls only while a CPU is left for it, so on a small
  // machine it never takes the CPU a running worker (or the thread feeding it) needs.
  std::atomic<uint32_t> running_{0};
  const uint32_t spare_cpus_ = SpareCpus();
  static uint32_t SpareCpus();
  bool started_ GUARDED_BY(mu_) = false;
  bool stopping_ GUARDED_BY(mu_) = false;
  std::atomic<bool> stop_requested_{false};  // mirrors stopping_ for a worker between runnables
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_THREAD_POOL_H_
