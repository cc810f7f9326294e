// Dispatcher rules G*, H*, I*, J*, K*, L*, M*.
#include <lib/async/cpp/task.h>
#include <lib/async/task.h>
#include <lib/async/wait.h>
#include <lib/zx/event.h>

#include <pthread.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;
using fdfkit::testing::Read;
using fdfkit::testing::Wait;

using DispatcherTest = fdfkit::testing::ChannelPairTest;

TEST_F(DispatcherTest, G1_UnsynchronizedWithSyncCallsIsNotSupported) {
  fdf_dispatcher_t* d;
  EXPECT_EQ(ZX_ERR_NOT_SUPPORTED,
            fdf_env_dispatcher_create_with_owner(
                FakeDriver(1), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED | FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS,
                "x", 1, "", 0, nullptr, &d));
}

TEST_F(DispatcherTest, G2_CreateNeedsACurrentDriver) {
  fdf_dispatcher_t* d;
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_dispatcher_create(0, "x", 1, "", 0, nullptr, &d));
  EXPECT_EQ(ZX_ERR_INVALID_ARGS,
            fdf_env_dispatcher_create_with_owner(FakeDriver(1), 0x80, "x", 1, "", 0, nullptr, &d));
}

TEST_F(DispatcherTest, G3_G4_OptionsAndAsyncRoundTrip) {
  fdf_dispatcher_t* sync = CreateDispatcher(FakeDriver(1), 0);
  fdf_dispatcher_t* blocking = CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  fdf_dispatcher_t* unsync = CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  EXPECT_EQ(fdf_dispatcher_get_options(sync), 0u);
  EXPECT_EQ(fdf_dispatcher_get_options(blocking), 2u);
  EXPECT_EQ(fdf_dispatcher_get_options(unsync), 1u);
  EXPECT_EQ(fdf_dispatcher_downcast_async_dispatcher(fdf_dispatcher_get_async_dispatcher(sync)), sync);
}

TEST_F(DispatcherTest, H3_H5_WriteFromAnotherDriverRunsInlineFromTheOwnerIsQueued) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  int runs = 0;
  Read read(remote_, [&](zx_status_t) {
    ++runs;
    EXPECT_EQ(fdf_dispatcher_get_current_dispatcher(), d);
    fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr);
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  fdf_env_register_driver_entry(FakeDriver(1));
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
  EXPECT_EQ(runs, 1);  // inline, before write returned
  fdf_env_register_driver_exit();

  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  fdf_env_register_driver_entry(FakeDriver(2));  // the owner is on the stack: reentrant
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
  EXPECT_EQ(runs, 1);
  fdf_env_register_driver_exit();
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(runs, 2);
}

