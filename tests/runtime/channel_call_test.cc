// fdf_channel_call, rules E1-E6: validation, txids, reply matching, deadlines and peer closure.
// The fixture puts FakeDriver(1) on the test thread; calls that must come from a thread the runtime
// does not manage step off it first.
#include <lib/zx/event.h>
#include <zircon/syscalls.h>

#include <set>
#include <thread>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;
using fdfkit::testing::Read;

using ChannelCallTest = fdfkit::testing::DriverThreadChannelTest;

TEST_F(ChannelCallTest, E1_CallValidation) {
  auto* data = static_cast<char*>(fdf_arena_allocate(arena_, 8));
  fdf_channel_call_args_t args{arena_, data, 3, nullptr, 0, nullptr, nullptr, nullptr, nullptr, nullptr};
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_call(local_, 0, ZX_TIME_INFINITE, nullptr));
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_call(local_, 0, ZX_TIME_INFINITE, &args));
  void* rd_data;
  args.wr_num_bytes = 8;
  args.rd_data = &rd_data;
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_channel_call(local_, 0, ZX_TIME_INFINITE, &args));
}

TEST_F(ChannelCallTest, E2_E3_E6_CallMatchesTheReplyByTxid) {
  std::thread server([&] {
    zx_signals_t ignored;
    (void)ignored;
    fdf_arena_t* arena;
    void* data;
    uint32_t n;
    while (fdf_channel_read(remote_, 0, &arena, &data, &n, nullptr, nullptr) == ZX_ERR_SHOULD_WAIT) {
      std::this_thread::yield();
    }
    fdf_txid_t txid;
    memcpy(&txid, data, 4);
    EXPECT_GE(txid, 0x80000000u);
    // An unrelated message first: it must go to the ordinary queue.
    uint32_t junk[2] = {1, 2};
    auto* j = static_cast<uint32_t*>(fdf_arena_allocate(arena, 8));
    memcpy(j, junk, 8);
    ASSERT_EQ(ZX_OK, fdf_channel_write(remote_, 0, arena, j, 8, nullptr, 0));
    auto* reply = static_cast<uint32_t*>(fdf_arena_allocate(arena, 9));
    memcpy(reply, &txid, 4);
    reply[1] = 0xfeedface;
    ASSERT_EQ(ZX_OK, fdf_channel_write(remote_, 0, arena, reply, 9, nullptr, 0));
    fdf_arena_drop_ref(arena);
  });
  auto* data = static_cast<uint32_t*>(fdf_arena_allocate(arena_, 8));
  data[1] = 42;
  fdf_arena_t* rd_arena;
  void* rd_data;
  uint32_t rd_n;
  fdf_channel_call_args_t args{arena_, data, 8, nullptr, 0, &rd_arena, &rd_data, &rd_n, nullptr, nullptr};
  fdf_env_register_driver_exit();  // calls from a non-runtime thread are always allowed
  EXPECT_EQ(ZX_OK, fdf_channel_call(local_, 0, ZX_TIME_INFINITE, &args));
  fdf_env_register_driver_entry(FakeDriver(1));
  server.join();
  EXPECT_EQ(rd_n, 9u);
  EXPECT_EQ(static_cast<uint32_t*>(rd_data)[1], 0xfeedfaceu);
  fdf_arena_drop_ref(rd_arena);
  // The unrelated message waits in the queue.
  void* junk;
  fdf_arena_t* junk_arena;
  ASSERT_EQ(ZX_OK, fdf_channel_read(local_, 0, &junk_arena, &junk, nullptr, nullptr, nullptr));
  EXPECT_EQ(static_cast<uint32_t*>(junk)[0], 1u);
  fdf_arena_drop_ref(junk_arena);
}

TEST_F(ChannelCallTest, E2_ConcurrentCallsGetDistinctTxids) {
  constexpr int kCallers = 20;
  std::vector<std::thread> callers;
  for (int i = 0; i < kCallers; ++i) {
    callers.emplace_back([&] {
      fdf_arena_t* arena = NewArena();
      auto* data = static_cast<uint32_t*>(fdf_arena_allocate(arena, 8));
      fdf_arena_t* rd_arena;
      fdf_channel_call_args_t args{arena, data, 8, nullptr, 0, &rd_arena, nullptr, nullptr, nullptr, nullptr};
      EXPECT_EQ(ZX_OK, fdf_channel_call(local_, 0, ZX_TIME_INFINITE, &args));
      fdf_arena_drop_ref(rd_arena);
      fdf_arena_drop_ref(arena);
    });
  }
  std::set<fdf_txid_t> txids;
  std::vector<std::pair<fdf_arena_t*, void*>> requests;
  while (requests.size() < kCallers) {
    fdf_arena_t* arena;
    void* data;
    if (fdf_channel_read(remote_, 0, &arena, &data, nullptr, nullptr, nullptr) == ZX_OK) {
      fdf_txid_t txid;
      memcpy(&txid, data, 4);
      txids.insert(txid);
      requests.push_back({arena, data});
    }
  }
  EXPECT_EQ(txids.size(), static_cast<size_t>(kCallers));
  for (auto& [arena, data] : requests) {
    ASSERT_EQ(ZX_OK, fdf_channel_write(remote_, 0, arena, data, 8, nullptr, 0));
    fdf_arena_drop_ref(arena);
  }
  for (auto& t : callers) t.join();
}

