// Channel rules A*, C*, D* and F* of the runtime reference (calls, E*, are in channel_call_test).
// A fake driver other than any dispatcher owner sits on the test thread, so deliveries are
// non-reentrant and may run inline.
#include <fcntl.h>
#include <lib/zx/channel.h>
#include <lib/zx/event.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/syscalls.h>

#include <set>
#include <thread>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;
using fdfkit::testing::Read;

using ChannelTest = fdfkit::testing::DriverThreadChannelTest;

TEST_F(ChannelTest, A1_HandleValuesHaveFdfLowBits) {
  EXPECT_NE(local_, 0u);
  EXPECT_EQ(local_ & 0x3u, 0x2u);
  EXPECT_EQ(remote_ & 0x3u, 0x2u);
}

TEST_F(ChannelTest, C1_MessagesAreFifoPerDirection) {
  for (uint32_t i = 0; i < 5; ++i) ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &i, sizeof(i)));
  for (uint32_t i = 0; i < 5; ++i) {
    fdf_arena_t* arena;
    void* data;
    uint32_t n;
    ASSERT_EQ(ZX_OK, fdf_channel_read(remote_, 0, &arena, &data, &n, nullptr, nullptr));
    EXPECT_EQ(n, 4u);
    EXPECT_EQ(*static_cast<uint32_t*>(data), i);
    fdf_arena_drop_ref(arena);
  }
  EXPECT_EQ(ZX_ERR_SHOULD_WAIT, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
}

TEST_F(ChannelTest, C2_EmptyMessageRoundTrips) {
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_arena_t* arena = reinterpret_cast<fdf_arena_t*>(1);
  void* data = reinterpret_cast<void*>(1);
  zx_handle_t* handles = reinterpret_cast<zx_handle_t*>(1);
  uint32_t n = 9, nh = 9;
  ASSERT_EQ(ZX_OK, fdf_channel_read(remote_, 0, &arena, &data, &n, &handles, &nh));
  EXPECT_EQ(arena, nullptr);
  EXPECT_EQ(data, nullptr);
  EXPECT_EQ(handles, nullptr);
  EXPECT_EQ(n, 0u);
  EXPECT_EQ(nh, 0u);
}

TEST_F(ChannelTest, C3_C4_C5_BuffersMustLieInTheArena) {
  char on_stack[16];
  void* data = fdf_arena_allocate(arena_, 16);
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_write(local_, 0, nullptr, data, 16, nullptr, 0));
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_write(local_, 0, arena_, on_stack, 16, nullptr, 0));
  zx_handle_t handles_on_stack[1] = {0};
  EXPECT_EQ(ZX_ERR_INVALID_ARGS,
            fdf_channel_write(local_, 0, arena_, nullptr, 0, handles_on_stack, 1));
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_write(local_, 0, arena_, nullptr, 4, nullptr, 0));
}

TEST_F(ChannelTest, C6_ClosedFdfHandleCannotBeTransferred) {
  fdf_handle_t a, b;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
  fdf_handle_close(a);
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, sizeof(zx_handle_t)));
  handles[0] = a;
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_write(local_, 0, arena_, nullptr, 0, handles, 1));
  fdf_handle_close(b);
}

TEST_F(ChannelTest, C7_WritingAnEndIntoItselfIsNotSupported) {
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, sizeof(zx_handle_t)));
  handles[0] = local_;
  EXPECT_EQ(ZX_ERR_NOT_SUPPORTED, fdf_channel_write(local_, 0, arena_, nullptr, 0, handles, 1));
  // The writing end survives the failure.
  EXPECT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
}

TEST_F(ChannelTest, C8_EndWithPendingWaitCannotBeTransferred) {
  fdf_handle_t a, b;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
  Read read(a);
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, sizeof(zx_handle_t)));
  handles[0] = a;
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_write(local_, 0, arena_, nullptr, 0, handles, 1));
  // Consumed on failure: `a` is closed and its wait was cancelled with it.
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_channel_read(a, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
  fdf_handle_close(b);
}

TEST_F(ChannelTest, C9_WriteToClosedPeerAfterArgumentChecks) {
  fdf_handle_close(remote_);
  remote_ = 0;
  char on_stack[4];
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_write(local_, 0, arena_, on_stack, 4, nullptr, 0));
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
}