TEST_F(DispatcherTest, H5_EmptyStackNeverInlines) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  int runs = 0;
  Read read(remote_, [&](zx_status_t) { ++runs; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
  EXPECT_EQ(runs, 0);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(runs, 1);
}

TEST_F(DispatcherTest, H5_AllowSyncCallsTargetIsAlwaysQueued) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  int runs = 0;
  Read read(remote_, [&](zx_status_t) { ++runs; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  fdf_env_register_driver_entry(FakeDriver(1));
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_env_register_driver_exit();
  EXPECT_EQ(runs, 0);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(runs, 1);
}

TEST_F(DispatcherTest, H6_ReplyToTheSenderIsQueuedNotReentrant) {
  // Driver 1 (client) writes to driver 2 (server) while holding a non-recursive lock; the server
  // replies inline; the reply must not re-enter driver 1 on the same stack.
  fdf_dispatcher_t* client = CreateDispatcher(FakeDriver(1));
  fdf_dispatcher_t* server = CreateDispatcher(FakeDriver(2));
  std::mutex client_lock;
  bool server_ran = false, client_got_reply = false;
  Read server_read(remote_, [&](zx_status_t) {
    server_ran = true;
    fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr);
    ASSERT_EQ(ZX_OK, fdf_channel_write(remote_, 0, nullptr, nullptr, 0, nullptr, 0));
  });
  Read client_read(local_, [&](zx_status_t) {
    std::lock_guard<std::mutex> guard(client_lock);  // would deadlock if run inline
    client_got_reply = true;
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(server, &server_read, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(client, &client_read, 0));
  fdf_env_register_driver_entry(FakeDriver(1));
  {
    std::lock_guard<std::mutex> guard(client_lock);
    ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
    EXPECT_TRUE(server_ran);
    EXPECT_FALSE(client_got_reply);
  }
  fdf_env_register_driver_exit();
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_TRUE(client_got_reply);
}

TEST_F(DispatcherTest, H7_H8_ChainsOfDistinctDriversRunInline) {
  constexpr int kDrivers = 30;
  std::vector<fdf_handle_t> ends(2 * kDrivers);
  for (int i = 0; i < kDrivers; ++i) ASSERT_EQ(ZX_OK, fdf_channel_create(0, &ends[2 * i], &ends[2 * i + 1]));
  // Driver i reads on ends[2i+1] and forwards to ends[2(i+1)].
  std::vector<std::unique_ptr<Read>> reads;
  std::vector<int> hops(kDrivers, 0);
  int depth_when_last_ran = -1;
  for (int i = 0; i < kDrivers; ++i) {
    fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(i + 1));
    fdf_handle_t in = ends[2 * i + 1];
    fdf_handle_t out = ends[(2 * (i + 1)) % (2 * kDrivers)];
    reads.push_back(std::make_unique<Read>(in));
    Read* r = reads.back().get();
    r->on_ready = [&, i, in, out, d, r](zx_status_t s) {
      if (s != ZX_OK) return;
      fdf_channel_read(in, 0, nullptr, nullptr, nullptr, nullptr, nullptr);
      ++hops[i];
      if (i == kDrivers - 1) depth_when_last_ran = i;
      ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, r, 0));
      if (i != 0) fdf_channel_write(out, 0, nullptr, nullptr, 0, nullptr, 0);  // driver 0 ends the ring
    };
    ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, r, 0));
  }
  // Driver 0 (FakeDriver(1)) starts the ring by writing to driver 1.
  fdf_env_register_driver_entry(FakeDriver(1));
  ASSERT_EQ(ZX_OK, fdf_channel_write(ends[2], 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_env_register_driver_exit();
  // Drivers 1..29 ran inline on this stack; the hop back into driver 1 (hops[0]) waits in a queue.
  EXPECT_EQ(hops[0], 0);
  for (int i = 1; i < kDrivers; ++i) EXPECT_EQ(hops[i], 1) << i;
  EXPECT_EQ(depth_when_last_ran, kDrivers - 1);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(hops[0], 1);
  for (int i = 0; i < kDrivers; ++i) fdf_channel_cancel_wait(ends[2 * i + 1]);
  for (fdf_handle_t h : ends) fdf_handle_close(h);
}

TEST_F(DispatcherTest, I1_SynchronizedNeverRunsTwoCallbacksAtOnce) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  ASSERT_EQ(ZX_OK, fdf_env_set_thread_limit("", 0, 10));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  fdfkit::testing::OverlapDetector detector;
  std::vector<std::unique_ptr<Read>> reads;
  std::vector<fdf_handle_t> ends;
  constexpr int kChannels = 12;
  for (int i = 0; i < kChannels; ++i) {
    fdf_handle_t a, b;
    ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
    ends.push_back(a);
    ends.push_back(b);
    reads.push_back(std::make_unique<Read>(b, [&](zx_status_t) { detector.Enter(); }));
    ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, reads.back().get(), 0));
  }
  std::vector<std::thread> writers;
  for (int i = 0; i < kChannels; ++i) {
    writers.emplace_back([&, i] {
      fdf_env_register_driver_entry(FakeDriver(100 + i));
      fdf_channel_write(ends[2 * i], 0, nullptr, nullptr, 0, nullptr, 0);
      fdf_env_register_driver_exit();
    });
  }
  for (auto& t : writers) t.join();
  fdf_testing_wait_until_all_dispatchers_idle();
  EXPECT_EQ(detector.calls.load(), kChannels);
  EXPECT_EQ(detector.max_inside.load(), 1);
  for (fdf_handle_t h : ends) fdf_handle_close(h);
}

