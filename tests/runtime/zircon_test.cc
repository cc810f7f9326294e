// The Linux zircon layer.
#include <lib/zx/channel.h>
#include <lib/zx/event.h>
#include <lib/zx/interrupt.h>
#include <lib/zx/vmo.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/syscalls.h>

#include <cstring>
#include <thread>

#include <gtest/gtest.h>

namespace {

TEST(ZirconChannel, WriteReadBytesAndHandles) {
  zx::channel a, b;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &a, &b));
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  ASSERT_EQ(ZX_OK, event.signal(0, ZX_USER_SIGNAL_2));
  zx_handle_t h = event.release();
  const char msg[] = "hello";
  ASSERT_EQ(ZX_OK, a.write(0, msg, sizeof(msg), &h, 1));
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(h));  // consumed by the write
  char buf[16];
  zx_handle_t got[2];
  uint32_t n, nh;
  EXPECT_EQ(ZX_ERR_BUFFER_TOO_SMALL, b.read(0, buf, got, 2, 2, &n, &nh));
  EXPECT_EQ(n, sizeof(msg));
  ASSERT_EQ(ZX_OK, b.read(0, buf, got, sizeof(buf), 2, &n, &nh));
  EXPECT_EQ(n, sizeof(msg));
  EXPECT_EQ(nh, 1u);
  EXPECT_STREQ(buf, "hello");
  zx_signals_t observed;
  EXPECT_EQ(ZX_OK, zx_object_wait_one(got[0], ZX_USER_SIGNAL_2, 0, &observed));
  EXPECT_EQ(observed & ZX_USER_SIGNAL_2, ZX_USER_SIGNAL_2);  // the signal travelled with the fd
  zx_handle_close(got[0]);
  EXPECT_EQ(ZX_ERR_SHOULD_WAIT, b.read(0, buf, got, sizeof(buf), 2, &n, &nh));
}

TEST(ZirconChannel, EmptyMessageIsNotEndOfFile) {
  zx::channel a, b;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &a, &b));
  ASSERT_EQ(ZX_OK, a.write(0, nullptr, 0, nullptr, 0));
  uint32_t n = 9, nh = 9;
  EXPECT_EQ(ZX_OK, b.read(0, nullptr, nullptr, 0, 0, &n, &nh));
  EXPECT_EQ(n, 0u);
  a.reset();
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, b.read(0, nullptr, nullptr, 0, 0, &n, &nh));
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, b.write(0, "x", 1, nullptr, 0));
}

// A peer that writes (an epitaph) and closes while the reader waits: whenever the wait reports
// PEER_CLOSED it also reports READABLE, so the last message is never mistaken for silence.
TEST(ZirconChannel, PeerClosedIsNeverSeenWithoutTheMessagesSentBeforeIt) {
  for (int round = 0; round < 10000; ++round) {
    zx::channel reader, writer;
    ASSERT_EQ(ZX_OK, zx::channel::create(0, &reader, &writer));
    std::thread peer([&] {
      char message[24] = {};
      EXPECT_EQ(ZX_OK, writer.write(0, message, sizeof message, nullptr, 0));
      writer.reset();
    });
    zx_signals_t observed = 0;
    ASSERT_EQ(ZX_OK, reader.wait_one(ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED,
                                     zx::time::infinite(), &observed));
    peer.join();
    if (observed & ZX_CHANNEL_PEER_CLOSED) {
      ASSERT_TRUE(observed & ZX_CHANNEL_READABLE) << "round " << round;
    }
  }
}

// A peer that closes with our request unread (Linux then reports ECONNRESET once) still leaves
// readable what it wrote before closing: the epitaph of a server that refused us.
TEST(ZirconChannel, APeerThatClosesWithOurMessageUnreadLeavesItsLastMessage) {
  zx::channel client, server;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &client, &server));
  const char epitaph[] = "epitaph";
  ASSERT_EQ(ZX_OK, server.write(0, epitaph, sizeof epitaph, nullptr, 0));
  ASSERT_EQ(ZX_OK, client.write(0, "request", 7, nullptr, 0));
  server.reset();
  zx_signals_t observed = 0;
  ASSERT_EQ(ZX_OK, client.wait_one(ZX_CHANNEL_READABLE, zx::time::infinite_past(), &observed));
  EXPECT_EQ(observed & (ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED),
            ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED);
  char buffer[16] = {};
  uint32_t bytes = 0, handles = 0;
  ASSERT_EQ(ZX_OK, client.read(0, buffer, nullptr, sizeof buffer, 0, &bytes, &handles));
  EXPECT_EQ(bytes, sizeof epitaph);
  EXPECT_STREQ(buffer, epitaph);
  EXPECT_EQ(ZX_ERR_PEER_CLOSED, client.read(0, buffer, nullptr, sizeof buffer, 0, &bytes, &handles));
}