TEST_F(ChannelTest, C10_HandlesAreConsumedWhenTheWriteFails) {
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  fdf_handle_close(remote_);
  remote_ = 0;
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, sizeof(zx_handle_t)));
  handles[0] = event.release();
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_write(local_, 0, arena_, nullptr, 0, handles, 1));
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(handles[0]));
}

// An fd the caller owns, as a Zircon handle value, and whether it is still open.
zx_handle_t OwnedPipeHandle(int* other_end) {
  int fds[2];
  EXPECT_EQ(0, pipe(fds));
  *other_end = fds[1];
  return zx_linux_handle_from_fd(fds[0]);
}
bool StillOpen(zx_handle_t handle) { return fcntl(zx_linux_handle_to_fd(handle), F_GETFD) >= 0; }

// A table that fails validation is never read: not its entries, not the arena memory past them.
TEST_F(ChannelTest, C10_AnInvalidHandleTableIsNeverReadOrConsumed) {
  int write_end;
  zx_handle_t owned = OwnedPipeHandle(&write_end);
  // Eight entries in the arena, then more of the caller's fd values right behind them.
  auto* table = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, 64 * sizeof(zx_handle_t)));
  for (int i = 0; i < 64; ++i) table[i] = owned;
  zx_handle_t on_stack[1] = {owned};
  struct Case {
    const char* what;
    fdf_arena_t* arena;
    zx_handle_t* handles;
    uint32_t num_handles;
  } cases[] = {
      {"more entries than a message may carry", arena_, table, 4096},
      {"one more than the maximum", arena_, table, ZX_CHANNEL_MAX_MSG_HANDLES + 1},
      {"a table outside the arena", arena_, on_stack, 1},
      {"a table without an arena", nullptr, table, 1},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ZX_ERR_INVALID_ARGS,
              fdf_channel_write(local_, 0, c.arena, nullptr, 0, c.handles, c.num_handles))
        << c.what;
    EXPECT_TRUE(StillOpen(owned)) << c.what << " closed a handle it named";
    fdf_channel_call_args_t args{};
    args.wr_arena = c.arena;
    args.wr_handles = c.handles;
    args.wr_num_handles = c.num_handles;
    EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_call(local_, 0, ZX_TIME_INFINITE, &args)) << c.what;
    EXPECT_TRUE(StillOpen(owned)) << c.what << " (call) closed a handle it named";
  }
  EXPECT_EQ(ZX_ERR_INVALID_ARGS,
            fdf_channel_write(local_, 0, arena_, nullptr, 0, nullptr, 3));  // no table at all
  EXPECT_EQ(ZX_OK, zx_handle_close(owned));
  close(write_end);
}

// Once the table is valid, every failure consumes it: bad data, a duplicate, the channel itself,
// a busy transferred end, a closed peer (C10).
TEST_F(ChannelTest, C10_AValidHandleTableIsConsumedByEveryFailure) {
  fdf_handle_t busy_local, busy_remote;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &busy_local, &busy_remote));
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(7));
  fdfkit::testing::Read pending(busy_local);
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &pending, 0));
  char on_stack[4];
  struct Case {
    const char* what;
    zx_status_t expected;
    void* data;
    uint32_t num_bytes;
    int extra;  // 0: none; 1: the same handle again; 2: the writing channel; 3: the busy end
  } cases[] = {
      {"data outside the arena", ZX_ERR_INVALID_ARGS, on_stack, 4, 0},
      {"bytes without data", ZX_ERR_INVALID_ARGS, nullptr, 4, 0},
      {"a duplicate", ZX_ERR_INVALID_ARGS, nullptr, 0, 1},
      {"the writing channel itself", ZX_ERR_NOT_SUPPORTED, nullptr, 0, 2},
      {"a transferred end with a pending wait", ZX_ERR_INVALID_ARGS, nullptr, 0, 3},
  };
  for (const Case& c : cases) {
    int write_end;
    zx_handle_t owned = OwnedPipeHandle(&write_end);
    auto* table = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, 2 * sizeof(zx_handle_t)));
    table[0] = owned;
    table[1] = c.extra == 1 ? owned : c.extra == 2 ? local_ : busy_local;
    uint32_t n = c.extra == 0 ? 1 : 2;
    EXPECT_EQ(c.expected, fdf_channel_write(local_, 0, arena_, c.data, c.num_bytes, table, n))
        << c.what;
    EXPECT_FALSE(StillOpen(owned)) << c.what << " left a transferred handle open";
    close(write_end);
  }
  // The busy end was consumed with its table: closing it cancelled its wait.
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_channel_cancel_wait(busy_local));
  ShutdownAndDestroy(d);
  fdf_handle_close(busy_remote);
}