TEST_F(DispatcherTest, I3_UnsynchronizedRunsCallbacksInParallel) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  constexpr int kWriters = 4;
  std::atomic<int> arrived{0};
  std::vector<std::unique_ptr<Read>> reads;
  std::vector<fdf_handle_t> ends;
  for (int i = 0; i < kWriters; ++i) {
    fdf_handle_t a, b;
    ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
    ends.push_back(a);
    ends.push_back(b);
    reads.push_back(std::make_unique<Read>(b, [&](zx_status_t) {
      ++arrived;
      // A barrier: only passes if every handler runs at the same time.
      while (arrived.load() < kWriters) std::this_thread::yield();
    }));
    ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, reads.back().get(), 0));
  }
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      fdf_env_register_driver_entry(FakeDriver(100 + i));
      fdf_channel_write(ends[2 * i], 0, nullptr, nullptr, 0, nullptr, 0);  // runs inline
      fdf_env_register_driver_exit();
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_EQ(arrived.load(), kWriters);
  for (fdf_handle_t h : ends) fdf_handle_close(h);
}

struct Task : async_task_t {
  std::function<void(zx_status_t)> body;
  explicit Task(std::function<void(zx_status_t)> f, zx_time_t when = 0) : async_task_t{}, body(std::move(f)) {
    state = ASYNC_STATE_INIT;
    deadline = when;
    handler = [](async_dispatcher_t*, async_task_t* t, zx_status_t s) { static_cast<Task*>(t)->body(s); };
  }
};

TEST_F(DispatcherTest, J1_TasksRunQueuedNeverInline) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  std::vector<zx_status_t> got;
  Task task([&](zx_status_t s) { got.push_back(s); });
  fdf_env_register_driver_entry(FakeDriver(1));
  task.deadline = async_now(fdf_dispatcher_get_async_dispatcher(d));
  ASSERT_EQ(ZX_OK, async_post_task(fdf_dispatcher_get_async_dispatcher(d), &task));
  fdf_env_register_driver_exit();
  EXPECT_TRUE(got.empty());
  EXPECT_TRUE(fdf_env_dispatcher_has_queued_tasks(d));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(got, std::vector<zx_status_t>{ZX_OK});
  EXPECT_FALSE(fdf_env_dispatcher_has_queued_tasks(d));
  Task infinite([](zx_status_t) {}, ZX_TIME_INFINITE);
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, async_post_task(fdf_dispatcher_get_async_dispatcher(d), &infinite));
}

TEST_F(DispatcherTest, J1_DelayedTaskRunsAfterItsDeadline) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  std::atomic<zx_time_t> ran_at{0};
  zx_time_t deadline = zx_deadline_after(ZX_MSEC(10));
  Task task([&](zx_status_t) { ran_at = zx_clock_get_monotonic(); }, deadline);
  ASSERT_EQ(ZX_OK, async_post_task(a, &task));
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return ran_at.load() != 0; }));
  EXPECT_GE(ran_at.load(), deadline);
}

