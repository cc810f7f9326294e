// The poller runs no callback and no syscall under its lock: a callback that takes its time holds
// up neither other waits nor their removal, and Remove() of the key being fired waits for that
// callback to finish (its "false means finished" promise); an edge that arrives while a slot is
// being examined is looked at again.
#include <lib/zx/event.h>

#include <atomic>
#include <thread>

#include "runtime/fdf/poller.h"
#include "runtime/fdf/race_hook.h"
#include "tests/runtime/runtime_fixture.h"

namespace {

using fdf_internal::Poller;
using fdfkit::testing::HoldUntil;
using fdfkit::testing::WaitUntil;

// A fire callback that records its calls and stays busy until released.
struct BlockingFire {
  std::atomic<int> calls{0};
  std::atomic<bool> entered{false};
  std::atomic<bool> release{false};
  static void Fire(void* context, zx_signals_t) {
    auto* self = static_cast<BlockingFire*>(context);
    self->calls.fetch_add(1);
    self->entered.store(true);
    HoldUntil(self->release);
  }
};

void CountFire(void* context, zx_signals_t) {
  static_cast<std::atomic<int>*>(context)->fetch_add(1);
}

TEST(PollerTest, OtherWaitsAreAddedAndRemovedWhileACallbackRuns) {
  zx::event busy, other;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &busy));
  ASSERT_EQ(ZX_OK, zx::event::create(0, &other));
  ASSERT_EQ(ZX_OK, busy.signal(0, ZX_USER_SIGNAL_0));
  BlockingFire blocking;
  uint64_t busy_key = 0;
  // Already signalled: AddWait examines it itself and fires it on this thread.
  std::thread firing([&] {
    EXPECT_EQ(ZX_OK, Poller::Get().AddWait(busy.get(), ZX_USER_SIGNAL_0, &BlockingFire::Fire,
                                           &blocking, &busy_key));
  });
  ASSERT_TRUE(WaitUntil([&] { return blocking.entered.load(); }));

  std::atomic<bool> done{false};
  std::atomic<int> other_calls{0};
  std::thread meanwhile([&] {
    uint64_t key = 0;
    EXPECT_EQ(ZX_OK, Poller::Get().AddWait(other.get(), ZX_USER_SIGNAL_0, &CountFire,
                                           &other_calls, &key));
    EXPECT_TRUE(Poller::Get().Remove(key));
    done.store(true);
  });
  bool finished = WaitUntil([&] { return done.load(); }, std::chrono::seconds(10));
  blocking.release.store(true);
  meanwhile.join();
  firing.join();
  EXPECT_TRUE(finished) << "adding and removing another wait waited for a running callback";
  EXPECT_EQ(1, blocking.calls.load());
  EXPECT_EQ(0, other_calls.load());
  EXPECT_FALSE(Poller::Get().Remove(busy_key));  // fired: one-shot
}

TEST(PollerTest, RemoveOfTheFiringKeyReturnsOnlyAfterTheCallback) {
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  BlockingFire blocking;
  uint64_t key = 0;
  ASSERT_EQ(ZX_OK,
            Poller::Get().AddWait(event.get(), ZX_USER_SIGNAL_0, &BlockingFire::Fire, &blocking,
                                  &key));
  std::thread poller([] {
    while (Poller::Get().PollOnce(100) == 0) {
    }
  });
  ASSERT_EQ(ZX_OK, event.signal(0, ZX_USER_SIGNAL_0));
  ASSERT_TRUE(WaitUntil([&] { return blocking.entered.load(); }));

  std::atomic<bool> removed_returned{false};
  bool removed = true;
  std::thread remover([&] {
    removed = Poller::Get().Remove(key);
    removed_returned.store(true);
  });
  bool waiting = WaitUntil([] { return Poller::Get().firing_waiters_for_testing() == 1; });
  EXPECT_TRUE(waiting);
  EXPECT_FALSE(removed_returned.load()) << "Remove returned while its callback was running";
  blocking.release.store(true);
  remover.join();
  poller.join();
  EXPECT_FALSE(removed);  // it fired
  EXPECT_EQ(1, blocking.calls.load());
  EXPECT_EQ(0, Poller::Get().firing_waiters_for_testing());
}

TEST(PollerTest, ACallbackRemovingItsOwnKeyDoesNotDeadlock) {
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  struct Self {
    uint64_t key = 0;
    bool removed = true;
    std::atomic<int> calls{0};
  } self;
  ASSERT_EQ(ZX_OK, Poller::Get().AddWait(
                       event.get(), ZX_USER_SIGNAL_0,
                       [](void* context, zx_signals_t) {
                         auto* s = static_cast<Self*>(context);
                         s->removed = Poller::Get().Remove(s->key);
                         s->calls.fetch_add(1);
                       },
                       &self, &self.key));
  ASSERT_EQ(ZX_OK, event.signal(0, ZX_USER_SIGNAL_0));
  ASSERT_TRUE(WaitUntil([&] {
    Poller::Get().PollOnce(0);
    return self.calls.load() == 1;
  }));
  EXPECT_FALSE(self.removed);
}

// A signal raised after the examining thread read the signals, but before it let go of the slot:
// the poll that sees the edge meanwhile finds the slot firing and marks it missed, and the
// examining thread looks again. Without that, the edge would be consumed and the wait never fire.
TEST(PollerTest, AnEdgeSeenWhileTheSlotIsExaminedIsNotLost) {
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  // Triggers on signal 1 only: signal 0, already up, wakes the watch without matching.
  ASSERT_EQ(ZX_OK, event.signal(0, ZX_USER_SIGNAL_0));
  std::atomic<int> calls{0};
  struct Context {
    zx::event* event;
    bool done = false;
  } context{&event};
  fdf_internal::SetRaceHookForTesting(
      [](fdf_internal::RacePoint point, void* c) {
        auto* ctx = static_cast<Context*>(c);
        if (point != fdf_internal::RacePoint::kPollerExaminedNoMatch || ctx->done) return;
        ctx->done = true;
        EXPECT_EQ(ZX_OK, ctx->event->signal(0, ZX_USER_SIGNAL_1));
        // The edge reaches a poll that finds the slot being examined by this thread.
        EXPECT_EQ(0, Poller::Get().PollOnce(0));
      },
      &context);
  uint64_t key = 0;
  ASSERT_EQ(ZX_OK,
            Poller::Get().AddWait(event.get(), ZX_USER_SIGNAL_1, &CountFire, &calls, &key));
  fdf_internal::SetRaceHookForTesting(nullptr, nullptr);
  EXPECT_TRUE(context.done);
  EXPECT_EQ(1, calls.load());  // fired by AddWait's second look
  while (Poller::Get().PollOnce(0) > 0) {
  }
  EXPECT_EQ(1, calls.load());
  EXPECT_FALSE(Poller::Get().Remove(key));
}

}  // namespace
