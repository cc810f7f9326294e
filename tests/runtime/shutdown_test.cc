// Shutdown rules K2 and K9 (dispatcher) and L3, L4 (driver level).
#include <lib/async/cpp/task.h>
#include <lib/async/wait.h>
#include <lib/zx/event.h>

#include <algorithm>
#include <thread>

#include "runtime_fixture.h"

namespace {

using fdf_test::FakeDriver;
using fdf_test::Observer;

class ShutdownTest : public fdf_test::RuntimeTest {};

struct DriverObserver : fdf_env_driver_shutdown_observer_t {
  std::atomic<int> calls{0};
  std::function<void()> body;
  DriverObserver() : fdf_env_driver_shutdown_observer_t{} {
    handler = [](const void*, fdf_env_driver_shutdown_observer_t* o) {
      auto* self = static_cast<DriverObserver*>(o);
      if (self->body) self->body();
      self->calls++;
    };
  }
};

TEST_F(ShutdownTest, K2_ShutdownRefusesNewWorkAndCancelsQueuedDelayedAndPendingWork) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  fdf_handle_t local, remote;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &local, &remote));
  std::vector<std::string> canceled;
  // A delayed task an hour out: shutdown must not wait for it.
  struct Task : async_task_t {
    std::vector<std::string>* log;
  } delayed;
  delayed.state = ASYNC_STATE_INIT;
  delayed.deadline = async_now(a) + ZX_SEC(3600);
  delayed.log = &canceled;
  delayed.handler = [](async_dispatcher_t*, async_task_t* t, zx_status_t s) {
    if (s == ZX_ERR_CANCELED) static_cast<Task*>(t)->log->push_back("delayed");
  };
  ASSERT_EQ(ZX_OK, async_post_task(a, &delayed));
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  struct Wait : async_wait_t {
    std::vector<std::string>* log;
  } wait;
  wait.state = ASYNC_STATE_INIT;
  wait.object = event.get();
  wait.trigger = ZX_EVENT_SIGNALED;
  wait.options = 0;
  wait.log = &canceled;
  wait.handler = [](async_dispatcher_t*, async_wait_t* w, zx_status_t s, const zx_packet_signal_t*) {
    if (s == ZX_ERR_CANCELED) static_cast<Wait*>(w)->log->push_back("wait");
  };
  ASSERT_EQ(ZX_OK, async_begin_wait(a, &wait));
  fdf_test::Read read(local, [&](zx_status_t s) {
    if (s == ZX_ERR_CANCELED) canceled.push_back("read");
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));

  zx_status_t read_again = ZX_OK, post = ZX_OK, begin_wait = ZX_OK;
  async::PostTask(a, [&] {
    fdf_dispatcher_shutdown_async(d);
    fdf_test::Read late(remote);
    read_again = fdf_channel_wait_async(d, &late, 0);
    async_task_t task{ASYNC_STATE_INIT, [](async_dispatcher_t*, async_task_t*, zx_status_t) {},
                      async_now(a)};
    post = async_post_task(a, &task);
    async_wait_t w{ASYNC_STATE_INIT, wait.handler, event.get(), ZX_EVENT_SIGNALED, 0};
    begin_wait = async_begin_wait(a, &w);
  });
  WaitForShutdown(d);
  EXPECT_EQ(read_again, ZX_ERR_UNAVAILABLE);
  EXPECT_EQ(post, ZX_ERR_BAD_STATE);
  EXPECT_EQ(begin_wait, ZX_ERR_BAD_STATE);
  std::sort(canceled.begin(), canceled.end());
  EXPECT_EQ(canceled, (std::vector<std::string>{"delayed", "read", "wait"}));
  fdf_dispatcher_destroy(d);
  fdf_handle_close(local);
  fdf_handle_close(remote);
}

TEST_F(ShutdownTest, K9_StoppingThePoolWhileACallbackRunsStillLetsShutdownComplete) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  Observer* observer;
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1), 0, &observer);
  std::atomic<bool> running{false}, release{false};
  async::PostTask(fdf_dispatcher_get_async_dispatcher(d), [&] {
    running = true;
    while (!release.load()) usleep(100);
  });
  while (!running.load()) usleep(50);
  fdf_dispatcher_shutdown_async(d);
  std::thread resetter([] { fdf_env_reset(); });  // joins the pool, so waits for the callback
  usleep(2000);
  release = true;
  resetter.join();
  EXPECT_EQ(fdf_env_get_thread_count(), 0u);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(observer->calls.load(), 1);
  fdf_dispatcher_destroy(d);
}

TEST_F(ShutdownTest, L3_DriverShutdownWhenItsDispatchersAreAlreadyShutDown) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  fdf_dispatcher_shutdown_async(d);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  DriverObserver observer;
  ASSERT_EQ(ZX_OK, fdf_env_shutdown_dispatchers_async(FakeDriver(1), &observer));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(observer.calls.load(), 1);
  fdf_dispatcher_destroy(d);
}

TEST_F(ShutdownTest, L3_DispatcherObserverThatDestroysItsDispatcher) {
  Observer* first;
  Observer* second;
  CreateDispatcher(FakeDriver(1), 0, &first);
  CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED, &second);
  first->on_shutdown = [](fdf_dispatcher_t* d) { fdf_dispatcher_destroy(d); };
  second->on_shutdown = [](fdf_dispatcher_t* d) { fdf_dispatcher_destroy(d); };
  DriverObserver observer;
  ASSERT_EQ(ZX_OK, fdf_env_shutdown_dispatchers_async(FakeDriver(1), &observer));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(observer.calls.load(), 1);
  EXPECT_EQ(first->calls.load(), 1);
  EXPECT_EQ(second->calls.load(), 1);
  fdf_testing_wait_until_all_dispatchers_destroyed();  // both are gone already
}

TEST_F(ShutdownTest, L4_WaitUntilAllDestroyedWaitsForTheDriverObserverToReturn) {
  fdf_testing_wait_until_all_dispatchers_destroyed();  // none alive: returns at once
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  Observer* dispatcher_observer;
  CreateDispatcher(FakeDriver(1), 0, &dispatcher_observer);
  dispatcher_observer->on_shutdown = [](fdf_dispatcher_t* d) { fdf_dispatcher_destroy(d); };
  std::atomic<bool> observer_returned{false}, observer_started{false};
  DriverObserver observer;
  observer.body = [&] {
    observer_started = true;
    usleep(20000);
    observer_returned = true;
  };
  ASSERT_EQ(ZX_OK, fdf_env_shutdown_dispatchers_async(FakeDriver(1), &observer));
  while (!observer_started.load()) usleep(50);
  fdf_testing_wait_until_all_dispatchers_destroyed();
  EXPECT_TRUE(observer_returned.load());
}

}  // namespace
