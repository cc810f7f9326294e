// Rules J5 (interrupts bound to dispatchers) and J6 (user packets).
#include <lib/async/irq.h>
#include <lib/async/receiver.h>
#include <lib/async/cpp/task.h>
#include <lib/zx/event.h>
#include <lib/zx/interrupt.h>

#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;

struct Irq : async_irq_t {
  std::function<void(async_dispatcher_t*, zx_status_t, const zx_packet_interrupt_t*)> body;
  Irq(zx_handle_t object, decltype(body) f) : async_irq_t{}, body(std::move(f)) {
    state = ASYNC_STATE_INIT;
    this->object = object;
    handler = [](async_dispatcher_t* d, async_irq_t* irq, zx_status_t s,
                 const zx_packet_interrupt_t* p) { static_cast<Irq*>(irq)->body(d, s, p); };
  }
};

struct Receiver : async_receiver_t {
  std::vector<std::pair<zx_status_t, uint64_t>> got;  // status, first word (0 if no data)
  Receiver() : async_receiver_t{} {
    state = ASYNC_STATE_INIT;
    handler = [](async_dispatcher_t*, async_receiver_t* r, zx_status_t s,
                 const zx_packet_user_t* data) {
      static_cast<Receiver*>(r)->got.emplace_back(s, data ? data->u64[0] : 0);
    };
  }
};

class IrqTest : public fdfkit::testing::RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(ZX_OK, zx::interrupt::create(zx::handle(), 0, ZX_INTERRUPT_VIRTUAL, &interrupt_));
  }
  zx::interrupt interrupt_;
};

TEST_F(IrqTest, J5_BoundIrqDeliversEachTriggerWithItsTimestamp) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  std::vector<zx_time_t> stamps;
  fdf_dispatcher_t* current = nullptr;
  Irq irq(interrupt_.get(), [&](async_dispatcher_t*, zx_status_t s, const zx_packet_interrupt_t* p) {
    ASSERT_EQ(s, ZX_OK);
    stamps.push_back(p->timestamp);
    current = fdf_dispatcher_get_current_dispatcher();
  });
  ASSERT_EQ(ZX_OK, async_bind_irq(a, &irq));
  EXPECT_EQ(ZX_ERR_ALREADY_EXISTS, async_bind_irq(a, &irq));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_TRUE(stamps.empty());
  ASSERT_EQ(ZX_OK, interrupt_.trigger(0, 1000));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  ASSERT_EQ(ZX_OK, interrupt_.trigger(0, 2000));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(stamps, (std::vector<zx_time_t>{1000, 2000}));
  EXPECT_EQ(current, d);
  // Unbinding needs the dispatcher's own context.
  EXPECT_EQ(ZX_ERR_BAD_STATE, async_unbind_irq(a, &irq));
  zx_status_t unbind = ZX_ERR_INTERNAL, again = ZX_ERR_INTERNAL;
  async::PostTask(a, [&] {
    unbind = async_unbind_irq(a, &irq);
    again = async_unbind_irq(a, &irq);
  });
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(unbind, ZX_OK);
  EXPECT_EQ(again, ZX_ERR_NOT_FOUND);
  ASSERT_EQ(ZX_OK, interrupt_.trigger(0, 3000));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(stamps.size(), 2u);
}

TEST_F(IrqTest, J5_UnsynchronizedDispatchersCannotBindAndWrongObjectsAreRejected) {
  fdf_dispatcher_t* unsync = CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  Irq irq(interrupt_.get(), [](async_dispatcher_t*, zx_status_t, const zx_packet_interrupt_t*) {});
  EXPECT_EQ(ZX_ERR_NOT_SUPPORTED, async_bind_irq(fdf_dispatcher_get_async_dispatcher(unsync), &irq));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(2));
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  Irq not_an_irq(event.get(), [](async_dispatcher_t*, zx_status_t, const zx_packet_interrupt_t*) {});
  EXPECT_EQ(ZX_ERR_WRONG_TYPE, async_bind_irq(fdf_dispatcher_get_async_dispatcher(d), &not_an_irq));
  Irq stale(0x7ffffff3, [](async_dispatcher_t*, zx_status_t, const zx_packet_interrupt_t*) {});
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, async_bind_irq(fdf_dispatcher_get_async_dispatcher(d), &stale));
}

