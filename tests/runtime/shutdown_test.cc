// Shutdown rules K2 and K9 (dispatcher) and L3, L4 (driver level).
#include <lib/async/cpp/task.h>
#include <lib/async/wait.h>
#include <lib/zx/event.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;
using fdfkit::testing::Observer;

class ShutdownTest : public fdfkit::testing::RuntimeTest {};

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
  fdfkit::testing::Read read(local, [&](zx_status_t s) {
    if (s == ZX_ERR_CANCELED) canceled.push_back("read");
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));

  zx_status_t read_again = ZX_OK, post = ZX_OK, begin_wait = ZX_OK;
  async::PostTask(a, [&] {
    fdf_dispatcher_shutdown_async(d);
    fdfkit::testing::Read late(remote);
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
    fdfkit::testing::HoldUntil(release);
  });
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return running.load(); }));
  fdf_dispatcher_shutdown_async(d);
  std::thread resetter([] { fdf_env_reset(); });  // joins the pool, so waits for the callback
  ASSERT_TRUE(fdfkit::testing::WaitUntil(
      [] { return fdf_internal::ThreadPool::Get().stopping_for_testing(); }));
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
  std::atomic<bool> observer_returned{false}, observer_started{false}, release{false},
      wait_returned{false};
  DriverObserver observer;
  observer.body = [&] {
    observer_started = true;
    fdfkit::testing::HoldUntil(release);
    observer_returned = true;
  };
  ASSERT_EQ(ZX_OK, fdf_env_shutdown_dispatchers_async(FakeDriver(1), &observer));
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return observer_started.load(); }));
  std::thread waiter([&] {
    fdf_testing_wait_until_all_dispatchers_destroyed();
    wait_returned = true;
  });
  ASSERT_TRUE(fdfkit::testing::WaitUntil(
      [] { return fdf_internal::Coordinator::Get().destroyed_waiters_for_testing() == 1; }));
  EXPECT_FALSE(wait_returned.load());  // waiting, with the observer still running
  release = true;
  waiter.join();
  EXPECT_TRUE(observer_returned.load());
}

// A read and an event wait registered on `d`, recording how they end.
struct PendingWork {
  fdf_handle_t local = 0, remote = 0;
  zx::event event;
  std::vector<zx_status_t> read_statuses, wait_statuses;
  std::unique_ptr<fdfkit::testing::Read> read;
  std::unique_ptr<fdfkit::testing::Wait> wait;

  explicit PendingWork(fdf_dispatcher_t* d) {
    EXPECT_EQ(ZX_OK, fdf_channel_create(0, &local, &remote));
    EXPECT_EQ(ZX_OK, zx::event::create(0, &event));
    read = std::make_unique<fdfkit::testing::Read>(remote, [this](zx_status_t s) { read_statuses.push_back(s); });
    EXPECT_EQ(ZX_OK, fdf_channel_wait_async(d, read.get(), 0));
    wait = std::make_unique<fdfkit::testing::Wait>(
        event.get(), ZX_EVENT_SIGNALED,
        [this](zx_status_t s, const zx_packet_signal_t*) { wait_statuses.push_back(s); });
    EXPECT_EQ(ZX_OK, async_begin_wait(fdf_dispatcher_get_async_dispatcher(d), wait.get()));
  }
  ~PendingWork() {
    fdf_handle_close(local);
    fdf_handle_close(remote);
  }
};

TEST_F(ShutdownTest, K4_UnsynchronizedShutdownCancelsRegisteredReadsAndWaitsOnce) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  PendingWork work(d);
  ShutdownAndDestroy(d);
  EXPECT_EQ(work.read_statuses, std::vector<zx_status_t>{ZX_ERR_CANCELED});
  EXPECT_EQ(work.wait_statuses, std::vector<zx_status_t>{ZX_ERR_CANCELED});
}

TEST_F(ShutdownTest, K1_ShutdownFromTwoQueuedHandlersCompletesOnce) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  Observer* observer;
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED, &observer);
  std::atomic<int> handlers{0};
  for (int i = 0; i < 2; ++i) {
    async::PostTask(fdf_dispatcher_get_async_dispatcher(d), [&] {
      fdf_dispatcher_shutdown_async(d);
      ++handlers;
    });
  }
  WaitForShutdown(d);
  fdf_testing_wait_until_all_dispatchers_idle();
  // The second task either ran before the first shut down, or was cancelled (never ran).
  EXPECT_GE(handlers.load(), 1);
  EXPECT_EQ(observer->calls.load(), 1);
  fdf_dispatcher_destroy(d);
}