TEST_F(ChannelTest, C11_A4_ZeroCopyPointersAndHandleValuesArePreserved) {
  fdf_handle_t a, b;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
  auto* data = static_cast<char*>(fdf_arena_allocate(arena_, 24 * 1024));
  for (int i = 0; i < 24 * 1024; ++i) data[i] = static_cast<char>(i);
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, sizeof(zx_handle_t)));
  handles[0] = a;
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, arena_, data, 24 * 1024, handles, 1));
  fdf_arena_t* arena;
  void* got;
  zx_handle_t* got_handles;
  uint32_t n, nh;
  ASSERT_EQ(ZX_OK, fdf_channel_read(remote_, 0, &arena, &got, &n, &got_handles, &nh));
  EXPECT_EQ(got, data);
  EXPECT_EQ(got_handles, handles);
  EXPECT_EQ(arena, arena_);
  ASSERT_EQ(nh, 1u);
  EXPECT_EQ(got_handles[0], a);
  EXPECT_TRUE(fdf_arena_contains(arena, got, n));
  // The transferred end still reaches its peer.
  EXPECT_EQ(ZX_OK, fdf_channel_write(got_handles[0], 0, nullptr, nullptr, 0, nullptr, 0));
  EXPECT_EQ(ZX_OK, fdf_channel_read(b, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
  fdf_handle_close(a);
  fdf_handle_close(b);
  fdf_arena_drop_ref(arena);
}

TEST_F(ChannelTest, B7_ReaderKeepsTheArenaAliveAfterTheWriterDropsIt) {
  fdf_arena_t* arena = NewArena();
  auto* data = static_cast<uint64_t*>(fdf_arena_allocate(arena, 8));
  *data = 0x1122334455667788;
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, arena, data, 8, nullptr, 0));
  fdf_arena_drop_ref(arena);
  fdf_arena_t* reader_arena;
  void* got;
  ASSERT_EQ(ZX_OK, fdf_channel_read(remote_, 0, &reader_arena, &got, nullptr, nullptr, nullptr));
  EXPECT_EQ(*static_cast<uint64_t*>(got), 0x1122334455667788u);
  // The reader may reuse the arena to reply.
  EXPECT_EQ(ZX_OK, fdf_channel_write(remote_, 0, reader_arena, got, 8, nullptr, 0));
  fdf_arena_drop_ref(reader_arena);
}

TEST_F(ChannelTest, C12_ReadEmptyAndClosed) {
  EXPECT_EQ(ZX_ERR_SHOULD_WAIT, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
  uint32_t v = 5;
  ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &v, 4));
  fdf_handle_close(local_);
  local_ = 0;
  EXPECT_EQ(ZX_OK, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
}

TEST_F(ChannelTest, C13_ReadOutputsWithoutArenaAreRejectedAndTheMessageStays) {
  uint32_t v = 5;
  ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &v, 4));
  void* data;
  zx_handle_t* handles;
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_read(remote_, 0, nullptr, &data, nullptr, nullptr, nullptr));
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, &handles, nullptr));
  EXPECT_EQ(ZX_OK, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
}

TEST_F(ChannelTest, C14_ClosingAnEndClosesHandlesInItsQueue) {
  fdf_handle_t a, b;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, sizeof(zx_handle_t)));
  handles[0] = a;
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, arena_, nullptr, 0, handles, 1));
  zx_status_t got = ZX_OK;
  Read read(b, [&](zx_status_t s) { got = s; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  fdf_handle_close(remote_);  // destroys the unread message and the end inside it
  remote_ = 0;
  EXPECT_EQ(got, ZX_ERR_PEER_CLOSED);  // delivered inline: FakeDriver(1) is not the owner
  fdf_handle_close(b);
}

TEST_F(ChannelTest, C15_ConcurrentReadersGetDistinctMessagesInOrder) {
  for (uint64_t i = 1; i <= 2000; ++i) ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &i, 8));
  std::vector<uint64_t> seen[2];
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&, r] {
      for (int i = 0; i < 1000; ++i) {
        fdf_arena_t* arena;
        void* data;
        ASSERT_EQ(ZX_OK, fdf_channel_read(remote_, 0, &arena, &data, nullptr, nullptr, nullptr));
        seen[r].push_back(*static_cast<uint64_t*>(data));
        fdf_arena_drop_ref(arena);
      }
    });
  }
  for (auto& t : readers) t.join();
  std::set<uint64_t> all;
  for (auto& v : seen) {
    EXPECT_TRUE(std::is_sorted(v.begin(), v.end()));
    all.insert(v.begin(), v.end());
  }
  EXPECT_EQ(all.size(), 2000u);
  EXPECT_EQ(*all.begin(), 1u);
  EXPECT_EQ(*all.rbegin(), 2000u);
}