TEST_F(IrqTest, J5_UnbindFromAnotherDispatcherIsBadState) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  fdf_dispatcher_t* other = CreateDispatcher(FakeDriver(2));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  Irq irq(interrupt_.get(), [](async_dispatcher_t*, zx_status_t, const zx_packet_interrupt_t*) {});
  ASSERT_EQ(ZX_OK, async_bind_irq(a, &irq));
  zx_status_t from_other = ZX_ERR_INTERNAL;
  async::PostTask(fdf_dispatcher_get_async_dispatcher(other),
                  [&] { from_other = async_unbind_irq(a, &irq); });
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(from_other, ZX_ERR_BAD_STATE);
  ShutdownAndDestroy(d);  // the irq must not outlive its binding
}

TEST_F(IrqTest, J5_UnbindFromItsOwnHandlerStopsFurtherDelivery) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  int calls = 0;
  zx_status_t unbind = ZX_ERR_INTERNAL;
  Irq irq(interrupt_.get(), [&](async_dispatcher_t* ad, zx_status_t, const zx_packet_interrupt_t*) {
    ++calls;
    unbind = async_unbind_irq(ad, &irq);
  });
  ASSERT_EQ(ZX_OK, async_bind_irq(a, &irq));
  ASSERT_EQ(ZX_OK, interrupt_.trigger(0, 1));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(unbind, ZX_OK);
  ASSERT_EQ(ZX_OK, interrupt_.trigger(0, 2));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(calls, 1);
  // Unbound irqs are not cancelled at shutdown.
  ShutdownAndDestroy(d);
  EXPECT_EQ(calls, 1);
}

TEST_F(IrqTest, J5_TriggersDuringTheHandlerCoalesceIntoOneMoreCallback) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  std::vector<zx_time_t> stamps;
  Irq irq(interrupt_.get(), [&](async_dispatcher_t*, zx_status_t, const zx_packet_interrupt_t* p) {
    if (p == nullptr) return;  // shutdown
    stamps.push_back(p->timestamp);
    if (stamps.size() == 1) {
      interrupt_.trigger(0, 20);
      interrupt_.trigger(0, 30);
    }
  });
  ASSERT_EQ(ZX_OK, async_bind_irq(fdf_dispatcher_get_async_dispatcher(d), &irq));
  ASSERT_EQ(ZX_OK, interrupt_.trigger(0, 10));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(stamps, (std::vector<zx_time_t>{10, 20}));
  ShutdownAndDestroy(d);
}

TEST_F(IrqTest, J5_UnbindDropsAQueuedTrigger) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  std::atomic<int> calls{0};
  Irq irq(interrupt_.get(),
          [&](async_dispatcher_t*, zx_status_t, const zx_packet_interrupt_t*) { calls++; });
  ASSERT_EQ(ZX_OK, async_bind_irq(a, &irq));
  std::atomic<zx_status_t> unbind{ZX_ERR_INTERNAL};
  std::atomic<bool> done{false};
  async::PostTask(a, [&] {
    interrupt_.trigger(0, 1);
    // The poller queues the irq behind this task (the dispatcher is busy); unbinding drops it.
    zx_signals_t observed;
    zx_object_wait_one(interrupt_.get(), 1u << 4, ZX_TIME_INFINITE, &observed);
    // The poller has queued the irq behind this task.
    EXPECT_TRUE(fdfkit::testing::WaitUntil(
        [&] { return fdf_internal::Dispatcher::From(d)->ready_count_for_testing() == 1; }));
    unbind = async_unbind_irq(a, &irq);
    done = true;
  });
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return done.load(); }));
  ShutdownAndDestroy(d);
  EXPECT_EQ(unbind.load(), ZX_OK);
  EXPECT_EQ(calls.load(), 0);
}

TEST_F(IrqTest, J5_BoundIrqGetsOneCanceledAtShutdown) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  std::vector<zx_status_t> statuses;
  Irq irq(interrupt_.get(), [&](async_dispatcher_t*, zx_status_t s, const zx_packet_interrupt_t* p) {
    statuses.push_back(s);
    EXPECT_EQ(p == nullptr, s != ZX_OK);
  });
  ASSERT_EQ(ZX_OK, async_bind_irq(fdf_dispatcher_get_async_dispatcher(d), &irq));
  ASSERT_EQ(ZX_OK, interrupt_.trigger(0, 1));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  ShutdownAndDestroy(d);
  EXPECT_EQ(statuses, (std::vector<zx_status_t>{ZX_OK, ZX_ERR_CANCELED}));
}

