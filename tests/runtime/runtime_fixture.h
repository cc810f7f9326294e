// Shared test scaffolding: the runtime starts each test in the unmanaged mode (no threads), so a
// test decides exactly when queued work runs (fdf_testing_run_until_idle) unless it starts threads.
#ifndef FDFKIT_TESTS_RUNTIME_RUNTIME_FIXTURE_H_
#define FDFKIT_TESTS_RUNTIME_RUNTIME_FIXTURE_H_

#include <gtest/gtest.h>
#include <lib/async/wait.h>
#include <lib/fdf/arena.h>
#include <lib/fdf/channel.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fdf/env.h>
#include <lib/fdf/testing.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <unistd.h>

#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "runtime/fdf/coordinator.h"
#include "runtime/fdf/dispatcher.h"
#include "runtime/fdf/handle_table.h"
#include "runtime/fdf/thread_pool.h"

namespace fdfkit::testing {

// Waits until `condition` holds, polling (yielding the CPU between checks); false once `timeout`
// has passed, so a runtime that never gets there fails the test instead of hanging it.
template <typename Condition>
[[nodiscard]] bool WaitUntil(Condition condition,
                             std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::yield();
  }
  return true;
}

// Inside a callback that must stay busy until the test releases it.
inline void HoldUntil(const std::atomic<bool>& release) {
  EXPECT_TRUE(WaitUntil([&] { return release.load(); })) << "never released";
}

// Distinct fake driver identities.
inline const void* FakeDriver(int n) {
  static char drivers[256];
  return &drivers[n];
}

// A C read wait whose handler is a std::function.
struct Read : fdf_channel_read_t {
  std::function<void(zx_status_t)> on_ready;
  explicit Read(fdf_handle_t ch, std::function<void(zx_status_t)> f = nullptr)
      : fdf_channel_read_t{}, on_ready(std::move(f)) {
    state = ASYNC_STATE_INIT;
    channel = ch;
    options = 0;
    handler = [](fdf_dispatcher_t*, fdf_channel_read_t* r, zx_status_t s) {
      auto* self = static_cast<Read*>(r);
      if (self->on_ready) self->on_ready(s);
    };
  }
};

// A read that sends every message it is woken for straight back on the same channel (zero copy:
// the received arena and buffer).
struct EchoRead : Read {
  explicit EchoRead(fdf_handle_t ch)
      : Read(ch, [ch](zx_status_t status) {
          if (status != ZX_OK) return;
          fdf_arena_t* arena;
          void* data;
          uint32_t n;
          ASSERT_EQ(ZX_OK, ::fdf_channel_read(ch, 0, &arena, &data, &n, nullptr, nullptr));
          ASSERT_EQ(ZX_OK, fdf_channel_write(ch, 0, arena, data, n, nullptr, 0));
          fdf_arena_drop_ref(arena);
        }) {}
};

// An async wait whose handler is a std::function.
struct Wait : async_wait_t {
  std::function<void(zx_status_t, const zx_packet_signal_t*)> body;
  Wait(zx_handle_t object, zx_signals_t trigger, std::function<void(zx_status_t, const zx_packet_signal_t*)> f)
      : async_wait_t{}, body(std::move(f)) {
    state = ASYNC_STATE_INIT;
    this->object = object;
    this->trigger = trigger;
    handler = [](async_dispatcher_t*, async_wait_t* w, zx_status_t s, const zx_packet_signal_t* p) {
      static_cast<Wait*>(w)->body(s, p);
    };
  }
};

struct Observer : fdf_dispatcher_shutdown_observer_t {
  std::atomic<int> calls{0};
  std::function<void(fdf_dispatcher_t*)> on_shutdown;
  Observer() : fdf_dispatcher_shutdown_observer_t{} {
    handler = [](fdf_dispatcher_t* d, fdf_dispatcher_shutdown_observer_t* o) {
      auto* self = static_cast<Observer*>(o);
      self->calls++;
      if (self->on_shutdown) self->on_shutdown(d);
    };
  }
};

// Records how many callbacks were inside Enter() at once (each stays ~`hold_us`).
struct OverlapDetector {
  std::atomic<int> inside{0};
  std::atomic<int> max_inside{0};
  std::atomic<int> calls{0};
  void Enter(useconds_t hold_us = 200) {
    int now = ++inside;
    int seen = max_inside.load();
    while (now > seen && !max_inside.compare_exchange_weak(seen, now)) {
    }
    usleep(hold_us);
    --inside;
    ++calls;
  }
};

