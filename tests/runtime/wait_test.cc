// Waits on zircon objects through the dispatcher (rules J3, J4) and their cancellation races.
#include <lib/async/cpp/task.h>
#include <lib/async/wait.h>
#include <lib/zx/event.h>

#include <thread>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;
using fdfkit::testing::Wait;

using WaitTest = fdfkit::testing::RuntimeTest;

TEST_F(WaitTest, J3_WaitOnEventFiresWithObservedSignals) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  zx_signals_t observed = 0;
  fdf_dispatcher_t* current = nullptr;
  Wait wait(event.get(), ZX_USER_SIGNAL_1, [&](zx_status_t s, const zx_packet_signal_t* p) {
    ASSERT_EQ(s, ZX_OK);
    observed = p->observed;
    current = fdf_dispatcher_get_current_dispatcher();
  });
  ASSERT_EQ(ZX_OK, async_begin_wait(fdf_dispatcher_get_async_dispatcher(d), &wait));
  ASSERT_EQ(ZX_OK, event.signal(0, ZX_USER_SIGNAL_0));  // not the trigger
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(observed, 0u);
  ASSERT_EQ(ZX_OK, event.signal(0, ZX_USER_SIGNAL_1));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(observed, ZX_USER_SIGNAL_0 | ZX_USER_SIGNAL_1);
  EXPECT_EQ(current, d);
}

TEST_F(WaitTest, J4_CancelWaitBeforeItFires) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  bool ran = false;
  Wait wait(event.get(), ZX_EVENT_SIGNALED, [&](zx_status_t, const zx_packet_signal_t*) { ran = true; });
  ASSERT_EQ(ZX_OK, async_begin_wait(a, &wait));
  EXPECT_EQ(ZX_OK, async_cancel_wait(a, &wait));
  EXPECT_EQ(ZX_ERR_NOT_FOUND, async_cancel_wait(a, &wait));
  event.signal(0, ZX_EVENT_SIGNALED);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_FALSE(ran);
  // Already asserted when the wait begins: it fires on the next poll.
  ASSERT_EQ(ZX_OK, async_begin_wait(a, &wait));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_TRUE(ran);
}

TEST_F(WaitTest, J3_TheHandlerGetsTheAsyncDispatcherItWasBegunOn) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  async_dispatcher_t* seen = nullptr;
  struct Recording : async_wait_t {
    async_dispatcher_t** seen;
  } wait{};
  wait.state = ASYNC_STATE_INIT;
  wait.object = event.get();
  wait.trigger = ZX_EVENT_SIGNALED;
  wait.seen = &seen;
  wait.handler = [](async_dispatcher_t* dispatcher, async_wait_t* w, zx_status_t, const zx_packet_signal_t*) {
    *static_cast<Recording*>(w)->seen = dispatcher;
  };
  ASSERT_EQ(ZX_OK, async_begin_wait(a, &wait));
  ASSERT_EQ(ZX_OK, event.signal(0, ZX_EVENT_SIGNALED));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(seen, a);
}

TEST_F(WaitTest, K4_ACanceledWaitMayCancelAnotherDuringDriverShutdown) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  zx::event e0, e1;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &e0));
  ASSERT_EQ(ZX_OK, zx::event::create(0, &e1));
  int handlers = 0;
  zx_status_t cancel_other = ZX_ERR_INTERNAL;
  Wait* waits[2];
  auto on_canceled = [&](int self) {
    return [&, self](zx_status_t s, const zx_packet_signal_t*) {
      ++handlers;
      EXPECT_EQ(s, ZX_ERR_CANCELED);
      cancel_other = async_cancel_wait(a, waits[1 - self]);
    };
  };
  Wait w0(e0.get(), ZX_EVENT_SIGNALED, on_canceled(0));
  Wait w1(e1.get(), ZX_EVENT_SIGNALED, on_canceled(1));
  waits[0] = &w0;
  waits[1] = &w1;
  ASSERT_EQ(ZX_OK, async_begin_wait(a, &w0));
  ASSERT_EQ(ZX_OK, async_begin_wait(a, &w1));
  struct DriverObserver : fdf_env_driver_shutdown_observer_t {
    int calls = 0;
  } observer;
  observer.handler = [](const void*, fdf_env_driver_shutdown_observer_t* o) {
    static_cast<DriverObserver*>(o)->calls++;
  };
  ASSERT_EQ(ZX_OK, fdf_env_shutdown_dispatchers_async(FakeDriver(2), &observer));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(handlers, 1);  // whichever ran first cancelled the other
  EXPECT_EQ(cancel_other, ZX_OK);
  EXPECT_EQ(observer.calls, 1);
}

TEST_F(WaitTest, J4_CancelRightAfterTheSignalAlwaysWinsOnASynchronizedDispatcher) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  std::atomic<int> fired{0};
  Wait wait(event.get(), ZX_EVENT_SIGNALED, [&](zx_status_t, const zx_packet_signal_t*) { ++fired; });
  for (int i = 0; i < 100; ++i) {
    std::atomic<bool> done{false};
    std::atomic<zx_status_t> canceled{ZX_ERR_INTERNAL};
    async::PostTask(a, [&] {
      ASSERT_EQ(ZX_OK, async_begin_wait(a, &wait));
      ASSERT_EQ(ZX_OK, event.signal(0, ZX_EVENT_SIGNALED));
      usleep(i % 4 == 0 ? 200 : 0);  // sometimes give the poller time to pull the signal first
      canceled = async_cancel_wait(a, &wait);
      ASSERT_EQ(ZX_OK, event.signal(ZX_EVENT_SIGNALED, 0));
      done = true;
    });
    ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return done.load(); }));
    EXPECT_EQ(canceled.load(), ZX_OK) << "iteration " << i;
  }
  fdf_testing_wait_until_all_dispatchers_idle();
  EXPECT_EQ(fired.load(), 0);
}

}  // namespace
