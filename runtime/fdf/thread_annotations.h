// Clang thread-safety annotations and an annotated mutex, so a missed lock is a compile error
// (-Wthread-safety) rather than a data race found later.
#ifndef FDFKIT_RUNTIME_FDF_THREAD_ANNOTATIONS_H_
#define FDFKIT_RUNTIME_FDF_THREAD_ANNOTATIONS_H_

#include <condition_variable>
#include <mutex>

#if defined(__clang__)
#define FDF_TSA(x) __attribute__((x))
#else
#define FDF_TSA(x)
#endif

#define CAPABILITY(x) FDF_TSA(capability(x))
#define SCOPED_CAPABILITY FDF_TSA(scoped_lockable)
#define GUARDED_BY(x) FDF_TSA(guarded_by(x))
#define PT_GUARDED_BY(x) FDF_TSA(pt_guarded_by(x))
#define REQUIRES(...) FDF_TSA(requires_capability(__VA_ARGS__))
#define EXCLUDES(...) FDF_TSA(locks_excluded(__VA_ARGS__))
#define ACQUIRE(...) FDF_TSA(acquire_capability(__VA_ARGS__))
#define RELEASE(...) FDF_TSA(release_capability(__VA_ARGS__))
#define ASSERT_CAPABILITY(x) FDF_TSA(assert_capability(x))
#define NO_THREAD_SAFETY_ANALYSIS FDF_TSA(no_thread_safety_analysis)

namespace fdf_internal {

class CAPABILITY("mutex") Mutex {
 public:
  void Lock() ACQUIRE() { mu_.lock(); }
  void Unlock() RELEASE() { mu_.unlock(); }
  // For condition variables; the caller holds the lock.
  std::mutex& native() { return mu_; }

 private:
  std::mutex mu_;
};

class SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex* mu) ACQUIRE(mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() RELEASE() { mu_->Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* mu_;
};

// Waits on `cv` with `mu` held (the analysis cannot see through std::unique_lock adoption).
template <typename Predicate>
void WaitLocked(std::condition_variable& cv, Mutex& mu, Predicate pred) REQUIRES(mu)
    NO_THREAD_SAFETY_ANALYSIS {
  std::unique_lock<std::mutex> lock(mu.native(), std::adopt_lock);
  cv.wait(lock, pred);
  lock.release();
}

// Returns false if `deadline` passed with `pred` still false.
template <typename Clock, typename Duration, typename Predicate>
bool WaitUntilLocked(std::condition_variable& cv, Mutex& mu,
                     const std::chrono::time_point<Clock, Duration>& deadline, Predicate pred)
    REQUIRES(mu) NO_THREAD_SAFETY_ANALYSIS {
  std::unique_lock<std::mutex> lock(mu.native(), std::adopt_lock);
  bool ok = cv.wait_until(lock, deadline, pred);
  lock.release();
  return ok;
}

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_THREAD_ANNOTATIONS_H_