TEST_F(DispatcherTest, J1_PostTaskTakesMoveOnlyCallablesAndFreesThem) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  auto ran = std::make_shared<int>(0);
  // A lambda owning a move-only value (as one holding a completer does): run once, then freed.
  auto owned = std::make_unique<int>(7);
  ASSERT_EQ(ZX_OK, async::PostTask(a, [owned = std::move(owned), ran] { *ran += *owned; }));
  EXPECT_EQ(ran.use_count(), 2);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(*ran, 7);
  EXPECT_EQ(ran.use_count(), 1);
  // Dropped unrun when its dispatcher shuts down first.
  ASSERT_EQ(ZX_OK, async::PostTask(a, [owned = std::make_unique<int>(1), ran] { *ran += *owned; }));
  EXPECT_EQ(ran.use_count(), 2);
  ShutdownAndDestroy(d);
  EXPECT_EQ(*ran, 7);
  EXPECT_EQ(ran.use_count(), 1);
}

TEST_F(DispatcherTest, J2_CancelTask) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  bool ran = false;
  Task queued([&](zx_status_t) { ran = true; }, async_now(a));
  Task delayed([&](zx_status_t) { ran = true; }, zx_deadline_after(ZX_SEC(100)));
  Task never([&](zx_status_t) {});
  EXPECT_EQ(ZX_ERR_NOT_FOUND, async_cancel_task(a, &never));
  ASSERT_EQ(ZX_OK, async_post_task(a, &queued));
  ASSERT_EQ(ZX_OK, async_post_task(a, &delayed));
  EXPECT_EQ(ZX_OK, async_cancel_task(a, &queued));
  EXPECT_EQ(ZX_OK, async_cancel_task(a, &delayed));
  EXPECT_EQ(ZX_ERR_NOT_FOUND, async_cancel_task(a, &queued));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_FALSE(ran);
  zx_status_t self_cancel = ZX_OK;
  Task inside([&](zx_status_t) {}, 0);
  inside.body = [&](zx_status_t) { self_cancel = async_cancel_task(a, &inside); };
  inside.deadline = async_now(a);
  ASSERT_EQ(ZX_OK, async_post_task(a, &inside));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(self_cancel, ZX_ERR_NOT_FOUND);
}

TEST_F(DispatcherTest, J7_SequenceIds) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  fdf_dispatcher_t* other = CreateDispatcher(FakeDriver(3));
  fdf_dispatcher_t* unsync = CreateDispatcher(FakeDriver(4), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  async_sequence_id_t id;
  const char* error = nullptr;
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, async_get_sequence_id(fdf_dispatcher_get_async_dispatcher(d), &id, &error));
  EXPECT_NE(std::string(error).find("not managed"), std::string::npos);
  EXPECT_EQ(ZX_ERR_WRONG_TYPE, async_get_sequence_id(fdf_dispatcher_get_async_dispatcher(unsync), &id, &error));
  EXPECT_NE(std::string(error).find("UNSYNCHRONIZED"), std::string::npos);
  async_sequence_id_t first{}, second{};
  zx_status_t wrong = ZX_OK;
  Task task([&](zx_status_t) {
    EXPECT_EQ(ZX_OK, async_get_sequence_id(fdf_dispatcher_get_async_dispatcher(d), &first, nullptr));
    EXPECT_EQ(ZX_OK, async_get_sequence_id(fdf_dispatcher_get_async_dispatcher(d), &second, nullptr));
    const char* e = nullptr;
    wrong = async_get_sequence_id(fdf_dispatcher_get_async_dispatcher(other), &id, &e);
    EXPECT_NE(std::string(e).find("multiple driver dispatchers detected"), std::string::npos);
  });
  ASSERT_EQ(ZX_OK, async_post_task(fdf_dispatcher_get_async_dispatcher(d), &task));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(first.value, second.value);
  EXPECT_EQ(wrong, ZX_ERR_INVALID_ARGS);
}

