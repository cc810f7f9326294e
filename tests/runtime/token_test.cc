// Token rules N*.
#include <lib/fdf/token.h>
#include <lib/zx/channel.h>
#include <lib/zx/event.h>

#include <thread>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;
using fdfkit::testing::Observer;

struct TokenHandler : fdf_token_t {
  std::vector<zx_status_t> statuses;
  fdf_handle_t handle = FDF_HANDLE_INVALID;
  TokenHandler() : fdf_token_t{} {
    handler = [](fdf_dispatcher_t*, fdf_token_t* t, zx_status_t s, fdf_handle_t h) {
      auto* self = static_cast<TokenHandler*>(t);
      self->statuses.push_back(s);
      self->handle = h;
    };
  }
};

class TokenTest : public fdfkit::testing::RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(ZX_OK, zx::channel::create(0, &local_token_, &remote_token_));
    ASSERT_EQ(ZX_OK, fdf_channel_create(0, &ch0_, &ch1_));
    dispatcher_ = CreateDispatcher(FakeDriver(2));
  }
  void TearDown() override {
    fdf_handle_close(ch0_);
    fdf_handle_close(ch1_);
    RuntimeTest::TearDown();
  }
  zx::channel local_token_, remote_token_;
  fdf_handle_t ch0_ = 0, ch1_ = 0;
  fdf_dispatcher_t* dispatcher_ = nullptr;
};

TEST_F(TokenTest, N1_RegisterThenTransfer) {
  TokenHandler handler;
  ASSERT_EQ(ZX_OK, fdf_token_register(local_token_.release(), dispatcher_, &handler));
  ASSERT_EQ(ZX_OK, fdf_token_transfer(remote_token_.release(), ch1_));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(handler.statuses, std::vector<zx_status_t>{ZX_OK});
  EXPECT_EQ(handler.handle, ch1_);  // the value is unchanged
}

TEST_F(TokenTest, N1_TransferThenRegister) {
  TokenHandler handler;
  ASSERT_EQ(ZX_OK, fdf_token_transfer(remote_token_.release(), ch1_));
  ASSERT_EQ(ZX_OK, fdf_token_register(local_token_.release(), dispatcher_, &handler));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(handler.statuses, std::vector<zx_status_t>{ZX_OK});
  EXPECT_EQ(handler.handle, ch1_);
}

TEST_F(TokenTest, N2_ManyPendingTransfersMatchInAnyOrder) {
  constexpr int kCount = 1024;
  std::vector<zx::channel> registrants(kCount);
  std::vector<fdf_handle_t> sent(kCount), peers(kCount);
  for (int i = 0; i < kCount; ++i) {
    zx::channel transfer_side;
    ASSERT_EQ(ZX_OK, zx::channel::create(0, &registrants[i], &transfer_side));
    ASSERT_EQ(ZX_OK, fdf_channel_create(0, &sent[i], &peers[i]));
    ASSERT_EQ(ZX_OK, fdf_token_transfer(transfer_side.release(), sent[i]));
  }
  std::vector<TokenHandler> handlers(kCount);
  for (int k = 0; k < kCount; ++k) {
    int i = (k * 7) % kCount;
    ASSERT_EQ(ZX_OK, fdf_token_register(registrants[i].release(), dispatcher_, &handlers[i]));
  }
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  for (int i = 0; i < kCount; ++i) {
    EXPECT_EQ(handlers[i].statuses, std::vector<zx_status_t>{ZX_OK});
    EXPECT_EQ(handlers[i].handle, sent[i]);
    fdf_handle_close(sent[i]);
    fdf_handle_close(peers[i]);
  }
}

TEST_F(TokenTest, N3_RegisterOnShutDownDispatcherIsBadState) {
  ShutdownAndDestroy(dispatcher_);
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(3));
  fdf_dispatcher_shutdown_async(d);
  TokenHandler handler;
  EXPECT_EQ(ZX_ERR_BAD_STATE, fdf_token_register(local_token_.release(), d, &handler));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_TRUE(handler.statuses.empty());
  dispatcher_ = nullptr;
}

TEST_F(TokenTest, N4_ShutdownCancelsAndALaterTransferClosesTheChannel) {
  TokenHandler handler;
  ASSERT_EQ(ZX_OK, fdf_token_register(local_token_.release(), dispatcher_, &handler));
  ShutdownAndDestroy(dispatcher_);
  EXPECT_EQ(handler.statuses, std::vector<zx_status_t>{ZX_ERR_CANCELED});
  EXPECT_EQ(handler.handle, FDF_HANDLE_INVALID);
  ASSERT_EQ(ZX_OK, fdf_token_transfer(remote_token_.release(), ch1_));
  ch1_ = 0;
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_write(ch0_, 0, nullptr, nullptr, 0, nullptr, 0));
}

TEST_F(TokenTest, N5_N6_PeerTokenClosedCancels) {
  TokenHandler before, after;
  ASSERT_EQ(ZX_OK, fdf_token_register(local_token_.release(), dispatcher_, &before));
  remote_token_.reset();
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(before.statuses, std::vector<zx_status_t>{ZX_ERR_CANCELED});

  zx::channel a, b;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &a, &b));
  b.reset();
  ASSERT_EQ(ZX_OK, fdf_token_register(a.release(), dispatcher_, &after));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(after.statuses, std::vector<zx_status_t>{ZX_ERR_CANCELED});
}