TEST_F(ChannelTest, C16_DeeplyNestedChannelsTearDown) {
  // remote_'s queue holds b1, b1's queue holds b2, ... to depth 200.
  fdf_handle_t current = local_;
  std::vector<fdf_handle_t> writers;
  for (int i = 0; i < 200; ++i) {
    fdf_handle_t a, b;
    ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
    auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, sizeof(zx_handle_t)));
    handles[0] = b;
    ASSERT_EQ(ZX_OK, fdf_channel_write(current, 0, arena_, nullptr, 0, handles, 1));
    writers.push_back(a);
    current = a;
  }
  for (fdf_handle_t a : writers) fdf_handle_close(a);
  fdf_handle_close(remote_);  // tears the whole chain down recursively
  fdf_handle_close(local_);
  local_ = remote_ = 0;
}

TEST_F(ChannelTest, D1_HandlerMayRegisterAgain) {
  int reads = 0;
  Read read(remote_);
  read.on_ready = [&](zx_status_t s) {
    ASSERT_EQ(s, ZX_OK);
    uint32_t* v;
    fdf_arena_t* arena;
    ASSERT_EQ(ZX_OK, fdf_channel_read(remote_, 0, &arena, reinterpret_cast<void**>(&v), nullptr,
                                      nullptr, nullptr));
    EXPECT_EQ(*v, static_cast<uint32_t>(reads));
    fdf_arena_drop_ref(arena);
    if (++reads < 10) {
      ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
    }
  };
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  for (uint32_t i = 0; i < 10; ++i) ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &i, 4));
  EXPECT_EQ(reads, 10);  // every delivery was inline
}

TEST_F(ChannelTest, D2_H9_WaitOnQueuedMessageRunsInlineInsideWaitAsync) {
  uint32_t v = 1;
  ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &v, 4));
  bool ran = false;
  Read read(remote_, [&](zx_status_t s) { ran = s == ZX_OK; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  EXPECT_TRUE(ran);
}

TEST_F(ChannelTest, D3_SecondWaitOnTheSameEndIsBadState) {
  std::vector<int> fired;
  Read first(remote_, [&](zx_status_t) { fired.push_back(1); });
  Read second(remote_, [&](zx_status_t) { fired.push_back(2); });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &first, 0));
  EXPECT_EQ(ZX_ERR_BAD_STATE, fdf_channel_wait_async(dispatcher_, &second, 0));
  uint32_t v = 1;
  ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &v, 4));
  EXPECT_EQ(fired, std::vector<int>{1});  // the first registration is untouched
}

TEST_F(ChannelTest, D4_WaitWithClosedPeerAndNothingQueued) {
  fdf_handle_close(local_);
  local_ = 0;
  Read read(remote_);
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_wait_async(dispatcher_, &read, 0));
}

TEST_F(ChannelTest, D5_WaitOnShuttingDownDispatcherIsUnavailable) {
  fdf_dispatcher_shutdown_async(dispatcher_);
  Read read(remote_);
  EXPECT_EQ(ZX_ERR_UNAVAILABLE, fdf_channel_wait_async(dispatcher_, &read, 0));
}

