// What a read handler may do with its own channel. Inside the handler the runtime borrows the
// channel from the running read (no reference count, no slot lock); these tests pin down that the
// borrowed path answers exactly as the handle table would: a closed handle is BAD_HANDLE, a
// running or re-armed end cannot be transferred, and a handler that returns leaves the end
// transferable again.
#include <lib/async/cpp/task.h>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::Read;

class HandlerChannelTest : public fdfkit::testing::DriverThreadChannelTest {
 protected:
  // Writes `end` as the only handle of a message on a fresh channel; the status of that write.
  // On success the receiving end is read and the moved handle closed.
  zx_status_t Transfer(fdf_handle_t end) {
    fdf_handle_t in, out;
    EXPECT_EQ(ZX_OK, fdf_channel_create(0, &in, &out));
    auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena_, sizeof(zx_handle_t)));
    handles[0] = end;
    zx_status_t status = fdf_channel_write(in, 0, arena_, nullptr, 0, handles, 1);
    if (status == ZX_OK) {
      fdf_arena_t* arena;
      zx_handle_t* received;
      uint32_t count;
      EXPECT_EQ(ZX_OK, fdf_channel_read(out, 0, &arena, nullptr, nullptr, &received, &count));
      EXPECT_EQ(1u, count);
      fdf_handle_close(received[0]);
      fdf_arena_drop_ref(arena);
    }
    fdf_handle_close(in);
    fdf_handle_close(out);
    return status;
  }

  void WriteOne() { ASSERT_EQ(ZX_OK, WriteBytes(local_, arena_, "x", 1)); }
};

TEST_F(HandlerChannelTest, AHandlerThatClosedItsChannelGetsBadHandle) {
  int calls = 0;
  Read read(remote_, [&](zx_status_t status) {
    ++calls;
    EXPECT_EQ(ZX_OK, status);
    fdf_handle_close(remote_);
    EXPECT_EQ(ZX_ERR_BAD_HANDLE,
              fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
    EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_channel_write(remote_, 0, nullptr, nullptr, 0, nullptr, 0));
    EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_channel_cancel_wait(remote_));
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  WriteOne();
  EXPECT_EQ(1, calls);  // ran inline
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, fdf_channel_wait_async(dispatcher_, &read, 0));
  remote_ = 0;
}