TEST_F(ChannelCallTest, E4_PastDeadlineSendsAndTimesOut) {
  auto* data = static_cast<uint32_t*>(fdf_arena_allocate(arena_, 8));
  fdf_channel_call_args_t args{arena_, data, 8, nullptr, 0, nullptr, nullptr, nullptr, nullptr, nullptr};
  fdf_env_register_driver_exit();
  EXPECT_EQ(ZX_ERR_TIMED_OUT, fdf_channel_call(local_, 0, ZX_TIME_INFINITE_PAST, &args));
  fdf_env_register_driver_entry(FakeDriver(1));
  EXPECT_EQ(ZX_OK, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
}

TEST_F(ChannelCallTest, E5_CallToClosedPeerConsumesHandles) {
  zx::event e1, e2;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &e1));
  ASSERT_EQ(ZX_OK, zx::event::create(0, &e2));
  fdf_handle_close(remote_);
  remote_ = 0;
  auto* data = static_cast<uint32_t*>(fdf_arena_allocate(arena_, 8));
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, 8));
  handles[0] = e1.release();
  handles[1] = e2.release();
  fdf_channel_call_args_t args{arena_, data, 8, handles, 2, nullptr, nullptr, nullptr, nullptr, nullptr};
  fdf_env_register_driver_exit();
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_call(local_, 0, ZX_TIME_INFINITE, &args));
  fdf_env_register_driver_entry(FakeDriver(1));
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(handles[0]));
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(handles[1]));
}

TEST_F(ChannelCallTest, E5_PeerClosingWhileACallWaitsAbortsIt) {
  std::thread server([&] {
    while (fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr) ==
           ZX_ERR_SHOULD_WAIT) {
      std::this_thread::yield();
    }
    fdf_handle_close(remote_);
  });
  auto* data = static_cast<uint32_t*>(fdf_arena_allocate(arena_, 8));
  fdf_channel_call_args_t args{arena_, data, 8, nullptr, 0, nullptr, nullptr, nullptr, nullptr, nullptr};
  fdf_env_register_driver_exit();
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, fdf_channel_call(local_, 0, ZX_TIME_INFINITE, &args));
  fdf_env_register_driver_entry(FakeDriver(1));
  server.join();
  remote_ = 0;
}

TEST_F(ChannelCallTest, E1_CallFromDispatcherWithoutSyncCallsIsBadState) {
  zx_status_t status = ZX_OK;
  Read read(remote_, [&](zx_status_t) {
    auto* data = static_cast<uint32_t*>(fdf_arena_allocate(arena_, 8));
    fdf_channel_call_args_t args{arena_, data, 8, nullptr, 0, nullptr, nullptr, nullptr, nullptr, nullptr};
    status = fdf_channel_call(remote_, 0, ZX_TIME_INFINITE, &args);
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  uint32_t v = 0;
  ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, &v, 4));
  EXPECT_EQ(status, ZX_ERR_BAD_STATE);
}

TEST_F(ChannelCallTest, E1_WriteArgumentsAreCheckedAsForWrite) {
  auto* data = static_cast<uint32_t*>(fdf_arena_allocate(arena_, 8));
  auto call = [&](fdf_handle_t channel, void* bytes, zx_handle_t* handles, uint32_t num_handles) {
    fdf_channel_call_args_t args{arena_, bytes, 8, handles, num_handles,
                                 nullptr, nullptr, nullptr, nullptr, nullptr};
    return OffDriverThread([&] { return fdf_channel_call(channel, 0, ZX_TIME_INFINITE, &args); });
  };
  char on_stack[8] = {};
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, call(local_, on_stack, nullptr, 0));
  zx_handle_t handles_on_stack[1] = {0};
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, call(local_, data, handles_on_stack, 1));

  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, sizeof(zx_handle_t)));
  fdf_handle_t closed, closed_peer;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &closed, &closed_peer));
  fdf_handle_close(closed);
  handles[0] = closed;
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, call(local_, data, handles, 1));
  fdf_handle_close(closed_peer);

  handles[0] = local_;
  EXPECT_EQ(ZX_ERR_NOT_SUPPORTED, call(local_, data, handles, 1));
  EXPECT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));  // survives

  fdf_handle_t waited, waited_peer;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &waited, &waited_peer));
  Read read(waited);
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  handles[0] = waited;
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, call(local_, data, handles, 1));
  // Consumed on failure, its wait cancelled with it.
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_channel_cancel_wait(waited));
  fdf_handle_close(waited_peer);

  fdf_handle_t stale, stale_peer;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &stale, &stale_peer));
  fdf_handle_close(stale);
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, call(stale, data, nullptr, 0));
  fdf_handle_close(stale_peer);
}