class RuntimeTest : public ::testing::Test {
 protected:
  void SetUp() override { fdf_env_reset(); }
  void TearDown() override {
    fdf_env_reset();
    fdf_env_destroy_all_dispatchers();
    fdf_testing_run_until_idle();
    observers_.clear();
    // Every test closes what it opened (Fuchsia's fixture asserts the same).
    EXPECT_EQ(LiveHandles(), 0u) << "fdf handles leaked";
  }

  fdf_dispatcher_t* CreateDispatcher(const void* owner, uint32_t options = 0,
                                     Observer** observer_out = nullptr) {
    observers_.push_back(std::make_unique<Observer>());
    Observer* observer = observers_.back().get();
    fdf_dispatcher_t* d = nullptr;
    EXPECT_EQ(ZX_OK, fdf_env_dispatcher_create_with_owner(owner, options, "test", 4, "", 0,
                                                          observer, &d));
    observer_of_[d] = observer;
    if (observer_out) *observer_out = observer;
    return d;
  }

  // Shuts `d` down, waits for its observer, destroys it.
  void ShutdownAndDestroy(fdf_dispatcher_t* d) {
    fdf_dispatcher_shutdown_async(d);
    WaitForShutdown(d);
    fdf_dispatcher_destroy(d);
  }

  void WaitForShutdown(fdf_dispatcher_t* d) {
    Observer* observer = observer_of_[d];
    if (fdf_env_get_thread_count() == 0) {
      ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
    }
    ASSERT_TRUE(WaitUntil([&] { return observer->calls.load() != 0; })) << "shutdown never completed";
  }

  // Callbacks waiting in `d`'s ready queue (Fuchsia's tests read the same count).
  static size_t ReadyCount(fdf_dispatcher_t* d) {
    return fdf_internal::Dispatcher::From(d)->ready_count_for_testing();
  }
  static uint32_t LiveHandles() { return fdf_internal::HandleTable::Get().live_count(); }

  fdf_arena_t* NewArena() {
    fdf_arena_t* arena;
    EXPECT_EQ(ZX_OK, fdf_arena_create(0, 'TEST', &arena));
    return arena;
  }

  // Copies `bytes` into `arena` and writes them with no handles.
  zx_status_t WriteBytes(fdf_handle_t ch, fdf_arena_t* arena, const void* bytes, uint32_t n) {
    void* data = fdf_arena_allocate(arena, n);
    memcpy(data, bytes, n);
    return fdf_channel_write(ch, 0, arena, data, n, nullptr, 0);
  }

  std::vector<std::unique_ptr<Observer>> observers_;
  std::map<fdf_dispatcher_t*, Observer*> observer_of_;
};

// A runtime test with one channel pair and one arena, all closed at teardown.
class ChannelPairTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(ZX_OK, fdf_channel_create(0, &local_, &remote_));
    arena_ = NewArena();
  }
  void TearDown() override {
    fdf_handle_close(local_);
    fdf_handle_close(remote_);
    fdf_arena_drop_ref(arena_);
    RuntimeTest::TearDown();
  }
  fdf_handle_t local_ = 0, remote_ = 0;
  fdf_arena_t* arena_ = nullptr;
};

// A channel pair read by a synchronized dispatcher owned by FakeDriver(10), with FakeDriver(1) on
// the test thread: deliveries are non-reentrant, so they run inline (Fuchsia's channel fixture).
class DriverThreadChannelTest : public ChannelPairTest {
 protected:
  void SetUp() override {
    ChannelPairTest::SetUp();
    dispatcher_ = CreateDispatcher(FakeDriver(10));
    fdf_env_register_driver_entry(FakeDriver(1));
  }
  void TearDown() override {
    fdf_env_register_driver_exit();
    ChannelPairTest::TearDown();
  }
  // Runs `body` as if on a thread the runtime does not manage (an empty driver stack).
  template <typename F>
  auto OffDriverThread(F body) {
    fdf_env_register_driver_exit();
    struct Reenter {
      ~Reenter() { fdf_env_register_driver_entry(FakeDriver(1)); }
    } reenter;
    return body();
  }
  fdf_dispatcher_t* dispatcher_ = nullptr;
};

}  // namespace fdfkit::testing

#endif  // FDFKIT_TESTS_RUNTIME_RUNTIME_FIXTURE_H_
