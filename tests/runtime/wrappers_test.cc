// The C++ wrappers over the C API.
#include <lib/fdf/cpp/arena.h>
#include <lib/fdf/cpp/channel.h>
#include <lib/fdf/cpp/channel_read.h>
#include <lib/fdf/cpp/dispatcher.h>
#include <lib/fdf/cpp/env.h>
#include <lib/fdf/cpp/protocol.h>
#include <lib/zx/channel.h>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;

class WrappersTest : public fdfkit::testing::RuntimeTest {};

TEST_F(WrappersTest, ChannelPairWriteReadAndChannelRead) {
  fdf_env_register_driver_entry(FakeDriver(1));
  auto pair = fdf::ChannelPair::Create(0);
  ASSERT_TRUE(pair.is_ok());
  bool shut_down = false;
  auto dispatcher = fdf::SynchronizedDispatcher::Create({}, "wrap", [&](fdf_dispatcher_t*) { shut_down = true; });
  ASSERT_TRUE(dispatcher.is_ok());
  EXPECT_EQ(dispatcher->options(), FDF_DISPATCHER_OPTION_SYNCHRONIZED);
  fdf::Arena arena('WRAP');
  std::string got;
  fdf::ChannelRead read(pair->end1.get(), 0, [&](fdf_dispatcher_t*, fdf::ChannelRead*, zx_status_t status) {
    ASSERT_EQ(status, ZX_OK);
    auto message = pair->end1.Read(0);
    ASSERT_TRUE(message.is_ok());
    got.assign(static_cast<char*>(message->data), message->num_bytes);
  });
  fdf_env_register_driver_exit();
  fdf_env_register_driver_entry(FakeDriver(2));  // another driver writes: the read runs inline
  ASSERT_EQ(ZX_OK, read.Begin(dispatcher->get()));
  EXPECT_TRUE(read.is_pending());
  EXPECT_EQ(ZX_ERR_ALREADY_EXISTS, read.Begin(dispatcher->get()));
  auto* data = static_cast<char*>(arena.Allocate(5));
  memcpy(data, "hello", 5);
  ASSERT_TRUE(pair->end0.Write(0, arena, data, 5, {}).is_ok());
  EXPECT_EQ(got, "hello");
  EXPECT_FALSE(read.is_pending());
  fdf_env_register_driver_exit();
  dispatcher->ShutdownAsync();
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_TRUE(shut_down);
}

TEST_F(WrappersTest, UnownedChannelsCompareAndDoNotClose) {
  fdf::UnownedChannel a, b;
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a < b);
  EXPECT_TRUE(a <= b);
  auto pair = fdf::ChannelPair::Create(0);
  ASSERT_TRUE(pair.is_ok());
  {
    fdf::UnownedChannel borrowed = pair->end0.borrow();
    EXPECT_TRUE(borrowed > a);
  }
  EXPECT_TRUE(pair->end1.Write(0, fdf::Arena('X'), nullptr, 0, {}).is_ok());
  fdf::Channel invalid;
  EXPECT_FALSE(invalid.is_valid());
  pair->end0.reset();
  EXPECT_FALSE(pair->end0.is_valid());
}

TEST_F(WrappersTest, ChannelWrappingZirconHandleClosesIt) {
  zx::channel a, b;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &a, &b));
  zx_handle_t raw = a.release();
  { fdf::Channel wrapped(raw); }
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(raw));
}