TEST_F(ChannelCallTest, E6_RequestAndReplyCarryBytesAndHandles) {
  zx::event request_event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &request_event));
  const zx_handle_t request_value = request_event.get();
  fdf_handle_t reply_end_peer = 0;
  std::thread server([&] {
    fdf_arena_t* arena;
    void* data;
    uint32_t n, nh;
    zx_handle_t* handles;
    while (fdf_channel_read(remote_, 0, &arena, &data, &n, &handles, &nh) == ZX_ERR_SHOULD_WAIT) {
      std::this_thread::yield();
    }
    EXPECT_EQ(n, 8u);
    ASSERT_EQ(nh, 1u);
    EXPECT_EQ(handles[0], request_value);
    EXPECT_EQ(ZX_OK, zx_handle_close(handles[0]));
    auto* reply = static_cast<char*>(fdf_arena_allocate(arena, 9));
    memcpy(reply, data, 4);  // the txid
    memcpy(reply + 4, "hello", 5);
    auto* reply_handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena, 2 * sizeof(zx_handle_t)));
    zx::event reply_event;
    ASSERT_EQ(ZX_OK, zx::event::create(0, &reply_event));
    reply_handles[0] = reply_event.release();
    ASSERT_EQ(ZX_OK, fdf_channel_create(0, &reply_handles[1], &reply_end_peer));
    ASSERT_EQ(ZX_OK, fdf_channel_write(remote_, 0, arena, reply, 9, reply_handles, 2));
    fdf_arena_drop_ref(arena);
  });
  auto* data = static_cast<uint32_t*>(fdf_arena_allocate(arena_, 8));
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, sizeof(zx_handle_t)));
  handles[0] = request_event.release();
  fdf_arena_t* rd_arena;
  void* rd_data;
  uint32_t rd_n, rd_nh;
  zx_handle_t* rd_handles;
  fdf_channel_call_args_t args{arena_, data, 8, handles, 1, &rd_arena, &rd_data, &rd_n, &rd_handles, &rd_nh};
  EXPECT_EQ(ZX_OK, OffDriverThread([&] { return fdf_channel_call(local_, 0, ZX_TIME_INFINITE, &args); }));
  server.join();
  ASSERT_EQ(rd_n, 9u);
  EXPECT_EQ(memcmp(static_cast<char*>(rd_data) + 4, "hello", 5), 0);
  ASSERT_EQ(rd_nh, 2u);
  EXPECT_TRUE(fdf_arena_contains(rd_arena, rd_data, rd_n));
  EXPECT_TRUE(fdf_arena_contains(rd_arena, rd_handles, 2 * sizeof(zx_handle_t)));
  EXPECT_EQ(ZX_OK, zx_handle_close(rd_handles[0]));
  // The fdf end in the reply reaches its peer.
  EXPECT_EQ(ZX_OK, fdf_channel_write(rd_handles[1], 0, nullptr, nullptr, 0, nullptr, 0));
  EXPECT_EQ(ZX_OK, fdf_channel_read(reply_end_peer, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
  fdf_handle_close(rd_handles[1]);
  fdf_handle_close(reply_end_peer);
  fdf_arena_drop_ref(rd_arena);
}

TEST_F(ChannelCallTest, E1_CallFromAHandlerThatAllowsSyncCallsSucceeds) {
  fdf_dispatcher_t* blocking = CreateDispatcher(FakeDriver(20), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  fdf_dispatcher_t* server = CreateDispatcher(FakeDriver(21));
  fdf_handle_t client_end, server_end;
  ASSERT_EQ(ZX_OK, fdf_channel_create(0, &client_end, &server_end));
  fdfkit::testing::EchoRead echo(server_end);
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(server, &echo, 0));
  zx_status_t call_status = ZX_ERR_INTERNAL;
  uint32_t echoed = 0;
  Read trigger(remote_, [&](zx_status_t status) {
    ASSERT_EQ(status, ZX_OK);
    EXPECT_EQ(fdf_dispatcher_get_current_dispatcher(), blocking);
    ASSERT_EQ(ZX_OK, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
    auto* request = static_cast<uint32_t*>(fdf_arena_allocate(arena_, 8));
    request[1] = 77;
    fdf_arena_t* rd_arena = nullptr;
    void* rd_data = nullptr;
    fdf_channel_call_args_t args{arena_, request, 8, nullptr, 0, &rd_arena, &rd_data, nullptr, nullptr, nullptr};
    call_status = fdf_channel_call(client_end, 0, ZX_TIME_INFINITE, &args);
    if (call_status == ZX_OK) {
      echoed = static_cast<uint32_t*>(rd_data)[1];
      fdf_arena_drop_ref(rd_arena);
    }
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(blocking, &trigger, 0));
  ASSERT_EQ(ZX_OK, fdf_channel_write(local_, 0, nullptr, nullptr, 0, nullptr, 0));
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());  // the blocking dispatcher's read is queued
  EXPECT_EQ(call_status, ZX_OK);
  EXPECT_EQ(echoed, 77u);
  EXPECT_EQ(ZX_ERR_NOT_FOUND, fdf_channel_cancel_wait(server_end));  // the echo ran once
  fdf_handle_close(client_end);
  fdf_handle_close(server_end);
}

}  // namespace
