// Threading-model rules I2, I4–I7 and M1.
#include <lib/async/cpp/task.h>
#include <lib/async/irq.h>
#include <lib/async/wait.h>
#include <lib/zx/event.h>
#include <lib/zx/interrupt.h>

#include <set>
#include <thread>

#include "runtime/fdf/thread_pool.h"
#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;

class ThreadingTest : public fdfkit::testing::RuntimeTest {
 protected:
  // Queues a message on a fresh channel read by `d`; `on_read` runs when it is delivered.
  void QueueRead(fdf_dispatcher_t* d, std::function<void(zx_status_t)> on_read) {
    fdf_handle_t a, b;
    ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
    channels_.push_back(a);
    channels_.push_back(b);
    reads_.push_back(std::make_unique<fdfkit::testing::Read>(b, std::move(on_read)));
    ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, reads_.back().get(), 0));
    fdf_arena_t* arena = NewArena();
    ASSERT_EQ(ZX_OK, WriteBytes(a, arena, "m", 1));  // from no driver: always queued
    fdf_arena_drop_ref(arena);
  }
  void TearDown() override {
    for (fdf_handle_t h : channels_) fdf_handle_close(h);
    RuntimeTest::TearDown();
  }
  // Unmanaged mode: one pool wake-up, i.e. one batch of one dispatcher.
  static bool RunOneBatch() { return fdf_internal::ThreadPool::Get().RunOne(); }

  std::vector<fdf_handle_t> channels_;
  std::vector<std::unique_ptr<fdfkit::testing::Read>> reads_;
};

TEST_F(ThreadingTest, I2_SynchronizedDispatcherIsNotPinnedToAThread) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  // A blocking-capable dispatcher makes the pool two threads wide.
  fdf_dispatcher_t* busy = CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  ASSERT_EQ(fdf_env_get_thread_count(), 2u);
  std::mutex mu;
  std::set<std::thread::id> threads;
  for (int i = 0; i < 200 && threads.size() < 2; ++i) {
    std::atomic<int> done{0};
    // Occupy whichever thread picks this up, so the next task may land on the other one.
    async::PostTask(fdf_dispatcher_get_async_dispatcher(busy), [&] {
      usleep(200);
      done++;
    });
    async::PostTask(fdf_dispatcher_get_async_dispatcher(d), [&] {
      std::lock_guard<std::mutex> lock(mu);
      threads.insert(std::this_thread::get_id());
      done++;
    });
    ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return done.load() == 2; }));
  }
  EXPECT_EQ(threads.size(), 2u);
  ShutdownAndDestroy(busy);
  ShutdownAndDestroy(d);
}

// A dispatcher with more ready work than one batch goes on running on the pool thread that ran
// the batch when nothing else waits: handing it to another thread would move every cache line it
// touches (and on a small machine wake a thread for nothing).
TEST_F(ThreadingTest, ADispatcherWithMoreWorkStaysOnItsThreadWhenNothingElseWaits) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  // Two pool threads, so the work could move.
  fdf_dispatcher_t* blocking =
      CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  ASSERT_EQ(fdf_env_get_thread_count(), 2u);
  std::atomic<bool> release{false};
  std::atomic<int> ran{0};
  std::mutex mu;
  std::vector<std::thread::id> threads;
  async::PostTask(fdf_dispatcher_get_async_dispatcher(d), [&] {
    fdfkit::testing::HoldUntil(release);
    ran++;
  });
  constexpr int kTasks = 500;  // every task is a batch of its own on a synchronized dispatcher
  for (int i = 0; i < kTasks; ++i) {
    async::PostTask(fdf_dispatcher_get_async_dispatcher(d), [&] {
      std::lock_guard<std::mutex> lock(mu);
      threads.push_back(std::this_thread::get_id());
      ran++;
    });
  }
  release.store(true);
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return ran.load() == kTasks + 1; }));
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(std::set<std::thread::id>(threads.begin(), threads.end()).size(), 1u);
  ShutdownAndDestroy(blocking);
  ShutdownAndDestroy(d);
}

using fdfkit::testing::OverlapDetector;