TEST_F(WrappersTest, UnsynchronizedDispatcherOptions) {
  fdf_env_register_driver_entry(FakeDriver(1));
  auto d = fdf::UnsynchronizedDispatcher::Create({}, "u", [](fdf_dispatcher_t*) {});
  fdf_env_register_driver_exit();
  ASSERT_TRUE(d.is_ok());
  EXPECT_EQ(d->options(), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  d->ShutdownAsync();
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
}

TEST_F(WrappersTest, DispatcherBuilderAndDriverShutdown) {
  int dispatcher_shutdowns = 0;
  auto sync = fdf_env::DispatcherBuilder::CreateSynchronizedWithOwner(
      FakeDriver(3), fdf::SynchronizedDispatcher::Options::kAllowSyncCalls, "s",
      [&](fdf_dispatcher_t*) { dispatcher_shutdowns++; });
  auto unsync = fdf_env::DispatcherBuilder::CreateUnsynchronizedWithOwner(
      FakeDriver(3), {}, "u", [&](fdf_dispatcher_t*) { dispatcher_shutdowns++; });
  ASSERT_TRUE(sync.is_ok());
  ASSERT_TRUE(unsync.is_ok());
  EXPECT_EQ(sync->options(),
            FDF_DISPATCHER_OPTION_SYNCHRONIZED | FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  fdf_env::DriverShutdown shutdown;
  const void* shut_down_driver = nullptr;
  int observer_calls = 0;
  ASSERT_TRUE(shutdown.Begin(FakeDriver(3), [&](const void* driver) {
    shut_down_driver = driver;
    observer_calls++;
    EXPECT_EQ(dispatcher_shutdowns, 2);  // after every dispatcher observer
  }).is_ok());
  EXPECT_EQ(shutdown.Begin(FakeDriver(3), [](const void*) {}).status_value(), ZX_ERR_BAD_STATE);
  fdf_env::DriverShutdown again;  // the driver is already shutting down
  EXPECT_EQ(again.Begin(FakeDriver(3), [](const void*) {}).status_value(), ZX_ERR_BAD_STATE);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(observer_calls, 1);
  EXPECT_EQ(shut_down_driver, FakeDriver(3));
  fdf_env::DriverShutdown none;
  EXPECT_EQ(none.Begin(FakeDriver(99), [](const void*) {}).status_value(), ZX_ERR_INVALID_ARGS);
}

TEST_F(WrappersTest, ProtocolRegisterConnectAndReceive) {
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(1));
  zx::channel token, peer_token;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &token, &peer_token));
  auto pair = fdf::ChannelPair::Create(0);
  ASSERT_TRUE(pair.is_ok());
  fdf_handle_t expected = pair->end0.get();
  fdf_handle_t connected = FDF_HANDLE_INVALID;
  std::vector<zx_status_t> statuses;
  fdf::Protocol protocol([&](fdf_dispatcher_t*, fdf::Protocol*, zx_status_t status,
                             fdf::Channel channel) {
    statuses.push_back(status);
    connected = channel.release();
  });
  ASSERT_EQ(ZX_OK, protocol.Register(std::move(token), d));
  EXPECT_TRUE(protocol.is_pending());
  zx::channel another, another_peer;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &another, &another_peer));
  EXPECT_EQ(ZX_ERR_BAD_STATE, protocol.Register(std::move(another), d));
  ASSERT_TRUE(fdf::ProtocolConnect(std::move(peer_token), std::move(pair->end0)).is_ok());
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(statuses, std::vector<zx_status_t>{ZX_OK});
  EXPECT_EQ(connected, expected);
  EXPECT_FALSE(protocol.is_pending());
  fdf::Channel owned(connected);

  // Receive: nothing transferred yet leaves the token with the caller; then it succeeds.
  zx::channel t0, t1;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &t0, &t1));
  EXPECT_EQ(fdf::ProtocolReceive(t0).status_value(), ZX_ERR_NOT_FOUND);
  EXPECT_TRUE(t0.is_valid());
  auto second = fdf::ChannelPair::Create(0);
  fdf_handle_t second_handle = second->end1.get();
  ASSERT_TRUE(fdf::ProtocolConnect(std::move(t1), std::move(second->end1)).is_ok());
  auto received = fdf::ProtocolReceive(t0);
  ASSERT_TRUE(received.is_ok());
  EXPECT_EQ(received->get(), second_handle);
  EXPECT_FALSE(t0.is_valid());
}

TEST_F(WrappersTest, ChannelsMoveAndResetWithoutLeakingHandles) {
  const uint32_t live = LiveHandles();
  {
    auto pair = fdf::ChannelPair::Create(0);
    ASSERT_TRUE(pair.is_ok());
    EXPECT_EQ(LiveHandles(), live + 2);
    fdf::Channel moved(std::move(pair->end0));
    EXPECT_FALSE(pair->end0.is_valid());
    EXPECT_TRUE(moved.is_valid());
    fdf::Channel assigned;
    assigned = std::move(moved);
    EXPECT_FALSE(moved.is_valid());
    EXPECT_TRUE(assigned.is_valid());
    assigned.reset();
    EXPECT_FALSE(assigned.is_valid());
    EXPECT_EQ(LiveHandles(), live + 1);
  }
  EXPECT_EQ(LiveHandles(), live);
}

}  // namespace
