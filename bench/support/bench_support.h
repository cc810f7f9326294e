// Shared pieces of the runtime benchmarks: fake driver identities, the allocation counter and a
// completion a benchmark thread can wait on.
#ifndef FDFKIT_BENCH_SUPPORT_BENCH_SUPPORT_H_
#define FDFKIT_BENCH_SUPPORT_BENCH_SUPPORT_H_

#include <lib/fdf/arena.h>
#include <lib/fdf/channel.h>
#include <lib/fdf/dispatcher.h>

#include <atomic>
#include <cstdint>

namespace fdfkit::bench {

// Addresses standing in for drivers.
const void* Driver(int n);

// Counts malloc calls while counting is on (an interposer in bench_support.cc).
void StartCountingAllocations();
// Stops counting; returns the calls since StartCountingAllocations.
uint64_t StopCountingAllocations();
// Pause and resume counting around set-up work inside a measured loop (no reset).
void SuspendCountingAllocations();
void ResumeCountingAllocations();

// A counter the benchmark thread waits on until it reaches a target (spins for up to 50 µs, as the
// runtime's own waits do, then sleeps). Adding wakes a sleeper only if there is one: a futex wake
// per message would be the harness's cost, not the runtime's.
class Completion {
 public:
  void Reset() { count_.store(0, std::memory_order_relaxed); }
  void Add(uint64_t n = 1) {
    count_.fetch_add(n, std::memory_order_seq_cst);
    if (sleepers_.load(std::memory_order_seq_cst) != 0) count_.notify_all();
  }
  void WaitFor(uint64_t target);
  uint64_t count() const { return count_.load(std::memory_order_acquire); }

 private:
  std::atomic<uint64_t> count_{0};
  std::atomic<int> sleepers_{0};
};

// A channel read that drains every queued message, counting them into `done`, and re-arms.
struct DrainingReader : fdf_channel_read_t {
  Completion* done = nullptr;
  DrainingReader(fdf_handle_t channel, Completion* done);
};

// Creates a dispatcher owned by `driver` whose shutdown TearDown can wait for.
fdf_dispatcher_t* CreateDispatcher(const void* driver, uint32_t options);

// Closes both ends and the arena, shuts `dispatchers` (from CreateDispatcher) down, waits for
// their observers and destroys them. Works with and without runtime threads.
void TearDown(fdf_handle_t a, fdf_handle_t b, fdf_arena_t* arena,
              std::initializer_list<fdf_dispatcher_t*> dispatchers);

}  // namespace fdfkit::bench

#endif  // FDFKIT_BENCH_SUPPORT_BENCH_SUPPORT_H_