TEST_F(ThreadingTest, I4_WaitsAndIrqsOnASynchronizedDispatcherNeverRunInParallel) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* blocking =
      CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  fdf_dispatcher_t* blocking2 =
      CreateDispatcher(FakeDriver(3), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  ASSERT_EQ(fdf_env_get_thread_count(), 3u);
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  OverlapDetector detector;
  constexpr int kWaits = 8, kIrqs = 4;
  struct Wait : async_wait_t {
    OverlapDetector* detector;
  };
  std::vector<zx::event> events(kWaits);
  std::vector<Wait> waits(kWaits);
  for (int i = 0; i < kWaits; ++i) {
    ASSERT_EQ(ZX_OK, zx::event::create(0, &events[i]));
    waits[i].state = ASYNC_STATE_INIT;
    waits[i].object = events[i].get();
    waits[i].trigger = ZX_EVENT_SIGNALED;
    waits[i].options = 0;
    waits[i].detector = &detector;
    waits[i].handler = [](async_dispatcher_t*, async_wait_t* w, zx_status_t s,
                          const zx_packet_signal_t*) {
      if (s == ZX_OK) static_cast<Wait*>(w)->detector->Enter(500);
    };
    ASSERT_EQ(ZX_OK, async_begin_wait(a, &waits[i]));
  }
  struct Irq : async_irq_t {
    OverlapDetector* detector;
  };
  std::vector<zx::interrupt> interrupts(kIrqs);
  std::vector<Irq> irqs(kIrqs);
  for (int i = 0; i < kIrqs; ++i) {
    ASSERT_EQ(ZX_OK, zx::interrupt::create(zx::handle(), 0, ZX_INTERRUPT_VIRTUAL, &interrupts[i]));
    irqs[i].state = ASYNC_STATE_INIT;
    irqs[i].object = interrupts[i].get();
    irqs[i].detector = &detector;
    irqs[i].handler = [](async_dispatcher_t*, async_irq_t* irq, zx_status_t s,
                         const zx_packet_interrupt_t*) {
      if (s == ZX_OK) static_cast<Irq*>(irq)->detector->Enter(500);
    };
    ASSERT_EQ(ZX_OK, async_bind_irq(a, &irqs[i]));
  }
  for (auto& e : events) e.signal(0, ZX_EVENT_SIGNALED);
  for (auto& irq : interrupts) irq.trigger(0, 1);
  while (detector.calls.load() < kWaits + kIrqs) usleep(100);
  EXPECT_EQ(detector.max_inside.load(), 1);
  ShutdownAndDestroy(d);
  ShutdownAndDestroy(blocking);
  ShutdownAndDestroy(blocking2);
}

TEST_F(ThreadingTest, I5_SynchronizedBatchesStopBeforeAnAsyncOperation) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  std::vector<std::string> order;
  QueueRead(d, [&](zx_status_t) { order.push_back("read1"); });
  QueueRead(d, [&](zx_status_t) { order.push_back("read2"); });
  async::PostTask(fdf_dispatcher_get_async_dispatcher(d), [&] { order.push_back("task"); });
  QueueRead(d, [&](zx_status_t) { order.push_back("read3"); });
  ASSERT_TRUE(RunOneBatch());
  EXPECT_EQ(order, (std::vector<std::string>{"read1", "read2"}));
  ASSERT_TRUE(RunOneBatch());
  EXPECT_EQ(order, (std::vector<std::string>{"read1", "read2", "task"}));  // a batch of its own
  ASSERT_TRUE(RunOneBatch());
  EXPECT_EQ(order, (std::vector<std::string>{"read1", "read2", "task", "read3"}));
}

TEST_F(ThreadingTest, I5_AtMostTenCallbacksPerBatch) {
  for (uint32_t options : {0u, static_cast<uint32_t>(FDF_DISPATCHER_OPTION_UNSYNCHRONIZED)}) {
    fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(options ? 2 : 1), options);
    int delivered = 0;
    for (int i = 0; i < 12; ++i) QueueRead(d, [&](zx_status_t) { ++delivered; });
    ASSERT_TRUE(RunOneBatch());
    EXPECT_EQ(delivered, 10);
    ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
    EXPECT_EQ(delivered, 12);
    ShutdownAndDestroy(d);
  }
}

TEST_F(ThreadingTest, I5_CancelQueuedWorkFromAnotherQueuedCallbackAlwaysSucceeds) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  // A read cancels a queued task.
  struct Task : async_task_t {
    bool ran = false;
  } task;
  task.state = ASYNC_STATE_INIT;
  task.deadline = async_now(a);
  task.handler = [](async_dispatcher_t*, async_task_t* t, zx_status_t) {
    static_cast<Task*>(t)->ran = true;
  };
  zx_status_t cancel_task = ZX_ERR_INTERNAL;
  QueueRead(d, [&](zx_status_t) { cancel_task = async_cancel_task(a, &task); });
  ASSERT_EQ(ZX_OK, async_post_task(a, &task));
  // A task cancels a queued read.
  bool read_ran = false;
  zx_status_t cancel_read = ZX_ERR_INTERNAL;
  fdf_handle_t reader = FDF_HANDLE_INVALID;
  async::PostTask(a, [&] { cancel_read = fdf_channel_cancel_wait(reader); });
  QueueRead(d, [&](zx_status_t) { read_ran = true; });
  reader = reads_.back()->channel;
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(cancel_task, ZX_OK);
  EXPECT_FALSE(task.ran);
  EXPECT_EQ(cancel_read, ZX_OK);
  EXPECT_FALSE(read_ran);
}