TEST_F(DispatcherTest, K1_K4_K5_K6_ShutdownCancelsEverythingOnceThenCallsTheObserverOnce) {
  fdfkit::testing::Observer* observer;
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2), 0, &observer);
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  std::vector<std::string> order;
  Read read(remote_, [&](zx_status_t s) {
    EXPECT_EQ(s, ZX_ERR_CANCELED);
    EXPECT_EQ(fdf_dispatcher_get_current_dispatcher(), d);
    order.push_back("read");
    EXPECT_EQ(ZX_ERR_UNAVAILABLE, fdf_channel_wait_async(d, &read, 0));  // K6
  });
  Task task([&](zx_status_t s) { EXPECT_EQ(s, ZX_ERR_CANCELED); order.push_back("task"); },
            zx_deadline_after(ZX_SEC(100)));
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  Wait wait(event.get(), ZX_EVENT_SIGNALED, [&](zx_status_t s, const zx_packet_signal_t* p) {
    EXPECT_EQ(s, ZX_ERR_CANCELED);
    EXPECT_EQ(p, nullptr);
    order.push_back("wait");
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  ASSERT_EQ(ZX_OK, async_post_task(a, &task));
  ASSERT_EQ(ZX_OK, async_begin_wait(a, &wait));
  observer->on_shutdown = [&](fdf_dispatcher_t* sd) {
    EXPECT_EQ(fdf_dispatcher_get_current_dispatcher(), sd);
    order.push_back("observer");
  };
  fdf_dispatcher_shutdown_async(d);
  fdf_dispatcher_shutdown_async(d);  // idempotent
  EXPECT_EQ(observer->calls.load(), 0);  // never inside shutdown_async
  Task late([](zx_status_t) {});
  late.deadline = 0;
  EXPECT_EQ(ZX_ERR_BAD_STATE, async_post_task(a, &late));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  ASSERT_EQ(order.size(), 4u);
  EXPECT_EQ(order.back(), "observer");
  EXPECT_EQ(std::count(order.begin(), order.end(), "read"), 1);
  EXPECT_EQ(std::count(order.begin(), order.end(), "task"), 1);
  EXPECT_EQ(std::count(order.begin(), order.end(), "wait"), 1);
  EXPECT_EQ(observer->calls.load(), 1);
  fdf_dispatcher_destroy(d);
}

TEST_F(DispatcherTest, K3_RunningCallbackDelaysShutdownCompletion) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdfkit::testing::Observer* observer;
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED, &observer);
  std::atomic<bool> release{false}, started{false}, read_canceled{false};
  async::PostTask(fdf_dispatcher_get_async_dispatcher(d), [&] {
    started = true;
    fdfkit::testing::HoldUntil(release);
  });
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return started.load(); }));
  Read read(remote_, [&](zx_status_t s) { read_canceled = s == ZX_ERR_CANCELED; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  fdf_dispatcher_shutdown_async(d);
  // The pool's one thread is inside the callback: nothing but the callback's end lets shutdown
  // complete (ShutdownAsync never completes it inline).
  EXPECT_FALSE(read_canceled.load());
  EXPECT_EQ(observer->calls.load(), 0);
  release = true;
  WaitForShutdown(d);
  EXPECT_TRUE(read_canceled.load());
  fdf_dispatcher_destroy(d);
}

TEST_F(DispatcherTest, K7_PeerWritesRacingShutdownAllGetCanceled) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  constexpr int kChannels = 1000;
  std::vector<fdf_handle_t> ends;
  std::vector<std::unique_ptr<Read>> reads;
  std::atomic<int> callbacks{0};
  for (int i = 0; i < kChannels; ++i) {
    fdf_handle_t a, b;
    ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
    ends.push_back(a);
    ends.push_back(b);
    reads.push_back(std::make_unique<Read>(b, [&](zx_status_t) { ++callbacks; }));
    ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, reads.back().get(), 0));
  }
  fdf_dispatcher_shutdown_async(d);
  for (int i = 0; i < kChannels; ++i) fdf_channel_write(ends[2 * i], 0, nullptr, nullptr, 0, nullptr, 0);
  WaitForShutdown(d);
  EXPECT_EQ(callbacks.load(), kChannels);  // exactly once each
  fdf_dispatcher_destroy(d);
  for (fdf_handle_t h : ends) fdf_handle_close(h);
}

