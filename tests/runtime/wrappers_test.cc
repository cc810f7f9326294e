// The C++ wrappers over the C API.
#include <lib/fdf/cpp/arena.h>
#include <lib/fdf/cpp/channel.h>
#include <lib/fdf/cpp/channel_read.h>
#include <lib/fdf/cpp/dispatcher.h>
#include <lib/zx/channel.h>

#include "runtime_fixture.h"

namespace {

using fdf_test::FakeDriver;

class WrappersTest : public fdf_test::RuntimeTest {};

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

}  // namespace
