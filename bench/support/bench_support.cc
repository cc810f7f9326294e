#include "bench/support/bench_support.h"

#include <lib/fdf/env.h>
#include <lib/fdf/testing.h>

#include <map>
#include <memory>
#include <mutex>

#include "runtime/fdf/spin_wait.h"

static std::atomic<bool> g_counting{false};
static std::atomic<uint64_t> g_allocations{0};
extern "C" void* __libc_malloc(size_t);
extern "C" void* malloc(size_t size) {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
  return __libc_malloc(size);
}

namespace fdfkit::bench {

const void* Driver(int n) {
  static char drivers[16];
  return &drivers[n];
}

void StartCountingAllocations() {
  g_allocations = 0;
  g_counting = true;
}

void SuspendCountingAllocations() { g_counting = false; }
void ResumeCountingAllocations() { g_counting = true; }

uint64_t StopCountingAllocations() {
  g_counting = false;
  return g_allocations.load();
}

void Completion::WaitFor(uint64_t target) {
  // Polls for the runtime's own budget first, as its waits do.
  if (fdf_internal::SpinUntil([&] { return count() >= target; })) return;
  sleepers_.fetch_add(1, std::memory_order_seq_cst);
  // Either Add sees the sleeper, or this load sees Add's count (both are sequentially consistent).
  for (uint64_t seen = count_.load(std::memory_order_seq_cst); seen < target; seen = count()) {
    count_.wait(seen);
  }
  sleepers_.fetch_sub(1, std::memory_order_relaxed);
}

DrainingReader::DrainingReader(fdf_handle_t ch, Completion* completion)
    : fdf_channel_read_t{}, done(completion) {
  state = ASYNC_STATE_INIT;
  channel = ch;
  handler = [](fdf_dispatcher_t* d, fdf_channel_read_t* r, zx_status_t status) {
    if (status != ZX_OK) return;
    auto* self = static_cast<DrainingReader*>(r);
    fdf_arena_t* arena;
    uint64_t n = 0;
    while (::fdf_channel_read(r->channel, 0, &arena, nullptr, nullptr, nullptr, nullptr) == ZX_OK) {
      fdf_arena_drop_ref(arena);
      ++n;
    }
    fdf_channel_wait_async(d, r, 0);
    self->done->Add(n);
  };
}

namespace {
struct ShutdownWaiter : fdf_dispatcher_shutdown_observer_t {
  Completion done;
  ShutdownWaiter() : fdf_dispatcher_shutdown_observer_t{} {
    handler = [](fdf_dispatcher_t*, fdf_dispatcher_shutdown_observer_t* o) {
      static_cast<ShutdownWaiter*>(o)->done.Add();
    };
  }
};
std::mutex g_waiters_mutex;
std::map<fdf_dispatcher_t*, std::unique_ptr<ShutdownWaiter>> g_waiters;
}  // namespace

fdf_dispatcher_t* CreateDispatcher(const void* driver, uint32_t options) {
  auto waiter = std::make_unique<ShutdownWaiter>();
  fdf_dispatcher_t* d = nullptr;
  if (fdf_env_dispatcher_create_with_owner(driver, options, "bench", 5, "", 0, waiter.get(), &d) !=
      ZX_OK) {
    abort();
  }
  std::lock_guard<std::mutex> lock(g_waiters_mutex);
  g_waiters[d] = std::move(waiter);
  return d;
}

void TearDown(fdf_handle_t a, fdf_handle_t b, fdf_arena_t* arena,
              std::initializer_list<fdf_dispatcher_t*> dispatchers) {
  fdf_handle_close(a);
  fdf_handle_close(b);
  if (arena != nullptr) fdf_arena_drop_ref(arena);
  for (fdf_dispatcher_t* d : dispatchers) fdf_dispatcher_shutdown_async(d);
  if (fdf_env_get_thread_count() == 0) fdf_testing_run_until_idle();
  for (fdf_dispatcher_t* d : dispatchers) {
    std::unique_ptr<ShutdownWaiter> waiter;
    {
      std::lock_guard<std::mutex> lock(g_waiters_mutex);
      waiter = std::move(g_waiters[d]);
      g_waiters.erase(d);
    }
    waiter->done.WaitFor(1);
    fdf_dispatcher_destroy(d);
  }
}

}  // namespace fdfkit::bench