TEST_F(ChannelTest, D6_F2_PeerCloseWakesARegisteredWait) {
  zx_status_t got = ZX_OK;
  Read read(remote_, [&](zx_status_t s) { got = s; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  fdf_handle_close(local_);
  local_ = 0;
  EXPECT_EQ(got, ZX_ERR_PEER_CLOSED);
}

TEST_F(ChannelTest, F2_QueuedMessagesAreReadableAfterPeerClose) {
  uint32_t v = 3;
  ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &v, 4));
  fdf_handle_close(local_);
  local_ = 0;
  zx_status_t got = ZX_ERR_INTERNAL;
  Read read(remote_, [&](zx_status_t s) { got = s; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  EXPECT_EQ(got, ZX_OK);
}

TEST_F(ChannelTest, D8_SynchronizedCancelOfRegisteredWaitNeverCallsTheHandler) {
  bool ran = false;
  Read read(remote_, [&](zx_status_t) { ran = true; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  EXPECT_EQ(ZX_OK, fdf_channel_cancel_wait(remote_));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_FALSE(ran);
  EXPECT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));  // a fresh wait is fine
  EXPECT_EQ(ZX_OK, fdf_channel_cancel_wait(remote_));
}

TEST_F(ChannelTest, D8_SynchronizedCancelOfQueuedWaitShrinksTheQueue) {
  bool ran = false;
  Read read(remote_, [&](zx_status_t) { ran = true; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  fdf_env_register_driver_entry(FakeDriver(10));  // the owner: the write is reentrant → queued
  uint32_t v = 1;
  ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &v, 4));
  fdf_env_register_driver_exit();
  EXPECT_FALSE(ran);
  EXPECT_EQ(ZX_OK, fdf_channel_cancel_wait(remote_));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_FALSE(ran);
}

TEST_F(ChannelTest, D9_UnsynchronizedCancelDeliversCanceled) {
  fdf_dispatcher_t* unsync = CreateDispatcher(FakeDriver(11), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  std::vector<zx_status_t> got;
  Read read(remote_, [&](zx_status_t s) { got.push_back(s); });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(unsync, &read, 0));
  EXPECT_EQ(ZX_OK, fdf_channel_cancel_wait(remote_));
  EXPECT_EQ(ZX_ERR_BAD_STATE, fdf_channel_wait_async(unsync, &read, 0));  // still pending
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(got, std::vector<zx_status_t>{ZX_ERR_CANCELED});
  EXPECT_EQ(ZX_ERR_NOT_FOUND, fdf_channel_cancel_wait(remote_));
}

TEST_F(ChannelTest, D10_CancelWithoutWaitIsNotFound) {
  EXPECT_EQ(ZX_ERR_NOT_FOUND, fdf_channel_cancel_wait(remote_));
}

TEST_F(ChannelTest, D11_ClosingAnEndWithAPendingWaitCancelsIt) {
  bool ran = false;
  Read read(remote_, [&](zx_status_t) { ran = true; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  fdf_handle_close(remote_);
  remote_ = 0;
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_FALSE(ran);  // synchronized: removed like a cancel
}

TEST_F(ChannelTest, D12_HandlerMayCloseItsChannel) {
  Read read(remote_, [&](zx_status_t) {
    fdf_handle_close(remote_);
    remote_ = 0;
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  uint32_t v = 1;
  ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &v, 4));
  EXPECT_EQ(remote_, 0u);
}

TEST_F(ChannelTest, A3_StaleAndForgedHandlesAreBadHandle) {
  fdf_handle_t a, b;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
  fdf_handle_close(a);
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_channel_write(a, 0, nullptr, nullptr, 0, nullptr, 0));
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_channel_read(a, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_channel_cancel_wait(a));
  Read read(a);
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_channel_wait_async(dispatcher_, &read, 0));
  fdf_handle_t forged = 0x7ffffff2;
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_channel_write(forged, 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_handle_close(forged);  // ignored
  // The reused slot's new value never equals the stale one.
  fdf_handle_t c, d;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &c, &d));
  EXPECT_NE(c, a);
  EXPECT_NE(d, a);
  fdf_handle_close(b);
  fdf_handle_close(c);
  fdf_handle_close(d);
}

TEST_F(ChannelTest, CreateAllThePairs) {
  for (int i = 0; i < 100000; ++i) {
    fdf_handle_t a, b;
    ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
    fdf_handle_close(a);
    fdf_handle_close(b);
  }
}

TEST_F(ChannelTest, ZirconHandleTravelsThroughAnFdfChannel) {
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  zx_handle_t value = event.get();
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, 4));
  handles[0] = event.release();
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, arena_, nullptr, 0, handles, 1));
  fdf_arena_t* arena;
  zx_handle_t* got;
  uint32_t n;
  ASSERT_EQ(ZX_OK, fdf_channel_read(remote_, 0, &arena, nullptr, nullptr, &got, &n));
  ASSERT_EQ(n, 1u);
  EXPECT_EQ(got[0], value);
  EXPECT_EQ(ZX_OK, zx_handle_close(got[0]));
  fdf_arena_drop_ref(arena);
}

