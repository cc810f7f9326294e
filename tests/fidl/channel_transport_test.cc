// The channel transport between processes: the Echo server runs in a child process
// (fidl_echo_server), the clients here; messages cross a real AF_UNIX socket in wire format v2.
#include <fidl/test.fdfkit/cpp/wire.h>
#include <gtest/gtest.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fdf/env.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zircon/linux.h>

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/runtime/runtime_fixture.h"

extern char** environ;

namespace {

using test_fdfkit::Echo;

class ChannelTransportTest : public fdfkit::testing::RuntimeTest {
 protected:
  // Starts the server process on the far end of a fresh channel; returns our end.
  fidl::ClientEnd<Echo> SpawnServer() {
    auto endpoints = fidl::CreateEndpoints<Echo>();
    EXPECT_TRUE(endpoints.is_ok());
    zx::channel server = endpoints->server.TakeChannel();
    // Our fds are close-on-exec; dup2 in the child makes the channel its fd 10.
    int fd = zx_linux_handle_to_fd(server.get());
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fd, 10);
    std::string fd_arg = "10";
    std::string path = FDFKIT_ECHO_SERVER;
    char* argv[] = {path.data(), fd_arg.data(), nullptr};
    EXPECT_EQ(posix_spawn(&child_, path.c_str(), &actions, nullptr, argv, environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    return std::move(endpoints->client);  // `server` closes here; the child keeps its copy
  }
  int WaitForChild() {
    int status = 0;
    waitpid(child_, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  pid_t child_ = 0;
};

TEST_F(ChannelTransportTest, SyncCallsAcrossProcesses) {
  fidl::WireSyncClient client(SpawnServer());
  auto echoed = client->EchoString("hello");
  ASSERT_TRUE(echoed.ok()) << echoed;
  EXPECT_EQ(echoed->value.get(), "hello");
  auto quotient = client->Divide(7, 2);
  ASSERT_TRUE(quotient.ok()) << quotient;
  ASSERT_TRUE(quotient->is_ok());
  EXPECT_EQ(quotient->value()->quotient, 3);
  auto error = client->Divide(1, 0);
  ASSERT_TRUE(error.ok());
  ASSERT_TRUE(error->is_error());
  EXPECT_EQ(error->error_value(), 1u);
  EXPECT_TRUE(client->Shutdown().ok());
  client = fidl::WireSyncClient<Echo>();  // closing our end ends the server process
  EXPECT_EQ(WaitForChild(), 0);
}

// A member client starts empty and is bound once connected (as migrated drivers' members are).
TEST_F(ChannelTransportTest, ClientBoundAfterConstruction) {
  fidl::WireSyncClient<Echo> client;
  EXPECT_FALSE(client.is_valid());
  client.Bind(SpawnServer());
  ASSERT_TRUE(client.is_valid());
  auto echoed = client->EchoString("bound");
  ASSERT_TRUE(echoed.ok()) << echoed;
  EXPECT_EQ(echoed->value.get(), "bound");
  client = fidl::WireSyncClient<Echo>();
  EXPECT_EQ(WaitForChild(), 0);
}

TEST_F(ChannelTransportTest, EpitaphReachesTheClient) {
  fidl::WireSyncClient client(SpawnServer());
  auto result = client->EchoString("close");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.status(), ZX_ERR_ACCESS_DENIED);
  EXPECT_TRUE(result.is_peer_closed());
  EXPECT_EQ(WaitForChild(), 0);
}

TEST_F(ChannelTransportTest, UnknownFlexibleMethodGetsAFrameworkError) {
  fidl::ClientEnd<Echo> client = SpawnServer();
  // A flexible two-way request for an ordinal Echo does not have, written by hand.
  fidl::WireMessageHeader request = fidl::WireMessageHeader::Make(42, 0x0123456789abcdefull, true);
  ASSERT_EQ(ZX_OK, zx_channel_write(client.channel().get(), 0, &request, sizeof(request), nullptr, 0));
  zx_signals_t observed = 0;
  ASSERT_EQ(ZX_OK, zx_object_wait_one(client.channel().get(), ZX_CHANNEL_READABLE,
                                      zx_deadline_after(ZX_SEC(10)), &observed));
  uint8_t reply[64];
  uint32_t num_bytes = 0, num_handles = 0;
  ASSERT_EQ(ZX_OK, zx_channel_read(client.channel().get(), 0, reply, nullptr, sizeof(reply), 0,
                                   &num_bytes, &num_handles));
  const uint8_t expected[] = {
      42, 0, 0, 0,                                     // txid echoed
      0x02, 0x00, 0x80, 0x01,                          // v2 at rest, flexible, magic 1
      0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01,  // the unknown ordinal
      0x03, 0, 0, 0, 0, 0, 0, 0,                       // result union: framework_err (3)
      0xfe, 0xff, 0xff, 0xff, 0x00, 0x00, 0x01, 0x00,  // inlined -2 (UNKNOWN_METHOD), 0 handles
  };
  ASSERT_EQ(num_bytes, sizeof(expected));
  EXPECT_EQ(0, std::memcmp(reply, expected, sizeof(expected)));
  // The binding stays up: a known method still works.
  fidl::WireSyncClient sync(std::move(client));
  auto echoed = sync->EchoString("still here");
  ASSERT_TRUE(echoed.ok()) << echoed;
  EXPECT_EQ(echoed->value.get(), "still here");
  sync = fidl::WireSyncClient<Echo>();
  EXPECT_EQ(WaitForChild(), 0);
}

TEST_F(ChannelTransportTest, ServerProcessDyingMidCallFailsTheCall) {
  fidl::WireSyncClient client(SpawnServer());
  auto result = client->EchoString("exit");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.status(), ZX_ERR_PEER_CLOSED);
  EXPECT_EQ(WaitForChild(), 0);
}

TEST_F(ChannelTransportTest, ServerUnbindDuringACallFailsTheCall) {
  fidl::WireSyncClient client(SpawnServer());
  auto result = client->EchoString("unbind");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.status(), ZX_ERR_PEER_CLOSED);
  EXPECT_EQ(WaitForChild(), 0);
}

TEST_F(ChannelTransportTest, ManyThreadsShareOneSyncClient) {
  constexpr int kThreads = 4;
  constexpr int kCalls = 100;
  fidl::WireSyncClient client(SpawnServer());
  std::atomic<int> wrong{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < kThreads; ++t) {
    callers.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        std::string text = std::to_string(t) + ":" + std::to_string(i);
        auto echoed = client->EchoString(fidl::StringView::FromExternal(text));
        if (!echoed.ok() || echoed->value.get() != text) wrong++;
      }
    });
  }
  for (auto& c : callers) c.join();
  EXPECT_EQ(wrong.load(), 0);
  client = fidl::WireSyncClient<Echo>();
  EXPECT_EQ(WaitForChild(), 0);
}

