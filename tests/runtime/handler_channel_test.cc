// What a read handler may do with its own channel. Inside the handler the runtime borrows the
// channel from the running read (no reference count, no slot lock); these tests pin down that the
// borrowed path answers exactly as the handle table would: a closed handle is BAD_HANDLE, a
// running or re-armed end cannot be transferred, and a handler that returns leaves the end
// transferable again.
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