TEST_F(ChannelTest, A5_CloseFreesTheSlotAndLeavesThePeerAlone) {
  const uint32_t live = LiveHandles();
  fdf_handle_close(local_);
  EXPECT_EQ(LiveHandles(), live - 1);
  fdf_handle_close(local_);  // a second close of the stale value changes nothing
  EXPECT_EQ(LiveHandles(), live - 1);
  local_ = 0;
  // The peer still resolves; it only learns that its peer is gone.
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
}

TEST_F(ChannelTest, A4_TransferredEndsKeepWorkingWithTheReadersArena) {
  fdf_handle_t a0, a1, b0, b1;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a0, &a1));
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &b0, &b1));
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, 2 * sizeof(zx_handle_t)));
  handles[0] = a1;
  handles[1] = b1;
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, arena_, nullptr, 0, handles, 2));
  fdf_arena_t* arena;
  zx_handle_t* got;
  uint32_t n;
  ASSERT_EQ(ZX_OK, fdf_channel_read(remote_, 0, &arena, nullptr, nullptr, &got, &n));
  ASSERT_EQ(n, 2u);
  EXPECT_EQ(got[0], a1);
  EXPECT_EQ(got[1], b1);
  const fdf_handle_t peers[2] = {a0, b0};
  for (uint32_t i = 0; i < 2; ++i) {
    auto* data = static_cast<uint32_t*>(fdf_arena_allocate(arena, 4));
    *data = 100 + i;
    ASSERT_EQ(ZX_OK, fdf_channel_write(got[i], 0, arena, data, 4, nullptr, 0));
    void* read_back;
    fdf_arena_t* read_arena;
    ASSERT_EQ(ZX_OK, fdf_channel_read(peers[i], 0, &read_arena, &read_back, nullptr, nullptr, nullptr));
    EXPECT_EQ(*static_cast<uint32_t*>(read_back), 100 + i);
    fdf_arena_drop_ref(read_arena);
  }
  for (fdf_handle_t h : {a0, a1, b0, b1}) fdf_handle_close(h);
  fdf_arena_drop_ref(arena);
}

TEST_F(ChannelTest, C1_OneCallbackMayReadEveryQueuedMessage) {
  for (uint32_t i = 1; i <= 2; ++i) ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &i, 4));
  std::vector<uint32_t> got;
  zx_status_t third = ZX_OK;
  Read read(remote_, [&](zx_status_t) {
    for (int i = 0; i < 2; ++i) {
      fdf_arena_t* arena;
      void* data;
      ASSERT_EQ(ZX_OK, fdf_channel_read(remote_, 0, &arena, &data, nullptr, nullptr, nullptr));
      got.push_back(*static_cast<uint32_t*>(data));
      fdf_arena_drop_ref(arena);
    }
    third = fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr);
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  EXPECT_EQ(got, (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(third, ZX_ERR_SHOULD_WAIT);
}

TEST_F(ChannelTest, C14_AZirconChannelInFlightClosesWithTheEndThatHoldsIt) {
  zx::channel z0, z1;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &z0, &z1));
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, sizeof(zx_handle_t)));
  handles[0] = z1.release();
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, arena_, nullptr, 0, handles, 1));
  // z1 waits unread in remote_'s queue: its peer is still connected.
  EXPECT_EQ(ZX_OK, z0.write(0, "x", 1, nullptr, 0));
  fdf_handle_close(remote_);
  remote_ = 0;
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, z0.write(0, "x", 1, nullptr, 0));
}