TEST(ZirconChannel, BadInput) {
  zx::channel a, b;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &a, &b));
  zx_handle_t self = a.get();
  EXPECT_EQ(ZX_ERR_NOT_SUPPORTED, a.write(0, nullptr, 0, &self, 1));
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, a.write(0, nullptr, 4, nullptr, 0));
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, zx_channel_write(0x7fff3, 0, nullptr, 0, nullptr, 0));
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  EXPECT_EQ(ZX_ERR_WRONG_TYPE, zx_channel_write(event.get(), 0, nullptr, 0, nullptr, 0));
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_create(0, nullptr, nullptr));
}

TEST(ZirconChannel, CrossesProcesses) {
  zx::channel a, b;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &a, &b));
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Each failing step exits with its own code so a red run says where the child stopped.
    a.reset();
    uint32_t value = 0, n, nh;
    zx_signals_t observed;
    if (zx_object_wait_one(b.get(), ZX_CHANNEL_READABLE, zx_deadline_after(ZX_SEC(60)),
                           &observed) != ZX_OK) {
      _exit(10 + (observed & ZX_CHANNEL_PEER_CLOSED ? 1 : 0));
    }
    if (b.read(0, &value, nullptr, 4, 0, &n, &nh) != ZX_OK) _exit(2);
    value += 1;
    _exit(b.write(0, &value, 4, nullptr, 0) == ZX_OK ? 0 : 3);
  }
  b.reset();
  uint32_t value = 41;
  ASSERT_EQ(ZX_OK, a.write(0, &value, 4, nullptr, 0));
  zx_signals_t observed = 0;
  zx_status_t waited = zx_object_wait_one(a.get(), ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED,
                                          zx_deadline_after(ZX_SEC(60)), &observed);
  if (waited != ZX_OK || !(observed & ZX_CHANNEL_READABLE)) kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(child, waitpid(child, &status, 0));
  int child_exit = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  ASSERT_EQ(ZX_OK, waited) << "child exit " << child_exit;
  ASSERT_TRUE(observed & ZX_CHANNEL_READABLE) << "child exit " << child_exit;
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  uint32_t n, nh;
  ASSERT_EQ(ZX_OK, a.read(0, &value, nullptr, 4, 0, &n, &nh));
  EXPECT_EQ(value, 42u);
  // The child has exited, so its end is gone everywhere.
  ASSERT_EQ(ZX_OK, zx_object_wait_one(a.get(), ZX_CHANNEL_PEER_CLOSED, zx_deadline_after(ZX_SEC(10)),
                                      &observed));
}

TEST(ZirconEvent, SignalsAndWaits) {
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  zx_signals_t observed;
  EXPECT_EQ(ZX_ERR_TIMED_OUT, event.wait_one(ZX_EVENT_SIGNALED, zx::time(0), &observed));
  EXPECT_EQ(observed, 0u);
  ASSERT_EQ(ZX_OK, event.signal(0, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_7));
  EXPECT_EQ(ZX_OK, event.wait_one(ZX_EVENT_SIGNALED, zx::time::infinite(), &observed));
  EXPECT_EQ(observed, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_7);
  ASSERT_EQ(ZX_OK, event.signal(ZX_EVENT_SIGNALED, 0));
  EXPECT_EQ(ZX_OK, event.wait_one(ZX_USER_SIGNAL_7, zx::time(0), &observed));
  EXPECT_EQ(observed, ZX_USER_SIGNAL_7);
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, event.signal(0, ZX_CHANNEL_READABLE));
}