TEST_F(TokenTest, N7_TransferToAClosedPeerClosesTheChannel) {
  ASSERT_EQ(ZX_OK, fdf_token_transfer(remote_token_.release(), ch1_));
  ch1_ = 0;
  local_token_.reset();  // never registered
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_write(ch0_, 0, nullptr, nullptr, 0, nullptr, 0));
}

TEST_F(TokenTest, N8_BadTokensHandlesAndArguments) {
  zx::eventpair e0, e1;
  ASSERT_EQ(ZX_OK, zx::eventpair::create(0, &e0, &e1));
  TokenHandler handler;
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_token_register(e0.release(), dispatcher_, &handler));
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_token_transfer(e1.release(), ch1_));
  ch1_ = 0;  // consumed
  fdf_handle_t stale, other;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &stale, &other));
  fdf_handle_close(stale);
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_token_transfer(remote_token_.release(), stale));
  fdf_handle_close(other);
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_token_register(local_token_.release(), nullptr, &handler));
}

TEST_F(TokenTest, N8_SameHandlerTwiceIsBadState) {
  TokenHandler handler;
  zx::channel a, b;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &a, &b));
  ASSERT_EQ(ZX_OK, fdf_token_register(local_token_.release(), dispatcher_, &handler));
  EXPECT_EQ(ZX_ERR_BAD_STATE, fdf_token_register(a.release(), dispatcher_, &handler));
  ASSERT_EQ(ZX_OK, fdf_token_transfer(remote_token_.release(), ch1_));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(handler.statuses, std::vector<zx_status_t>{ZX_OK});
}

TEST_F(TokenTest, Receive) {
  fdf_handle_t out;
  zx_handle_t registrant = local_token_.get();
  EXPECT_EQ(ZX_ERR_NOT_FOUND, fdf_token_receive(registrant, &out));
  ASSERT_EQ(ZX_OK, fdf_token_transfer(remote_token_.release(), ch1_));
  ASSERT_EQ(ZX_OK, fdf_token_receive(local_token_.release(), &out));
  EXPECT_EQ(out, ch1_);
}

TEST_F(TokenTest, N9_MatchedByTheRegisteringEndsKoidNotByAnyToken) {
  zx::channel other_local, other_remote;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &other_local, &other_remote));
  TokenHandler handler;
  ASSERT_EQ(ZX_OK, fdf_token_register(local_token_.release(), dispatcher_, &handler));
  // A transfer through an unrelated token pair does not reach this registration...
  fdf_handle_t a, b;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
  ASSERT_EQ(ZX_OK, fdf_token_transfer(other_remote.release(), a));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_TRUE(handler.statuses.empty());
  // ...only one through the registered end's peer does.
  ASSERT_EQ(ZX_OK, fdf_token_transfer(remote_token_.release(), ch1_));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(handler.statuses, std::vector<zx_status_t>{ZX_OK});
  EXPECT_EQ(handler.handle, ch1_);
  // The unrelated transfer is still waiting for its own registration.
  TokenHandler other;
  ASSERT_EQ(ZX_OK, fdf_token_register(other_local.release(), dispatcher_, &other));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(other.statuses, std::vector<zx_status_t>{ZX_OK});
  EXPECT_EQ(other.handle, a);
  fdf_handle_close(a);
  fdf_handle_close(b);
}

TEST_F(TokenTest, N7_TransferAfterThePeerTokenClosedClosesTheChannel) {
  local_token_.reset();  // closed before anyone transferred
  ASSERT_EQ(ZX_OK, fdf_token_transfer(remote_token_.release(), ch1_));
  ch1_ = 0;
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_write(ch0_, 0, nullptr, nullptr, 0, nullptr, 0));
}

TEST_F(TokenTest, N8_ReceiveRejectsWrongTokensAndNullOut) {
  zx::eventpair e0, e1;
  ASSERT_EQ(ZX_OK, zx::eventpair::create(0, &e0, &e1));
  fdf_handle_t out;
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_token_receive(e0.release(), &out));
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_token_receive(local_token_.get(), nullptr));
}

TEST_F(TokenTest, N5_PeerCloseRacingShutdownYieldsExactlyOneCancel) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  for (int i = 0; i < 50; ++i) {
    Observer* observer;
    fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(10 + i), 0, &observer);
    zx::channel mine, theirs;
    ASSERT_EQ(ZX_OK, zx::channel::create(0, &mine, &theirs));
    std::atomic<int> calls{0};
    std::atomic<zx_status_t> status{ZX_OK};
    struct Counting : fdf_token_t {
      std::atomic<int>* calls;
      std::atomic<zx_status_t>* status;
    } handler{};
    handler.calls = &calls;
    handler.status = &status;
    handler.handler = [](fdf_dispatcher_t*, fdf_token_t* t, zx_status_t s, fdf_handle_t) {
      auto* self = static_cast<Counting*>(t);
      self->status->store(s);
      self->calls->fetch_add(1);
    };
    ASSERT_EQ(ZX_OK, fdf_token_register(mine.release(), d, &handler));
    std::thread closer([&] { theirs.reset(); });
    fdf_dispatcher_shutdown_async(d);
    closer.join();
    WaitForShutdown(d);
    EXPECT_EQ(calls.load(), 1) << "round " << i;
    EXPECT_EQ(status.load(), ZX_ERR_CANCELED);
    fdf_dispatcher_destroy(d);
  }
}

}  // namespace
