#include "runtime/fdf/thread_pool.h"

#include <pthread.h>

#include <algorithm>
#include <string>
#include <utility>

#include "runtime/fdf/spin_wait.h"

namespace fdf_internal {

namespace {
// On a pool thread: where Continue leaves the runnable to run next (null elsewhere).
thread_local Runnable** t_continuation_slot = nullptr;
}  // namespace

ThreadPool& ThreadPool::Get() {
  static ThreadPool* pool = new ThreadPool();
  return *pool;
}

void ThreadPool::Enqueue(Runnable* runnable) {
  MutexLock lock(&mu_);
  queue_.push_back(runnable);
  queued_.fetch_add(1, std::memory_order_release);
  // A worker that is still spinning picks the work up without a wake-up (it re-checks the queue
  // under this lock before it sleeps).
  if (idle_threads_ > 0 && spinning_.load(std::memory_order_acquire) == 0) work_cv_.notify_one();
}

void ThreadPool::Continue(Runnable* runnable) {
  if (t_continuation_slot != nullptr && *t_continuation_slot == nullptr &&
      queued_.load(std::memory_order_acquire) == 0) {
    *t_continuation_slot = runnable;
    return;
  }
  Enqueue(runnable);
}

uint32_t ThreadPool::SpareCpus() {
  // One CPU for whatever feeds the pool; the rest may run or poll (none on a 1-CPU machine).
  unsigned cpus = std::thread::hardware_concurrency();
  return cpus > 1 ? cpus - 1 : 0;
}

bool ThreadPool::RunOne() {
  Runnable* runnable;
  {
    MutexLock lock(&mu_);
    runnable = queue_.pop_front();
    if (runnable != nullptr) queued_.fetch_sub(1, std::memory_order_relaxed);
  }
  if (runnable == nullptr) return false;
  runnable->Run();
  return true;
}

namespace {
thread_local bool t_pool_thread = false;
}  // namespace

bool ThreadPool::OnPoolThread() { return t_pool_thread; }

bool ThreadPool::stopping_for_testing() {
  MutexLock lock(&mu_);
  return stopping_;
}

void ThreadPool::WorkerLoop() {
  t_pool_thread = true;
  Runnable* continuation = nullptr;
  t_continuation_slot = &continuation;
  for (;;) {
    Runnable* runnable;
    // One idle worker polls for new work while a CPU is spare; the others sleep at once, so idle
    // threads do not take the CPU the work needs.
    int none = 0;
    if (running_.load(std::memory_order_relaxed) < spare_cpus_ &&
        spinning_.compare_exchange_strong(none, 1, std::memory_order_acq_rel)) {
      SpinUntil([this] { return queued_.load(std::memory_order_acquire) != 0; });
      spinning_.store(0, std::memory_order_release);
    }
    {
      MutexLock lock(&mu_);
      ++idle_threads_;
      WaitLocked(work_cv_, mu_, [this]() NO_THREAD_SAFETY_ANALYSIS {
        return stopping_ || !queue_.empty();
      });
      --idle_threads_;
      if (stopping_) return;
      runnable = queue_.pop_front();
      queued_.fetch_sub(1, std::memory_order_relaxed);
    }
    running_.fetch_add(1, std::memory_order_relaxed);
    for (;;) {
      runnable->Run();
      runnable = std::exchange(continuation, nullptr);
      if (runnable == nullptr) break;
      // Stopping: the continuation stays queued, as all other work does.
      if (stop_requested_.load(std::memory_order_acquire)) {
        Enqueue(runnable);
        break;
      }
    }
    running_.fetch_sub(1, std::memory_order_relaxed);
  }
}

void ThreadPool::GrowLocked() {
  uint32_t wanted = std::min(blocking_dispatchers_ + 1, limit_);
  while (threads_.size() < wanted) {
    threads_.emplace_back([this] { WorkerLoop(); });
    // Fuchsia names them fdf-dispatcher-thread-<n>; Linux allows 15 characters.
    std::string name = "fdf-dispatch-" + std::to_string(threads_.size());
    pthread_setname_np(threads_.back().native_handle(), name.substr(0, 15).c_str());
  }
}

zx_status_t ThreadPool::Start() {
  MutexLock lock(&mu_);
  if (started_) return ZX_ERR_BAD_STATE;
  started_ = true;
  stopping_ = false;
  GrowLocked();
  return ZX_OK;
}

void ThreadPool::Reset() {
  std::vector<std::thread> threads;
  {
    MutexLock lock(&mu_);
    stopping_ = true;
    stop_requested_.store(true, std::memory_order_release);
    started_ = false;
    threads.swap(threads_);
    work_cv_.notify_all();
  }
  for (auto& t : threads) t.join();
  MutexLock lock(&mu_);
  stopping_ = false;
  stop_requested_.store(false, std::memory_order_release);
}

bool ThreadPool::started() {
  MutexLock lock(&mu_);
  return started_;
}

void ThreadPool::AddBlockingDispatcher() {
  MutexLock lock(&mu_);
  ++blocking_dispatchers_;
  if (started_) GrowLocked();
}

void ThreadPool::RemoveBlockingDispatcher() {
  MutexLock lock(&mu_);
  --blocking_dispatchers_;
}

uint32_t ThreadPool::thread_count() {
  MutexLock lock(&mu_);
  return static_cast<uint32_t>(threads_.size());
}

uint32_t ThreadPool::thread_limit() {
  MutexLock lock(&mu_);
  return limit_;
}

zx_status_t ThreadPool::set_thread_limit(uint32_t limit) {
  MutexLock lock(&mu_);
  if (limit == 0) return ZX_ERR_INVALID_ARGS;
  if (limit < threads_.size()) return ZX_ERR_OUT_OF_RANGE;
  limit_ = limit;
  if (started_) GrowLocked();
  return ZX_OK;
}

}  // namespace fdf_internal