TEST(ZirconVmo, ReadWriteAndBounds) {
  zx::vmo vmo;
  ASSERT_EQ(ZX_OK, zx::vmo::create(4096, 0, &vmo));
  uint64_t size;
  ASSERT_EQ(ZX_OK, vmo.get_size(&size));
  EXPECT_EQ(size, 4096u);
  ASSERT_EQ(ZX_OK, vmo.write("abc", 100, 3));
  char buf[3];
  ASSERT_EQ(ZX_OK, vmo.read(buf, 100, 3));
  EXPECT_EQ(memcmp(buf, "abc", 3), 0);
  EXPECT_EQ(ZX_ERR_OUT_OF_RANGE, vmo.read(buf, 4095, 3));
}

TEST(ZirconHandle, KoidsOfAChannelPairPointAtEachOther) {
  zx::channel a, b;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &a, &b));
  zx_info_handle_basic_t ia, ib;
  ASSERT_EQ(ZX_OK, a.get_info(ZX_INFO_HANDLE_BASIC, &ia, sizeof(ia), nullptr, nullptr));
  ASSERT_EQ(ZX_OK, b.get_info(ZX_INFO_HANDLE_BASIC, &ib, sizeof(ib), nullptr, nullptr));
  EXPECT_EQ(ia.type, ZX_OBJ_TYPE_CHANNEL);
  EXPECT_EQ(ia.related_koid, ib.koid);
  EXPECT_EQ(ib.related_koid, ia.koid);
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(0x12345677));
}

zx_obj_type_t TypeOf(zx_handle_t handle) {
  zx_info_handle_basic_t info{};
  if (zx_object_get_info(handle, ZX_INFO_HANDLE_BASIC, &info, sizeof(info), nullptr, nullptr) !=
      ZX_OK) {
    return ZX_OBJ_TYPE_NONE;
  }
  return info.type;
}

// Types are recorded for the handles the layer makes, duplicates and receives (so lookups need no
// syscall) and forgotten when the handle is closed: an fd number reused by something else is
// examined afresh, never taken for the object that had it before.
TEST(ZirconHandle, RecordedTypesFollowHandlesAndAreForgottenOnClose) {
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  zx::event copy;
  ASSERT_EQ(ZX_OK, event.duplicate(ZX_RIGHT_SAME_RIGHTS, &copy));
  EXPECT_EQ(TypeOf(copy.get()), ZX_OBJ_TYPE_EVENT);
  zx::channel a, b;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &a, &b));
  zx_handle_t sent = copy.release();
  ASSERT_EQ(ZX_OK, a.write(0, nullptr, 0, &sent, 1));
  zx_handle_t received = ZX_HANDLE_INVALID;
  uint32_t actual_bytes, actual_handles;
  ASSERT_EQ(ZX_OK, b.read(0, nullptr, &received, 0, 1, &actual_bytes, &actual_handles));
  ASSERT_EQ(actual_handles, 1u);
  EXPECT_EQ(TypeOf(received), ZX_OBJ_TYPE_EVENT);

  zx_handle_t closed = event.release();
  ASSERT_EQ(ZX_OK, zx_handle_close(closed));
  int fds[2];
  ASSERT_EQ(0, pipe(fds));  // the lowest free numbers: the closed event's among them
  zx_handle_t reused = ZX_HANDLE_INVALID;
  for (int fd : fds) {
    if (zx_linux_handle_from_fd(fd) == closed) reused = closed;
  }
  ASSERT_EQ(reused, closed) << "the pipe did not take the closed event's fd number";
  EXPECT_EQ(TypeOf(reused), ZX_OBJ_TYPE_NONE);  // a pipe, not the event that was there
  close(fds[0]);
  close(fds[1]);
  EXPECT_EQ(ZX_OK, zx_handle_close(received));
}

TEST(ZirconEvent, EachEventHasItsOwnKoid) {
  zx::event a, b;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &a));
  ASSERT_EQ(ZX_OK, zx::event::create(0, &b));
  zx_info_handle_basic_t ia, ib;
  ASSERT_EQ(ZX_OK, a.get_info(ZX_INFO_HANDLE_BASIC, &ia, sizeof(ia), nullptr, nullptr));
  ASSERT_EQ(ZX_OK, b.get_info(ZX_INFO_HANDLE_BASIC, &ib, sizeof(ib), nullptr, nullptr));
  EXPECT_EQ(ia.type, ZX_OBJ_TYPE_EVENT);
  EXPECT_NE(ia.koid, ib.koid);
}