TEST_F(IrqTest, J5_ATriggerQueuedAtShutdownEndsInOneCanceledCallback) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  std::mutex mu;
  std::vector<zx_status_t> statuses;
  Irq irq(interrupt_.get(), [&](async_dispatcher_t*, zx_status_t s, const zx_packet_interrupt_t*) {
    std::lock_guard<std::mutex> lock(mu);
    statuses.push_back(s);
  });
  ASSERT_EQ(ZX_OK, async_bind_irq(a, &irq));
  std::atomic<bool> done{false};
  async::PostTask(a, [&] {
    interrupt_.trigger(0, 1);
    // The trigger reaches the poller and queues behind this task.
    EXPECT_TRUE(fdfkit::testing::WaitUntil(
        [&] { return fdf_internal::Dispatcher::From(d)->ready_count_for_testing() == 1; }));
    fdf_dispatcher_shutdown_async(d);
    done = true;
  });
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return done.load(); }));
  WaitForShutdown(d);
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(statuses, std::vector<zx_status_t>{ZX_ERR_CANCELED});
  fdf_dispatcher_destroy(d);
}

TEST_F(IrqTest, J5_UnbindStillWorksAfterShutdownBegan) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  std::atomic<int> calls{0};
  Irq irq(interrupt_.get(), [&](async_dispatcher_t*, zx_status_t, const zx_packet_interrupt_t*) { calls++; });
  ASSERT_EQ(ZX_OK, async_bind_irq(a, &irq));
  std::atomic<zx_status_t> unbind{ZX_ERR_INTERNAL};
  async::PostTask(a, [&] {
    fdf_dispatcher_shutdown_async(d);
    unbind = async_unbind_irq(a, &irq);
  });
  WaitForShutdown(d);
  EXPECT_EQ(unbind.load(), ZX_OK);
  EXPECT_EQ(calls.load(), 0);  // unbound before shutdown could cancel it
  fdf_dispatcher_destroy(d);
}

TEST_F(IrqTest, J5_BindTriggerUnbindCyclesOnTenThreadsLeaveNoStrayCallback) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  constexpr int kThreads = 10, kCycles = 300;
  std::atomic<int> stray{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(10 + t));
    threads.emplace_back([&, d] {
      async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
      zx::interrupt interrupt;
      ASSERT_EQ(ZX_OK, zx::interrupt::create(zx::handle(), 0, ZX_INTERRUPT_VIRTUAL, &interrupt));
      Irq irq(interrupt.get(), [&](async_dispatcher_t*, zx_status_t, const zx_packet_interrupt_t*) { stray++; });
      for (int i = 0; i < kCycles; ++i) {
        std::atomic<bool> done{false};
        async::PostTask(a, [&] {
          irq.state = ASYNC_STATE_INIT;
          EXPECT_EQ(ZX_OK, async_bind_irq(a, &irq));
          EXPECT_EQ(ZX_OK, interrupt.trigger(0, i));
          EXPECT_EQ(ZX_OK, async_unbind_irq(a, &irq));
          done = true;
        });
        while (!done.load()) std::this_thread::yield();
      }
      fdf_dispatcher_shutdown_async(d);
    });
  }
  for (auto& t : threads) t.join();
  fdf_env_destroy_all_dispatchers();
  EXPECT_EQ(stray.load(), 0);
}

TEST_F(IrqTest, J6_QueuedPacketsArriveInOrderWithTheirOwnDataThenShutdownCancels) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  Receiver receiver;
  zx_packet_user_t packet{};
  for (uint64_t i = 1; i <= 3; ++i) {
    packet.u64[0] = i;
    ASSERT_EQ(ZX_OK, async_queue_packet(a, &receiver, &packet));
  }
  ASSERT_EQ(ZX_OK, async_queue_packet(a, &receiver, nullptr));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  using Got = std::vector<std::pair<zx_status_t, uint64_t>>;
  EXPECT_EQ(receiver.got, (Got{{ZX_OK, 1}, {ZX_OK, 2}, {ZX_OK, 3}, {ZX_OK, 0}}));
  receiver.got.clear();
  packet.u64[0] = 9;
  ASSERT_EQ(ZX_OK, async_queue_packet(a, &receiver, &packet));
  fdf_dispatcher_shutdown_async(d);
  EXPECT_EQ(ZX_ERR_BAD_STATE, async_queue_packet(a, &receiver, &packet));
  WaitForShutdown(d);
  fdf_dispatcher_destroy(d);
  EXPECT_EQ(receiver.got, (Got{{ZX_ERR_CANCELED, 0}}));
}

}  // namespace