TEST_F(ShutdownTest, K5_TheObserverNeverRunsUnderTheCallersLock) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  Observer* observer;
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1), 0, &observer);
  // Run inline, inside shutdown_async, the observer would run under whatever lock the caller
  // holds around that call: it must run on another thread.
  std::atomic<std::thread::id> observer_thread{};
  observer->on_shutdown = [&](fdf_dispatcher_t*) { observer_thread = std::this_thread::get_id(); };
  fdf_dispatcher_shutdown_async(d);
  WaitForShutdown(d);
  ASSERT_TRUE(fdfkit::testing::WaitUntil(
      [&] { return observer_thread.load() != std::thread::id{}; }));
  EXPECT_NE(observer_thread.load(), std::this_thread::get_id());
  fdf_dispatcher_destroy(d);
}

TEST_F(ShutdownTest, K2_ARequestAlreadyInTheShutdownQueueCanStillBeCanceled) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  fdf_handle_t local, remote;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &local, &remote));
  bool read_ran = false;
  zx_status_t cancel_status = ZX_ERR_INTERNAL;
  fdfkit::testing::Read read(remote, [&](zx_status_t) { read_ran = true; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  // A task first, then the read: both queued, in that order.
  async::PostTask(fdf_dispatcher_get_async_dispatcher(d), [] {});
  ASSERT_TRUE(fdf_env_dispatcher_has_queued_tasks(d));
  fdf_env_register_driver_entry(FakeDriver(1));
  ASSERT_EQ(ZX_OK, fdf_channel_write(local, 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_env_register_driver_exit();
  fdf_dispatcher_shutdown_async(d);  // both move to the shutdown queue
  // Before shutdown delivers its CANCELED callbacks, the driver cancels the read.
  fdf_env_register_driver_entry(FakeDriver(1));
  cancel_status = fdf_channel_cancel_wait(remote);
  fdf_env_register_driver_exit();
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(cancel_status, ZX_OK);
  EXPECT_FALSE(read_ran);
  EXPECT_EQ(observer_of_[d]->calls.load(), 1);
  fdf_dispatcher_destroy(d);
  fdf_handle_close(local);
  fdf_handle_close(remote);
}

// D8 while shutdown delivers: a CANCELED handler cancels another read still in the shutdown
// queue. The cancel returns OK, so that read's handler must never run (its owner may free it).
TEST_F(ShutdownTest, D8_ACancelDuringShutdownDeliveryRemovesTheReadForGood) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  fdf_handle_t a_local, a_remote, b_local, b_remote;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a_local, &a_remote));
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &b_local, &b_remote));
  zx_status_t cancel_status = ZX_ERR_INTERNAL;
  int a_calls = 0;
  auto b = std::make_unique<fdfkit::testing::Read>(b_remote, [](zx_status_t) {
    ADD_FAILURE() << "a read canceled with ZX_OK ran";
  });
  // Registered in this order, so shutdown delivers a's CANCELED first.
  fdfkit::testing::Read a(a_remote, [&](zx_status_t status) {
    ++a_calls;
    EXPECT_EQ(status, ZX_ERR_CANCELED);
    cancel_status = fdf_channel_cancel_wait(b_remote);
    if (cancel_status == ZX_OK) b.reset();  // allowed: OK means the handler never runs
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &a, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, b.get(), 0));
  fdf_dispatcher_shutdown_async(d);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(a_calls, 1);
  EXPECT_EQ(cancel_status, ZX_OK);
  EXPECT_EQ(b, nullptr);
  EXPECT_EQ(observer_of_[d]->calls.load(), 1);
  fdf_dispatcher_destroy(d);
  for (fdf_handle_t h : {a_local, a_remote, b_local, b_remote}) fdf_handle_close(h);
}

TEST_F(ShutdownTest, L2_TheDriverObserverWaitsForABlockedDispatcherObserver) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  Observer* blocked;
  CreateDispatcher(FakeDriver(1), 0, &blocked);
  CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  std::atomic<bool> release{false}, observer_blocked{false};
  blocked->on_shutdown = [&](fdf_dispatcher_t*) {
    observer_blocked = true;
    fdfkit::testing::HoldUntil(release);
  };
  DriverObserver driver_observer;
  ASSERT_EQ(ZX_OK, fdf_env_shutdown_dispatchers_async(FakeDriver(1), &driver_observer));
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return observer_blocked.load(); }));
  // The pool's one thread is inside the blocked observer, and only a shutdown completing on it
  // could run the driver's observer: it has not run, and cannot until the release.
  EXPECT_EQ(driver_observer.calls.load(), 0);
  release = true;
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return driver_observer.calls.load() == 1; }));
}