TEST_F(DispatcherTest, L1_L2_G5_DriverShutdownAffectsOnlyThatDriverAndRefusesNewDispatchers) {
  fdf_dispatcher_t* a1 = CreateDispatcher(FakeDriver(1));
  fdf_dispatcher_t* b1 = CreateDispatcher(FakeDriver(2));
  fdf_dispatcher_t* b2 = CreateDispatcher(FakeDriver(2));
  struct DriverObserver : fdf_env_driver_shutdown_observer_t {
    int calls = 0;
    fdf_dispatcher_t* current = nullptr;
  } observer;
  observer.handler = [](const void*, fdf_env_driver_shutdown_observer_t* o) {
    auto* self = static_cast<DriverObserver*>(o);
    self->calls++;
    self->current = fdf_dispatcher_get_current_dispatcher();
  };
  ASSERT_EQ(ZX_OK, fdf_env_shutdown_dispatchers_async(FakeDriver(2), &observer));
  EXPECT_EQ(ZX_ERR_BAD_STATE, fdf_env_shutdown_dispatchers_async(FakeDriver(2), &observer));
  fdf_dispatcher_t* refused;
  EXPECT_EQ(ZX_ERR_BAD_STATE, fdf_env_dispatcher_create_with_owner(FakeDriver(2), 0, "x", 1, "", 0,
                                                                    nullptr, &refused));  // G5
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(observer.calls, 1);
  EXPECT_EQ(observer.current, b1);  // the driver's first dispatcher
  EXPECT_EQ(observer_of_[b1]->calls.load(), 1);
  EXPECT_EQ(observer_of_[b2]->calls.load(), 1);
  EXPECT_EQ(observer_of_[a1]->calls.load(), 0);
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_env_shutdown_dispatchers_async(FakeDriver(9), &observer));
  fdf_dispatcher_destroy(b1);
  fdf_dispatcher_destroy(b2);
}

TEST_F(DispatcherTest, M2_M3_M4_NPlusOneThreadsWithACap) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  EXPECT_EQ(fdf_env_get_thread_count(), 1u);
  std::vector<fdf_dispatcher_t*> blocking;
  for (uint32_t i = 0; i < 11; ++i) {
    blocking.push_back(CreateDispatcher(FakeDriver(20 + i), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS));
    EXPECT_EQ(fdf_env_get_thread_count(), std::min(i + 2, 10u));
  }
  for (auto* d : blocking) ShutdownAndDestroy(d);
  EXPECT_EQ(fdf_env_get_thread_count(), 10u);  // not reclaimed
  fdf_env_reset();
  EXPECT_EQ(fdf_env_get_thread_count(), 0u);
}

TEST_F(DispatcherTest, M5_BlockingCallbackDoesNotStallOtherDispatchers) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* blocking = CreateDispatcher(FakeDriver(2), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  fdf_dispatcher_t* other = CreateDispatcher(FakeDriver(3));
  std::atomic<bool> release{false}, other_ran{false}, blocker_done{false};
  async::PostTask(fdf_dispatcher_get_async_dispatcher(blocking), [&] {
    fdfkit::testing::HoldUntil(release);
    blocker_done = true;
  });
  async::PostTask(fdf_dispatcher_get_async_dispatcher(other), [&] { other_ran = true; });
  EXPECT_TRUE(fdfkit::testing::WaitUntil([&] { return other_ran.load(); }));
  release = true;
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return blocker_done.load(); }));
}

TEST_F(DispatcherTest, TestingModeRunUntilIdleRefusesWhileThreadsRun) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  EXPECT_EQ(ZX_ERR_BAD_STATE, fdf_testing_run_until_idle());
  EXPECT_EQ(ZX_ERR_BAD_STATE, fdf_env_start(0));
}