TEST_F(HandlerChannelTest, ARunningHandlersChannelCannotBeTransferredButIsAfterItReturns) {
  int calls = 0;
  Read read(remote_, [&](zx_status_t status) {
    ++calls;
    EXPECT_EQ(ZX_OK, status);
    EXPECT_EQ(ZX_OK, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  WriteOne();
  ASSERT_EQ(1, calls);
  EXPECT_EQ(ZX_OK, Transfer(remote_));  // the handler's count went back to zero
  remote_ = 0;
}

TEST_F(HandlerChannelTest, ATransferAttemptFromItsOwnHandlerFailsAndConsumesTheEnd) {
  int calls = 0;
  Read read(remote_, [&](zx_status_t status) {
    ++calls;
    EXPECT_EQ(ZX_OK, status);
    EXPECT_EQ(ZX_ERR_INVALID_ARGS, Transfer(remote_));
    // Consumed by the failed write: the borrowed path sees the handle is gone.
    EXPECT_EQ(ZX_ERR_BAD_HANDLE,
              fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
  });
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  WriteOne();
  EXPECT_EQ(1, calls);
  remote_ = 0;
}

TEST_F(HandlerChannelTest, AReArmedWaitOwnsTheHandlersReferenceAndCount) {
  int calls = 0;
  zx_status_t read_after_rearm = ZX_OK;
  Read read(remote_);
  read.on_ready = [&](zx_status_t status) {
    ++calls;
    EXPECT_EQ(ZX_OK, status);
    EXPECT_EQ(ZX_OK, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
    EXPECT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
    // After re-arming the handler no longer borrows: the table answers.
    read_after_rearm =
        fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr);
  };
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  WriteOne();
  WriteOne();
  EXPECT_EQ(2, calls);
  EXPECT_EQ(ZX_ERR_SHOULD_WAIT, read_after_rearm);
  // The re-armed wait is pending: cancelled (synchronized: removed), the end is free to move.
  EXPECT_EQ(ZX_OK, fdf_channel_cancel_wait(remote_));
  EXPECT_EQ(ZX_OK, Transfer(remote_));
  remote_ = 0;
  EXPECT_EQ(2, calls);
}

TEST_F(HandlerChannelTest, AWaitReArmedAndCancelledInItsHandlerLeavesTheEndReading) {
  int calls = 0;
  Read read(remote_);
  read.on_ready = [&](zx_status_t status) {
    ++calls;
    EXPECT_EQ(ZX_OK, status);
    EXPECT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
    EXPECT_EQ(ZX_OK, fdf_channel_cancel_wait(remote_));
    // Still inside its handler: not transferable (and consumed by the failed write).
    EXPECT_EQ(ZX_ERR_INVALID_ARGS, Transfer(remote_));
  };
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  WriteOne();
  EXPECT_EQ(1, calls);
  remote_ = 0;
}

TEST_F(HandlerChannelTest, ClosingAReArmedEndCancelsTheWaitOnce) {
  int calls = 0;
  std::vector<zx_status_t> statuses;
  Read read(remote_);
  read.on_ready = [&](zx_status_t status) {
    ++calls;
    statuses.push_back(status);
    if (status != ZX_OK) return;
    EXPECT_EQ(ZX_OK, fdf_channel_read(remote_, 0, nullptr, nullptr, nullptr, nullptr, nullptr));
    EXPECT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
    fdf_handle_close(remote_);  // cancels the wait just registered (synchronized: silently)
  };
  ASSERT_EQ(ZX_OK, fdf_channel_wait_async(dispatcher_, &read, 0));
  WriteOne();
  remote_ = 0;
  ASSERT_EQ(ZX_OK, fdf_testing_run_until_idle());
  EXPECT_EQ(std::vector<zx_status_t>{ZX_OK}, statuses);
}

}  // namespace

namespace {

// A write from one driver's dispatcher delivers inline into an idle other driver, whose handler
// closes its end: the writer's own read wait on the other end must still see PEER_CLOSED (the
// driver host stops a driver this way: Stop is sent, the driver closes its Driver channel).
TEST(HandlerChannelCloseTest, APeerClosedByAnInlineHandlerReachesTheWritersPendingRead) {
  fdf_env_reset();
  ASSERT_EQ(ZX_OK, fdf_env_start(0));  // pool threads: the deliveries race as in a driver host
  for (int round = 0; round < 300; ++round) {
    SCOPED_TRACE(round);
    fdf_handle_t writer_end, closer_end;
    ASSERT_EQ(ZX_OK, fdf_channel_create(0, &writer_end, &closer_end));
    fdf_dispatcher_t* writer = nullptr;
    fdf_dispatcher_t* closer = nullptr;
    ASSERT_EQ(ZX_OK, fdf_env_dispatcher_create_with_owner(fdfkit::testing::FakeDriver(20),
                                                          FDF_DISPATCHER_OPTION_SYNCHRONIZED, "w",
                                                          1, "", 0, nullptr, &writer));
    ASSERT_EQ(ZX_OK, fdf_env_dispatcher_create_with_owner(fdfkit::testing::FakeDriver(21),
                                                          FDF_DISPATCHER_OPTION_SYNCHRONIZED, "c",
                                                          1, "", 0, nullptr, &closer));
    std::atomic<zx_status_t> writer_saw{ZX_ERR_INTERNAL};
    fdfkit::testing::Read writer_read(writer_end, [&](zx_status_t status) { writer_saw = status; });
    fdfkit::testing::Read closer_read(closer_end, [&](zx_status_t status) {
      fdf_arena_t* arena = nullptr;
      if (status == ZX_OK &&
          fdf_channel_read(closer_end, 0, &arena, nullptr, nullptr, nullptr, nullptr) == ZX_OK) {
        fdf_arena_drop_ref(arena);
      }
      fdf_handle_close(closer_end);
    });
    ASSERT_EQ(ZX_OK, fdf_channel_wait_async(writer, &writer_read, 0));
    ASSERT_EQ(ZX_OK, fdf_channel_wait_async(closer, &closer_read, 0));
    async::PostTask(fdf_dispatcher_get_async_dispatcher(writer), [&] {
      fdf_arena_t* arena;
      ASSERT_EQ(ZX_OK, fdf_arena_create(0, 'TEST', &arena));
      void* data = fdf_arena_allocate(arena, 1);
      memcpy(data, "s", 1);
      EXPECT_EQ(ZX_OK, fdf_channel_write(writer_end, 0, arena, data, 1, nullptr, 0));
      fdf_arena_drop_ref(arena);
    });
    ASSERT_TRUE(fdfkit::testing::WaitUntil([&] { return writer_saw.load() != ZX_ERR_INTERNAL; },
                                           std::chrono::seconds(5)))
        << "the writer's read never saw the peer close";
    EXPECT_EQ(writer_saw.load(), ZX_ERR_PEER_CLOSED);
    fdf_handle_close(writer_end);
    for (fdf_dispatcher_t* d : {writer, closer}) fdf_dispatcher_shutdown_async(d);
  }
  fdf_env_reset();
  fdf_env_destroy_all_dispatchers();
}

}  // namespace
