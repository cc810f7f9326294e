// When a dispatcher counts as idle (Fuchsia's WaitUntilIdle* tests): no callback running and none
// ready. Unsignalled waits and future delayed tasks do not make it busy.
#include <lib/async/cpp/task.h>
#include <lib/async/task.h>
#include <lib/async/wait.h>
#include <lib/zx/event.h>

#include <thread>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;
using fdfkit::testing::Read;

class IdleTest : public fdfkit::testing::ChannelPairTest {
 protected:
  static bool IsIdle(fdf_dispatcher_t* d) { return fdf_internal::Dispatcher::From(d)->IsIdle(); }
  // Starts a thread that waits for `d` to become idle and then sets `*released`.
  static std::thread IdleWaiter(fdf_dispatcher_t* d, std::atomic<bool>* released) {
    return std::thread([d, released] {
      fdf_internal::Dispatcher::From(d)->WaitUntilIdle();
      *released = true;
    });
  }
};

TEST_F(IdleTest, AFreshDispatcherIsIdle) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  EXPECT_TRUE(IsIdle(d));
  fdf_internal::Dispatcher::From(d)->WaitUntilIdle();
  fdf_testing_wait_until_all_dispatchers_idle();
  EXPECT_TRUE(IsIdle(d));
}

TEST_F(IdleTest, NotIdleWhileAnInlineHandlerRuns) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  std::atomic<bool> started{false}, release{false}, released{false};
  Read read(remote_, [&](zx_status_t) {
    started = true;
    fdfkit::testing::HoldUntil(release);
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  std::thread writer([&] {
    fdf_env_register_driver_entry(FakeDriver(2));
    fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0);  // runs the handler inline
    fdf_env_register_driver_exit();
  });
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return started.load(); }));
  EXPECT_FALSE(IsIdle(d));
  std::thread waiter = IdleWaiter(d, &released);
  ASSERT_TRUE(fdfkit::testing::WaitUntil(
      [&] { return fdf_internal::Dispatcher::From(d)->idle_waiters_for_testing() == 1; }));
  EXPECT_FALSE(released.load());  // it waits, and keeps waiting until the handler returns
  release = true;
  waiter.join();
  writer.join();
  EXPECT_TRUE(released.load());
  EXPECT_TRUE(IsIdle(d));
}

TEST_F(IdleTest, NotIdleWhileAQueuedCallbackRunsOnThePool) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  std::atomic<bool> started{false}, release{false}, returned{false};
  Read read(remote_, [&](zx_status_t) {
    started = true;
    fdfkit::testing::HoldUntil(release);
    returned = true;
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));  // queued
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return started.load(); }));
  EXPECT_FALSE(IsIdle(d));
  std::thread releaser([&] {  // once the test thread waits for idle
    EXPECT_TRUE(fdfkit::testing::WaitUntil(
        [&] { return fdf_internal::Dispatcher::From(d)->idle_waiters_for_testing() == 1; }));
    EXPECT_FALSE(returned.load());
    release = true;
  });
  fdf_testing_wait_until_all_dispatchers_idle();
  EXPECT_TRUE(returned.load());
  releaser.join();
}

TEST_F(IdleTest, ACanceledQueuedReadLeavesTheDispatcherIdle) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  Read read(remote_);
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));  // queued
  EXPECT_FALSE(IsIdle(d));
  fdf_env_register_driver_entry(FakeDriver(1));  // a synchronized cancel comes from its own driver
  ASSERT_EQ(ZX_OK, fdf_channel_cancel_wait(remote_));
  fdf_env_register_driver_exit();
  EXPECT_TRUE(IsIdle(d));
  fdf_testing_wait_until_all_dispatchers_idle();
}

TEST_F(IdleTest, AnUnsignalledWaitAndAFutureTaskDoNotCountAsWork) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  fdfkit::testing::Wait wait(event.get(), ZX_EVENT_SIGNALED, [](zx_status_t, const zx_packet_signal_t*) {});
  ASSERT_EQ(ZX_OK, async_begin_wait(a, &wait));
  async_task_t task{};
  task.state = ASYNC_STATE_INIT;
  task.deadline = zx_deadline_after(ZX_SEC(100));
  task.handler = [](async_dispatcher_t*, async_task_t*, zx_status_t) {};
  ASSERT_EQ(ZX_OK, async_post_task(a, &task));
  EXPECT_TRUE(IsIdle(d));
  fdf_internal::Dispatcher::From(d)->WaitUntilIdle();
  fdf_testing_wait_until_all_dispatchers_idle();
  // Both are still pending and can be cancelled.
  EXPECT_EQ(ZX_OK, async_cancel_wait(a, &wait));
  EXPECT_EQ(ZX_OK, async_cancel_task(a, &task));
}

TEST_F(IdleTest, IdleOnlyAfterEveryQueuedCallbackOnTwoThreads) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  // A blocking-capable dispatcher makes the pool two threads wide.
  CreateDispatcher(FakeDriver(9), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  ASSERT_EQ(fdf_env_get_thread_count(), 2u);
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  constexpr int kCallbacks = 22;
  std::atomic<int> completed{0};
  for (int i = 0; i < kCallbacks; ++i) {
    async::PostTask(fdf_dispatcher_get_async_dispatcher(d), [&] {
      usleep(500);
      ++completed;
    });
  }
  fdf_testing_wait_until_all_dispatchers_idle();
  EXPECT_EQ(completed.load(), kCallbacks);
}

TEST_F(IdleTest, OneBusyDispatcherDoesNotMakeAnotherBusy) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* busy = CreateDispatcher(FakeDriver(1));
  fdf_dispatcher_t* other = CreateDispatcher(FakeDriver(2));
  std::atomic<bool> started{false}, release{false}, released{false};
  async::PostTask(fdf_dispatcher_get_async_dispatcher(busy), [&] {
    started = true;
    fdfkit::testing::HoldUntil(release);
  });
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return started.load(); }));
  EXPECT_FALSE(IsIdle(busy));
  EXPECT_TRUE(IsIdle(other));
  std::thread waiter = IdleWaiter(other, &released);
  waiter.join();  // returns while `busy` still runs
  EXPECT_TRUE(released.load());
  EXPECT_FALSE(IsIdle(busy));
  release = true;
  fdf_testing_wait_until_all_dispatchers_idle();
}

}  // namespace