TEST_F(ThreadingTest, I6_UnsynchronizedBatchWithWorkLeftReschedulesForASecondWorker) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  int delivered = 0;
  bool second_scheduled = false;
  QueueRead(d, [&](zx_status_t) {
    ++delivered;
    // While the first callback runs, the dispatcher is already queued again for another worker.
    if (delivered == 1) std::thread([&] { second_scheduled = RunOneBatch(); }).join();
  });
  QueueRead(d, [&](zx_status_t) { ++delivered; });
  ASSERT_TRUE(RunOneBatch());
  EXPECT_TRUE(second_scheduled);
  EXPECT_EQ(delivered, 2);
}

TEST_F(ThreadingTest, I7_IdleMeansNoCallbackRunningSoDirectCallsOvertakeTheQueue) {
  fdf_dispatcher_t* server = CreateDispatcher(FakeDriver(1));
  fdf_handle_t client_end, server_end;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &client_end, &server_end));
  channels_.push_back(client_end);
  channels_.push_back(server_end);
  std::vector<std::string> order;
  // Something sits in the server's queue, but nothing of the server runs.
  async::PostTask(fdf_dispatcher_get_async_dispatcher(server), [&] { order.push_back("task"); });
  fdfkit::testing::Read read(server_end, [&](zx_status_t) { order.push_back("read"); });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(server, &read, 0));
  fdf_env_register_driver_entry(FakeDriver(2));
  fdf_arena_t* arena = NewArena();
  ASSERT_EQ(ZX_OK, WriteBytes(client_end, arena, "x", 1));  // inline: overtakes the task
  fdf_arena_drop_ref(arena);
  fdf_env_register_driver_exit();
  EXPECT_EQ(order, std::vector<std::string>{"read"});
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(order, (std::vector<std::string>{"read", "task"}));
}

TEST_F(ThreadingTest, I1_BlockingCallbacksOfOneSynchronizedDispatcherLeaveTheOtherThreadFree) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  CreateDispatcher(FakeDriver(9), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);  // two pool threads
  ASSERT_EQ(fdf_env_get_thread_count(), 2u);
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  fdf_dispatcher_t* other = CreateDispatcher(FakeDriver(2));
  OverlapDetector detector;
  constexpr int kReads = 12;
  for (int i = 0; i < kReads; ++i) QueueRead(d, [&](zx_status_t) { detector.Enter(2000); });
  // While d works through its queue one callback at a time, the second thread serves `other`.
  std::atomic<int> other_ran_while_busy{0};
  for (int i = 0; i < 5; ++i) {
    std::atomic<bool> done{false};
    async::PostTask(fdf_dispatcher_get_async_dispatcher(other), [&] {
      if (detector.calls.load() < kReads) ++other_ran_while_busy;
      done = true;
    });
    ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return done.load(); }));
  }
  fdf_testing_wait_until_all_dispatchers_idle();
  EXPECT_EQ(detector.calls.load(), kReads);
  EXPECT_EQ(detector.max_inside.load(), 1);
  EXPECT_GE(other_ran_while_busy.load(), 1);
}

TEST_F(ThreadingTest, I3_QueuedCallbacksOfAnUnsynchronizedDispatcherUseEveryPoolThread) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  CreateDispatcher(FakeDriver(8), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  CreateDispatcher(FakeDriver(9), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  ASSERT_EQ(fdf_env_get_thread_count(), 3u);
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  OverlapDetector detector;
  constexpr int kReads = 22;
  for (int i = 0; i < kReads; ++i) QueueRead(d, [&](zx_status_t) { detector.Enter(3000); });
  fdf_testing_wait_until_all_dispatchers_idle();
  EXPECT_EQ(detector.calls.load(), kReads);
  EXPECT_EQ(detector.max_inside.load(), 3);
}

TEST_F(ThreadingTest, M1_OnePoolForAllDispatchersStartedByEnvStart) {
  fdf_dispatcher_t* a = CreateDispatcher(FakeDriver(1));
  fdf_dispatcher_t* b = CreateDispatcher(FakeDriver(2));
  EXPECT_EQ(fdf_env_get_thread_count(), 0u);  // unmanaged until started
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  EXPECT_EQ(fdf_env_get_thread_count(), 1u);
  // Both dispatchers are served by the single pool thread.
  std::atomic<int> done{0};
  std::thread::id ta, tb;
  async::PostTask(fdf_dispatcher_get_async_dispatcher(a), [&] { ta = std::this_thread::get_id(); done++; });
  async::PostTask(fdf_dispatcher_get_async_dispatcher(b), [&] { tb = std::this_thread::get_id(); done++; });
  while (done.load() < 2) usleep(50);
  EXPECT_EQ(ta, tb);
  EXPECT_NE(ta, std::this_thread::get_id());
  ShutdownAndDestroy(a);
  ShutdownAndDestroy(b);
}

}  // namespace