class Events : public fidl::WireAsyncEventHandler<Echo> {
 public:
  void OnReady(fidl::WireEvent<Echo::OnReady>* event) override {
    std::lock_guard lock(mu);
    values.push_back(event->value);
    cv.notify_all();
  }
  std::mutex mu;
  std::condition_variable cv;
  std::vector<uint32_t> values;
};

TEST_F(ChannelTransportTest, AsyncClientOnAnFdfDispatcherGetsRepliesAndEvents) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* dispatcher = CreateDispatcher(fdfkit::testing::FakeDriver(3));
  Events events;
  std::mutex mu;
  std::condition_variable cv;
  std::string echoed;
  {
    fidl::WireClient<Echo> client(SpawnServer(), fdf_dispatcher_get_async_dispatcher(dispatcher),
                                  &events);
    client->EchoString("async").ThenExactlyOnce(
        [&](fidl::WireUnownedResult<Echo::EchoString>& result) {
          std::lock_guard lock(mu);
          echoed = result.ok() ? std::string(result->value.get()) : "error";
          cv.notify_all();
        });
    EXPECT_TRUE(client->Notify(77).ok());
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return !echoed.empty(); }));
    EXPECT_EQ(echoed, "async");
    std::unique_lock event_lock(events.mu);
    ASSERT_TRUE(events.cv.wait_for(event_lock, std::chrono::seconds(10),
                                   [&] { return !events.values.empty(); }));
    EXPECT_EQ(events.values, std::vector<uint32_t>{77});
  }
  EXPECT_EQ(WaitForChild(), 0);
  ShutdownAndDestroy(dispatcher);
}

}  // namespace