TEST_F(ChannelTest, C17_InlineHandlersUseThePairFreelyAndBothDirectionsShareOneLock) {
  // The handler runs inside the write; reading and writing the same pair there would deadlock if
  // the write still held the pair's lock while calling it.
  fdfkit::testing::EchoRead read(remote_);
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  uint32_t v = 9;
  ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &v, 4));
  fdf_arena_t* echo_arena;
  void* echo;
  ASSERT_EQ(ZX_OK, fdf_channel_read(local_, 0, &echo_arena, &echo, nullptr, nullptr, nullptr));
  EXPECT_EQ(*static_cast<uint32_t*>(echo), 9u);
  fdf_arena_drop_ref(echo_arena);

  // Both directions at once: each side receives every message once and in order.
  constexpr uint32_t kMessages = 20000;
  std::vector<uint32_t> got[2];
  auto pump = [&](fdf_handle_t out, fdf_handle_t in, std::vector<uint32_t>* received) {
    fdf_arena_t* arena = NewArena();
    uint32_t sent = 0;
    while (sent < kMessages || received->size() < kMessages) {
      if (sent < kMessages && WriteBytes(out, arena, &sent, 4) == ZX_OK) ++sent;
      fdf_arena_t* message_arena;
      void* data;
      if (fdf_channel_read(in, 0, &message_arena, &data, nullptr, nullptr, nullptr) == ZX_OK) {
        received->push_back(*static_cast<uint32_t*>(data));
        fdf_arena_drop_ref(message_arena);
      }
    }
    fdf_arena_drop_ref(arena);
  };
  std::thread left(pump, local_, local_, &got[0]);
  std::thread right(pump, remote_, remote_, &got[1]);
  left.join();
  right.join();
  std::vector<uint32_t> expected(kMessages);
  for (uint32_t i = 0; i < kMessages; ++i) expected[i] = i;
  EXPECT_EQ(got[0], expected);
  EXPECT_EQ(got[1], expected);
}

TEST_F(ChannelTest, D7_EveryRegistrationEndsInExactlyOneCallback) {
  fdf_dispatcher_t* unsync = CreateDispatcher(FakeDriver(11), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  std::vector<zx_status_t> got;
  Read read(remote_, [&](zx_status_t s) {
    got.push_back(s);
    if (s == ZX_OK) fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr);
  });
  uint32_t v = 1;
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(unsync, &read, 0));
  ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &v, 4));  // readable
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(unsync, &read, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_cancel_wait(remote_));  // cancelled
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(unsync, &read, 0));
  fdf_handle_close(local_);  // peer closed
  local_ = 0;
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  ShutdownAndDestroy(unsync);
  EXPECT_EQ(got, (std::vector<zx_status_t>{ZX_OK, ZX_ERR_CANCELED, ZX_ERR_PEER_CLOSED}));
}

TEST_F(ChannelTest, D9_UnsynchronizedCancelOfAQueuedReadDeliversCanceledOnce) {
  fdf_dispatcher_t* unsync = CreateDispatcher(FakeDriver(11), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  std::vector<zx_status_t> got;
  Read read(remote_, [&](zx_status_t s) { got.push_back(s); });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(unsync, &read, 0));
  fdf_env_register_driver_entry(FakeDriver(11));  // the owner writes: queued
  uint32_t v = 1;
  ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &v, 4));
  fdf_env_register_driver_exit();
  EXPECT_EQ(ReadyCount(unsync), 1u);
  EXPECT_EQ(ZX_OK, fdf_channel_cancel_wait(remote_));
  EXPECT_EQ(ZX_ERR_BAD_STATE, fdf_channel_wait_async(unsync, &read, 0));  // pending until delivered
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(got, std::vector<zx_status_t>{ZX_ERR_CANCELED});
  EXPECT_EQ(ReadyCount(unsync), 0u);
  // A fresh wait finds the message still queued and runs inline.
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(unsync, &read, 0));
  EXPECT_EQ(got, (std::vector<zx_status_t>{ZX_ERR_CANCELED, ZX_OK}));
}

TEST_F(ChannelTest, D9_CancelFailsOnlyForTheReadAWorkerAlreadyTook) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  ASSERT_EQ(fdf_env_get_thread_count(), 1u);
  fdf_dispatcher_t* unsync = CreateDispatcher(FakeDriver(11), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  fdf_handle_t other, other_peer;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &other, &other_peer));
  std::atomic<bool> started{false}, release{false};
  std::atomic<zx_status_t> first{ZX_ERR_INTERNAL}, second{ZX_ERR_INTERNAL};
  Read running(remote_, [&](zx_status_t s) {
    first = s;
    started = true;
    fdfkit::testing::HoldUntil(release);
  });
  Read waiting(other_peer, [&](zx_status_t s) { second = s; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(unsync, &running, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(unsync, &waiting, 0));
  OffDriverThread([&] {  // from no driver: both reads are queued for the one pool thread
    EXPECT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
    EXPECT_EQ(ZX_OK, fdf_channel_write(other, 0, nullptr, nullptr, 0, nullptr, 0));
  });
  ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return started.load(); }));
  EXPECT_EQ(ZX_ERR_NOT_FOUND, fdf_channel_cancel_wait(remote_));  // running
  EXPECT_EQ(ZX_OK, fdf_channel_cancel_wait(other_peer));           // still in the queue
  release = true;
  fdf_testing_wait_until_all_dispatchers_idle();
  EXPECT_EQ(first.load(), ZX_OK);
  EXPECT_EQ(second.load(), ZX_ERR_CANCELED);
  fdf_handle_close(other);
  fdf_handle_close(other_peer);
}