TEST_F(ShutdownTest, L2_TheDriverObserverRunsWithTheInitialDispatchersSequence) {
  fdf_dispatcher_t* initial = CreateDispatcher(FakeDriver(1));
  CreateDispatcher(FakeDriver(1));
  async_sequence_id_t initial_id{}, observer_id{};
  async::PostTask(fdf_dispatcher_get_async_dispatcher(initial), [&] {
    EXPECT_EQ(ZX_OK, async_get_sequence_id(fdf_dispatcher_get_async_dispatcher(initial), &initial_id, nullptr));
  });
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  DriverObserver driver_observer;
  zx_status_t check = ZX_ERR_INTERNAL;
  driver_observer.body = [&] {
    async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(initial);
    EXPECT_EQ(ZX_OK, async_get_sequence_id(a, &observer_id, nullptr));
    // So objects checked against the initial dispatcher's sequence may be torn down here.
    check = async_check_sequence_id(a, initial_id, nullptr);
  };
  ASSERT_EQ(ZX_OK, fdf_env_shutdown_dispatchers_async(FakeDriver(1), &driver_observer));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(driver_observer.calls.load(), 1);
  EXPECT_EQ(observer_id.value, initial_id.value);
  EXPECT_EQ(check, ZX_OK);
}

TEST_F(ShutdownTest, L4_WaitUntilDestroyedReturnsAfterEveryObserverDestroyedItsDispatcher) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  std::atomic<int> destroyed{0};
  std::vector<fdf_dispatcher_t*> dispatchers;
  for (int i = 0; i < 4; ++i) {
    Observer* observer;
    dispatchers.push_back(CreateDispatcher(FakeDriver(1 + i % 2), 0, &observer));
    observer->on_shutdown = [&](fdf_dispatcher_t* d) {
      usleep(1000);
      ++destroyed;  // before: the wait may return as soon as the last one is destroyed
      fdf_dispatcher_destroy(d);
    };
  }
  // Two by dispatcher shutdown, two by driver shutdown.
  fdf_dispatcher_shutdown_async(dispatchers[0]);
  fdf_dispatcher_shutdown_async(dispatchers[2]);
  DriverObserver driver_observer;
  ASSERT_EQ(ZX_OK, fdf_env_shutdown_dispatchers_async(FakeDriver(2), &driver_observer));
  fdf_testing_wait_until_all_dispatchers_destroyed();
  EXPECT_EQ(destroyed.load(), 4);
  EXPECT_EQ(driver_observer.calls.load(), 1);
}

TEST_F(ShutdownTest, L4_TwoDispatchersDestroyedConcurrentlyInTheirObserversDoNotDeadlock) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  Observer* sync_observer;
  Observer* blocking_observer;
  CreateDispatcher(FakeDriver(1), 0, &sync_observer);
  CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS, &blocking_observer);
  sync_observer->on_shutdown = [](fdf_dispatcher_t* d) { fdf_dispatcher_destroy(d); };
  blocking_observer->on_shutdown = [](fdf_dispatcher_t* d) { fdf_dispatcher_destroy(d); };
  DriverObserver driver_observer;
  ASSERT_EQ(ZX_OK, fdf_env_shutdown_dispatchers_async(FakeDriver(1), &driver_observer));
  fdf_testing_wait_until_all_dispatchers_destroyed();
  EXPECT_EQ(driver_observer.calls.load(), 1);
}

TEST_F(ShutdownTest, DestroyAllShutsDownAndDestroysDispatchersLeftRunning) {
  fdf_dispatcher_t* a = CreateDispatcher(FakeDriver(1));
  CreateDispatcher(FakeDriver(2), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  PendingWork work(a);
  fdf_env_destroy_all_dispatchers();
  EXPECT_EQ(work.read_statuses, std::vector<zx_status_t>{ZX_ERR_CANCELED});
  EXPECT_EQ(work.wait_statuses, std::vector<zx_status_t>{ZX_ERR_CANCELED});
  for (auto& observer : observers_) EXPECT_EQ(observer->calls.load(), 1);
  fdf_testing_wait_until_all_dispatchers_destroyed();  // nothing left
}

}  // namespace
