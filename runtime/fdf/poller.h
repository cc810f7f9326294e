// The runtime's view of the kernel: one epoll set for every async wait on a Zircon handle and every
// dispatcher timer. A dedicated thread polls it while the runtime runs; in the unmanaged test mode
// fdf_testing_run_until_idle polls it without blocking.
//
// No syscall and no callback runs under the poller's lock: a slot being fired is marked `firing`
// and the lock is dropped. Remove() waits for a firing slot, so once it returns true the callback
// will never run, and once it returns false the callback has finished (except when a callback
// removes its own key, which returns false at once).
#ifndef FDFKIT_RUNTIME_FDF_POLLER_H_
#define FDFKIT_RUNTIME_FDF_POLLER_H_

#include <zircon/types.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <thread>
#include <vector>

#include "runtime/fdf/thread_annotations.h"

namespace fdf_internal {

class Poller {
 public:
  using Fire = void (*)(void* context, zx_signals_t observed);

  static Poller& Get();

  // One-shot wait until any of `trigger` is asserted on `object`.
  // ZX_ERR_BAD_HANDLE; ZX_ERR_NOT_SUPPORTED (object type cannot be waited on).
  zx_status_t AddWait(zx_handle_t object, zx_signals_t trigger, Fire fire, void* context,
                      uint64_t* out_key) EXCLUDES(mu_);
  // Fires every time the timerfd expires, until removed.
  uint64_t AddTimer(int timer_fd, Fire fire, void* context) EXCLUDES(mu_);
  bool Remove(uint64_t key) EXCLUDES(mu_);

  // Waits up to `timeout_ms` (-1: for ever) and fires what is ready. Returns how many fired.
  int PollOnce(int timeout_ms) EXCLUDES(mu_);

  void StartThread();
  void StopThread();

  // Threads inside Remove() waiting for a firing callback.
  int firing_waiters_for_testing() EXCLUDES(mu_);

 private:
  Poller();
  struct Slot {
    uint32_t generation = 0;
    bool in_use = false;
    bool timer = false;
    bool event = false;  // edge-triggered event watch: stays armed until its signals match
    int fd = -1;
    int type = 0;
    zx_signals_t trigger = 0;
    uint32_t epoll_events = 0;
    Fire fire = nullptr;
    void* context = nullptr;
    // A thread has taken it out of the lock to examine or fire it; Remove waits for it.
    bool firing = false;
    std::thread::id firing_thread;
    // The poller saw it ready while it was firing: the firing thread examines it once more.
    bool missed = false;
  };
  uint64_t AllocateSlotLocked(const Slot& slot) REQUIRES(mu_);
  void FreeSlotLocked(uint32_t index) REQUIRES(mu_);
  Slot* SlotForKeyLocked(uint64_t key) REQUIRES(mu_);
  // Takes the slot of a ready epoll event as firing and examines it. True if a callback ran.
  bool Dispatch(uint64_t key) EXCLUDES(mu_);
  // With `index` firing by this thread (`slot`, its copy): reads its signals and fires it, or
  // re-arms it. True if a callback ran.
  bool Examine(uint32_t index, const Slot& slot) EXCLUDES(mu_);
  // Ends this thread's firing of `index`, freeing the slot if `free`. True if the poller saw it
  // ready meanwhile: the slot stays firing and the caller must examine it again.
  bool EndFiring(uint32_t index, bool free) EXCLUDES(mu_);

  int epoll_fd_;
  int wake_fd_;  // eventfd that stops the poller thread
  Mutex mu_;
  std::vector<Slot> slots_ GUARDED_BY(mu_);
  std::vector<uint32_t> free_slots_ GUARDED_BY(mu_);
  std::condition_variable firing_done_;
  int firing_waiters_ GUARDED_BY(mu_) = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_POLLER_H_