TEST_F(ChannelTest, D11_ClosingAnEndCancelsItsWaitOnEitherKindOfDispatcher) {
  // Unsynchronized: the handler hears CANCELED.
  fdf_dispatcher_t* unsync = CreateDispatcher(FakeDriver(11), FDF_DISPATCHER_OPTION_UNSYNCHRONIZED);
  std::vector<zx_status_t> got;
  Read read(remote_, [&](zx_status_t s) { got.push_back(s); });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(unsync, &read, 0));
  fdf_handle_close(remote_);
  remote_ = 0;
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(got, std::vector<zx_status_t>{ZX_ERR_CANCELED});
  // Synchronized with the callback already queued: it leaves the queue and never runs.
  fdf_handle_t a, b;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &a, &b));
  bool ran = false;
  Read queued(b, [&](zx_status_t) { ran = true; });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &queued, 0));
  fdf_env_register_driver_entry(FakeDriver(10));  // the owner writes: queued
  ASSERT_EQ(ZX_OK, fdf_channel_write(a, 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_env_register_driver_exit();
  EXPECT_EQ(ReadyCount(dispatcher_), 1u);
  fdf_handle_close(b);
  EXPECT_EQ(ReadyCount(dispatcher_), 0u);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_FALSE(ran);
  fdf_handle_close(a);
}

TEST_F(ChannelTest, D13_AWaitHoldsItsDispatcherUntilItEnds) {
  fdfkit::testing::Observer* observer;
  fdf_dispatcher_t* d = CreateDispatcher(FakeDriver(12), 0, &observer);
  std::vector<zx_status_t> got;
  Read read(remote_, [&](zx_status_t s) { got.push_back(s); });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(d, &read, 0));
  observer->on_shutdown = [](fdf_dispatcher_t* shut_down) { fdf_dispatcher_destroy(shut_down); };
  fdf_dispatcher_shutdown_async(d);
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(got, std::vector<zx_status_t>{ZX_ERR_CANCELED});
  // The dispatcher is gone and the channel let go of it: writing and closing reach no freed
  // dispatcher (ASan would report it).
  EXPECT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
  fdf_handle_close(remote_);
  remote_ = 0;
  EXPECT_EQ(got.size(), 1u);
}

TEST_F(ChannelTest, F1_CloseCutsBothLinksAtOnce) {
  std::atomic<uint64_t> accepted{0};
  uint64_t accepted_after_close = 0;
  std::thread writer([&] {
    zx_status_t s;
    while ((s = fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0)) == ZX_OK) ++accepted;
    EXPECT_EQ(s, ZX_ERR_PEER_CLOSED);
    for (int i = 0; i < 1000; ++i) {
      if (fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0) != ZX_ERR_PEER_CLOSED) {
        ++accepted_after_close;
      }
    }
  });
  while (accepted.load() < 100) std::this_thread::yield();
  fdf_handle_close(remote_);
  remote_ = 0;
  writer.join();
  EXPECT_EQ(accepted_after_close, 0u);
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_read(local_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
  Read read(local_);
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_wait_async(dispatcher_, &read, 0));
}

TEST_F(ChannelTest, F3_ClosingFreesTheSlotAtOnceEvenInsideTheEndsOwnHandler) {
  const uint32_t live = LiveHandles();
  uint32_t live_inside = 0;
  zx_status_t read_after_close = ZX_OK, wait_after_close = ZX_OK;
  Read read(remote_, [&](zx_status_t) {
    fdf_handle_t self = remote_;
    fdf_handle_close(remote_);
    remote_ = 0;
    live_inside = LiveHandles();
    read_after_close = fdf_channel_read(self, 0, nullptr, nullptr, nullptr, nullptr, nullptr);
    wait_after_close = fdf_channel_wait_async(dispatcher_, &read, 0);
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
  EXPECT_EQ(live_inside, live - 1);
  EXPECT_EQ(read_after_close, ZX_ERR_BAD_HANDLE);
  EXPECT_EQ(wait_after_close, ZX_ERR_BAD_HANDLE);
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
}

}  // namespace
