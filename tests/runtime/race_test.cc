// Races the dispatcher guards against, made deterministic: the runtime's race hook runs test code
// at the exact point where a dispatcher operation has dropped its lock around a poller call (the
// window another thread would have to hit). Each test failed before its fix.
#include <lib/async/wait.h>
#include <lib/fdf/token.h>
#include <lib/zx/channel.h>
#include <lib/zx/event.h>

#include <vector>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdf_internal::RacePoint;
using fdfkit::testing::FakeDriver;

class RaceTest : public fdfkit::testing::RuntimeTest {
 protected:
  void TearDown() override {
    fdf_internal::SetRaceHookForTesting(nullptr, nullptr);
    RuntimeTest::TearDown();
  }

  // Runs `body` once, the first time the runtime reaches `point`.
  void OnceAt(RacePoint point, std::function<void()> body) {
    point_ = point;
    body_ = std::move(body);
    fdf_internal::SetRaceHookForTesting(
        [](RacePoint p, void* context) {
          auto* self = static_cast<RaceTest*>(context);
          if (p != self->point_ || !self->body_) return;
          std::function<void()> body = std::move(self->body_);
          self->body_ = nullptr;
          body();
        },
        this);
  }

  RacePoint point_{};
  std::function<void()> body_;
};

// The wait fires, runs and is begun again (reusing its pooled request) while CancelWait has its
// lock dropped; shutdown then parks the new wait for its CANCELED. The cancel must report
// NOT_FOUND (the handler ran) and leave the new wait alone: it still gets its CANCELED.
TEST_F(RaceTest, CancelWaitDoesNotWithdrawTheWaitThatReusedItsRequest) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  zx::event first, second;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &first));
  ASSERT_EQ(ZX_OK, zx::event::create(0, &second));
  std::vector<zx_status_t> calls;
  fdfkit::testing::Wait wait(first.get(), ZX_EVENT_SIGNALED, nullptr);
  wait.body = [&](zx_status_t status, const zx_packet_signal_t*) {
    calls.push_back(status);
    if (calls.size() == 1) {  // begin again, on an event nobody signals
      wait.object = second.get();
      EXPECT_EQ(ZX_OK, async_begin_wait(a, &wait));
    }
  };
  ASSERT_EQ(ZX_OK, async_begin_wait(a, &wait));
  OnceAt(RacePoint::kWithdrawBeforeRemove, [&] {
    ASSERT_EQ(ZX_OK, first.signal(0, ZX_EVENT_SIGNALED));
    ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());  // fires, runs, begins again
    ASSERT_EQ(calls.size(), 1u);
    fdf_dispatcher_shutdown_async(d);  // parks the new wait for its CANCELED
  });
  EXPECT_EQ(async_cancel_wait(a, &wait), ZX_ERR_NOT_FOUND);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(calls, (std::vector<zx_status_t>{ZX_OK, ZX_ERR_CANCELED}));
  EXPECT_EQ(observer_of_[d]->calls.load(), 1);
  fdf_dispatcher_destroy(d);
}

// BeginWait on an event already signalled: the poller fires it inside AddWait, and before
// ArmPollerWait takes its lock again the wait runs and is begun again on another event (same
// pooled request). The first registration's dead key must not overwrite the second's, or
// shutdown cannot remove the second wait and never completes.
TEST_F(RaceTest, AFiredWaitsKeyIsNotPublishedOverTheWaitThatReusedItsRequest) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  async_dispatcher_t* a = fdf_dispatcher_get_async_dispatcher(d);
  zx::event first, second;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &first));
  ASSERT_EQ(ZX_OK, zx::event::create(0, &second));
  ASSERT_EQ(ZX_OK, first.signal(0, ZX_EVENT_SIGNALED));
  std::vector<zx_status_t> calls;
  fdfkit::testing::Wait wait(first.get(), ZX_EVENT_SIGNALED, nullptr);
  wait.body = [&](zx_status_t status, const zx_packet_signal_t*) {
    calls.push_back(status);
    if (calls.size() == 1) {
      wait.object = second.get();
      EXPECT_EQ(ZX_OK, async_begin_wait(a, &wait));
    }
  };
  OnceAt(RacePoint::kArmAfterAddWait, [&] {
    ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());  // the fired wait runs and begins again
    ASSERT_EQ(calls.size(), 1u);
  });
  ASSERT_EQ(ZX_OK, async_begin_wait(a, &wait));
  fdf_dispatcher_shutdown_async(d);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  bool completed = observer_of_[d]->calls.load() == 1;
  EXPECT_TRUE(completed) << "shutdown did not complete: a wait it could not remove is pending";
  if (!completed) {  // let the stuck wait fire, so the test ends instead of hanging
    ASSERT_EQ(ZX_OK, second.signal(0, ZX_EVENT_SIGNALED));
    ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  }
  EXPECT_EQ(calls, (std::vector<zx_status_t>{ZX_OK, ZX_ERR_CANCELED}));
  fdf_dispatcher_destroy(d);
}

// A registration that arrives while a transfer is armed but not yet published (the token was
// watched first, so no one could close it under the watch) receives the handle exactly once, and
// the transfer leaves no watch or handle behind (the fixture checks for leaked handles).
TEST_F(RaceTest, ARegistrationBetweenArmingAndPublishingATransferReceivesTheHandle) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  zx::channel registrant, transferrer;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &registrant, &transferrer));
  fdf_handle_t local, remote;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &local, &remote));
  struct Handler : fdf_token_t {
    std::vector<std::pair<zx_status_t, fdf_handle_t>> calls;
  } handler;
  handler.handler = [](fdf_dispatcher_t*, fdf_token_t* t, zx_status_t s, fdf_handle_t h) {
    static_cast<Handler*>(t)->calls.push_back({s, h});
  };
  zx_status_t registered = ZX_ERR_INTERNAL;
  OnceAt(RacePoint::kTokenArmedNotPublished,
         [&] { registered = fdf_token_register(registrant.release(), d, &handler); });
  ASSERT_EQ(ZX_OK, fdf_token_transfer(transferrer.release(), remote));
  ASSERT_EQ(ZX_OK, registered);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  ASSERT_EQ(handler.calls.size(), 1u);
  EXPECT_EQ(handler.calls[0].first, ZX_OK);
  EXPECT_EQ(handler.calls[0].second, remote);
  // The received end still reaches its peer.
  EXPECT_EQ(ZX_OK, fdf_channel_write(local, 0, nullptr, nullptr, 0, nullptr, 0));
  EXPECT_EQ(ZX_OK, fdf_channel_read(remote, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
  ShutdownAndDestroy(d);
  fdf_handle_close(local);
  fdf_handle_close(remote);
}

// The registrant's token closes while the transfer is armed but not yet published: the watch
// fires before there is anything to find, and the transfer, seeing it fired, closes the handle
// (nobody can ever receive it) instead of publishing it to wait for ever.
TEST_F(RaceTest, APeerThatClosesBeforeTheTransferIsPublishedGetsTheHandleClosed) {
  zx::channel registrant, transferrer;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &registrant, &transferrer));
  fdf_handle_t local, remote;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &local, &remote));
  OnceAt(RacePoint::kTokenArmedNotPublished, [&] {
    registrant.reset();
    ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());  // the poller fires the transfer's watch
  });
  ASSERT_EQ(ZX_OK, fdf_token_transfer(transferrer.release(), remote));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_write(local, 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_handle_close(local);
}

}  // namespace