TEST_F(DispatcherTest, DefaultDispatcherForEmptyStacks) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  ASSERT_EQ(ZX_OK, fdf_testing_set_default_dispatcher(d));
  EXPECT_EQ(fdf_dispatcher_get_current_dispatcher(), d);
  fdf_env_register_driver_entry(FakeDriver(1));
  EXPECT_EQ(ZX_ERR_BAD_STATE, fdf_testing_set_default_dispatcher(nullptr));
  fdf_env_register_driver_exit();
  ASSERT_EQ(ZX_OK, fdf_testing_set_default_dispatcher(nullptr));
}

TEST_F(DispatcherTest, G6_NameAndSchedulerRoleAreOnlyHints) {
  std::string long_name(100, 'n');
  const char role[] = "fuchsia.devices.some-role";
  fdf_dispatcher_t* d;
  ASSERT_EQ(ZX_OK, fdf_env_dispatcher_create_with_owner(FakeDriver(2), 0, long_name.data(),
                                                        long_name.size(), role, sizeof(role) - 1,
                                                        nullptr, &d));
  EXPECT_EQ(fdf_internal::Dispatcher::From(d)->name(), std::string(ZX_MAX_NAME_LEN - 1, 'n'));
  EXPECT_EQ(fdf_dispatcher_get_options(d), 0u);
  bool ran = false;
  async::PostTask(fdf_dispatcher_get_async_dispatcher(d), [&] { ran = true; });
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_TRUE(ran);
  fdf_dispatcher_shutdown_async(d);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  fdf_dispatcher_destroy(d);
}

TEST_F(DispatcherTest, H1_WorkForADispatcherThatStoppedRunningIsOnlyCanceled) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  std::vector<zx_status_t> got;
  Read read(remote_, [&](zx_status_t s) { got.push_back(s); });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  fdf_dispatcher_shutdown_async(d);  // completes on the next run
  fdf_env_register_driver_entry(FakeDriver(1));
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_env_register_driver_exit();
  EXPECT_TRUE(got.empty());  // another driver wrote, yet nothing ran inline
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(got, std::vector<zx_status_t>{ZX_ERR_CANCELED});
}

TEST_F(DispatcherTest, H2_ABusySynchronizedDispatcherQueuesInsteadOfRunningInline) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  fdf_handle_t a, b;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
  std::atomic<bool> started{false}, release{false};
  std::mutex order_mu;
  std::vector<int> order;
  Read first(remote_, [&](zx_status_t) {
    started = true;
    fdfkit::testing::HoldUntil(release);
    std::lock_guard<std::mutex> lock(order_mu);
    order.push_back(1);
  });
  Read second(b, [&](zx_status_t) {
    std::lock_guard<std::mutex> lock(order_mu);
    order.push_back(2);
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &first, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &second, 0));
  std::thread busy([&] {  // driver 1's write runs the first handler inline, which blocks
    fdf_env_register_driver_entry(FakeDriver(1));
    fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0);
    fdf_env_register_driver_exit();
  });
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return started.load(); }));
  fdf_env_register_driver_entry(FakeDriver(3));
  ASSERT_EQ(ZX_OK, fdf_channel_write(a, 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_env_register_driver_exit();
  EXPECT_EQ(ReadyCount(d), 1u);  // the write returned without running the second handler
  {
    std::lock_guard<std::mutex> lock(order_mu);
    EXPECT_TRUE(order.empty());
  }
  release = true;
  busy.join();
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(order, (std::vector<int>{1, 2}));
  fdf_handle_close(a);
  fdf_handle_close(b);
}

TEST_F(DispatcherTest, H4_QueuedWorkRunsOnThePoolOnceThereIsAThread) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  const std::thread::id test_thread = std::this_thread::get_id();
  std::atomic<int> runs{0};
  std::atomic<bool> on_pool_thread{false};
  Read read(remote_, [&](zx_status_t) {
    on_pool_thread = std::this_thread::get_id() != test_thread;
    ++runs;
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  fdf_env_register_driver_entry(FakeDriver(2));  // the owner writes: reentrant
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_env_register_driver_exit();
  EXPECT_EQ(ReadyCount(d), 1u);
  EXPECT_EQ(runs.load(), 0);
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return runs.load() != 0; }));
  EXPECT_EQ(runs.load(), 1);
  EXPECT_TRUE(on_pool_thread.load());
}