TEST(ZirconInterrupt, OnlyVirtualInterruptsExist) {
  zx::interrupt irq;
  EXPECT_EQ(ZX_ERR_NOT_SUPPORTED, zx::interrupt::create(zx::handle(), 0, 0, &irq));
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, zx_interrupt_create(ZX_HANDLE_INVALID, 0, ZX_INTERRUPT_VIRTUAL,
                                                     nullptr));
  ASSERT_EQ(ZX_OK, zx::interrupt::create(zx::handle(), 0, ZX_INTERRUPT_VIRTUAL, &irq));
  zx_info_handle_basic_t info;
  ASSERT_EQ(ZX_OK, irq.get_info(ZX_INFO_HANDLE_BASIC, &info, sizeof(info), nullptr, nullptr));
  EXPECT_EQ(info.type, ZX_OBJ_TYPE_INTERRUPT);
}

TEST(ZirconInterrupt, TriggerThenWaitReturnsTheTimestampOnce) {
  zx::interrupt irq;
  ASSERT_EQ(ZX_OK, zx::interrupt::create(zx::handle(), 0, ZX_INTERRUPT_VIRTUAL, &irq));
  zx_signals_t observed;
  EXPECT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(irq.get(), 1u << 4, 0, &observed));
  ASSERT_EQ(ZX_OK, irq.trigger(0, 123456789012));
  // Coalesces into the pending trigger: the first timestamp wins.
  ASSERT_EQ(ZX_OK, irq.trigger(0, 5));
  zx_time_t timestamp = 0;
  ASSERT_EQ(ZX_OK, irq.wait(&timestamp));
  EXPECT_EQ(timestamp, 123456789012);
  // Consumed: a new trigger is needed, and it carries its own timestamp (0 stays 0).
  ASSERT_EQ(ZX_OK, irq.trigger(0, 0));
  ASSERT_EQ(ZX_OK, irq.wait(&timestamp));
  EXPECT_EQ(timestamp, 0);
  EXPECT_EQ(ZX_OK, irq.ack());
}

TEST(ZirconInterrupt, WrongTypeBadHandleAndBadOptions) {
  zx::event event;
  ASSERT_EQ(ZX_OK, zx::event::create(0, &event));
  EXPECT_EQ(ZX_ERR_WRONG_TYPE, zx_interrupt_trigger(event.get(), 0, 0));
  EXPECT_EQ(ZX_ERR_WRONG_TYPE, zx_interrupt_ack(event.get()));
  EXPECT_EQ(ZX_ERR_BAD_HANDLE, zx_interrupt_trigger(0x7ffffff3, 0, 0));
  zx::interrupt irq;
  ASSERT_EQ(ZX_OK, zx::interrupt::create(zx::handle(), 0, ZX_INTERRUPT_VIRTUAL, &irq));
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, irq.trigger(1, 0));
}

TEST(ZirconInterrupt, TriggerTravelsWithTheHandleOverAChannel) {
  zx::interrupt irq;
  ASSERT_EQ(ZX_OK, zx::interrupt::create(zx::handle(), 0, ZX_INTERRUPT_VIRTUAL, &irq));
  ASSERT_EQ(ZX_OK, irq.trigger(0, 42));
  zx::channel a, b;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &a, &b));
  zx_handle_t h = irq.release();
  ASSERT_EQ(ZX_OK, a.write(0, nullptr, 0, &h, 1));
  zx_handle_t got;
  uint32_t actual_bytes, actual_handles;
  ASSERT_EQ(ZX_OK, b.read(0, nullptr, &got, 0, 1, &actual_bytes, &actual_handles));
  zx::interrupt received(got);
  zx_time_t timestamp = 0;
  ASSERT_EQ(ZX_OK, received.wait(&timestamp));
  EXPECT_EQ(timestamp, 42);
}

TEST(ZirconClock, DeadlineAfterSaturates) {
  EXPECT_EQ(zx_deadline_after(ZX_TIME_INFINITE), ZX_TIME_INFINITE);
  zx_time_t a = zx_clock_get_monotonic();
  EXPECT_GE(zx_clock_get_monotonic(), a);
}

}  // namespace