TEST_F(DispatcherTest, H5_H8_ReentrancyIsPerDriverAcrossItsDispatchersAndChannels) {
  // Driver 1 writes to driver 2's first dispatcher: inline. From that handler, writes to driver
  // 1's second dispatcher (driver 1 is on the stack) and to driver 2's second dispatcher (driver
  // 2 is running) are both queued.
  fdf_dispatcher_t* d1b = CreateDispatcher(FakeDriver(1));
  fdf_dispatcher_t* d2a = CreateDispatcher(FakeDriver(2));
  fdf_dispatcher_t* d2b = CreateDispatcher(FakeDriver(2));
  fdf_handle_t x0, x1, y0, y1;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &x0, &x1));
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &y0, &y1));
  std::vector<std::string> log;
  Read on_d2a(remote_, [&](zx_status_t) {
    log.push_back("d2a");
    ASSERT_EQ(ZX_OK, fdf_channel_write(x0, 0, nullptr, nullptr, 0, nullptr, 0));
    ASSERT_EQ(ZX_OK, fdf_channel_write(y0, 0, nullptr, nullptr, 0, nullptr, 0));
    log.push_back("d2a returns");
  });
  Read on_d1b(x1, [&](zx_status_t) { log.push_back("d1b"); });
  Read on_d2b(y1, [&](zx_status_t) { log.push_back("d2b"); });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d2a, &on_d2a, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d1b, &on_d1b, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d2b, &on_d2b, 0));
  fdf_env_register_driver_entry(FakeDriver(1));
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_env_register_driver_exit();
  EXPECT_EQ(log, (std::vector<std::string>{"d2a", "d2a returns"}));
  EXPECT_EQ(ReadyCount(d1b), 1u);
  EXPECT_EQ(ReadyCount(d2b), 1u);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  ASSERT_EQ(log.size(), 4u);
  for (fdf_handle_t h : {x0, x1, y0, y1}) fdf_handle_close(h);
}

TEST_F(DispatcherTest, M4_RecreatingOneBlockingDispatcherReusesTheExtraThread) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  EXPECT_EQ(fdf_env_get_thread_count(), 1u);
  for (int i = 0; i < 2; ++i) {
    fdf_dispatcher_t* blocking =
        CreateDispatcher(FakeDriver(20 + i), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
    EXPECT_EQ(fdf_env_get_thread_count(), 2u);
    ShutdownAndDestroy(blocking);
    EXPECT_EQ(fdf_env_get_thread_count(), 2u);
  }
  fdf_env_reset();
  EXPECT_EQ(fdf_env_get_thread_count(), 0u);
}

TEST_F(DispatcherTest, M6_PoolThreadsAreNamed) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  std::atomic<bool> done{false};
  char name[16] = {};
  async::PostTask(fdf_dispatcher_get_async_dispatcher(d), [&] {
    pthread_getname_np(pthread_self(), name, sizeof(name));
    done = true;
  });
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return done.load(); }));
  EXPECT_STREQ(name, "fdf-dispatch-1");  // Fuchsia's fdf-dispatcher-thread-1, in Linux's 15 characters
}

TEST(DispatcherDeathTest, K8_DestroyBeforeShutdownAborts) {
  fdf_dispatcher_t* d;
  ASSERT_EQ(ZX_OK, fdf_env_dispatcher_create_with_owner(FakeDriver(5), 0, "x", 1, "", 0, nullptr, &d));
  EXPECT_DEATH(fdf_dispatcher_destroy(d), "before its shutdown completed");
  fdf_env_destroy_all_dispatchers();
}

}  // namespace
