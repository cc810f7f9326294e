// Driver-transport bindings under the conditions a driver meets at run time: replies completed
// later from another thread (ToAsync) or never (abandoned), the server going away while calls are
// in flight, many callers at once, events, and groups of bindings.
#include <fidl/test.fdfkit/cpp/driver/wire.h>
#include <gtest/gtest.h>
#include <lib/async/cpp/task.h>
#include <lib/fdf/env.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "tests/fidl/gpio_binding_fixture.h"

namespace {

using fdfkit::testing::Latch;
using test_fdfkit::Gpio;

constexpr uint32_t kHoldPin = 100;     // Read(kHoldPin): the server keeps the completer
constexpr uint32_t kAbandonPin = 101;  // Read(kAbandonPin): the server drops it unanswered

class HoldingServer : public fdf::WireServer<Gpio> {
 public:
  void Read(ReadRequestView request, fdf::Arena& arena, ReadCompleter::Sync& completer) override {
    if (request->pin == kHoldPin) {
      {
        std::lock_guard lock(mu_);
        held_.push_back(completer.ToAsync());
      }
      held_latch.Signal();
      return;
    }
    if (request->pin == kAbandonPin) {
      auto dropped = completer.ToAsync();  // destroyed at the end of this scope, unanswered
      return;
    }
    completer.buffer(arena).ReplySuccess(static_cast<uint8_t>(request->pin * 2));
  }
  void Write(WriteRequestView, fdf::Arena& arena, WriteCompleter::Sync& completer) override {
    completer.buffer(arena).Reply();
  }
  void Echo(EchoRequestView request, fdf::Arena& arena, EchoCompleter::Sync& completer) override {
    completer.buffer(arena).Reply(request->data);
  }
  void Describe(DescribeRequestView, fdf::Arena& arena, DescribeCompleter::Sync& c) override {
    c.buffer(arena).Reply(0);
  }
  void Ping(fdf::Arena&, PingCompleter::Sync&) override {}
  void TakeVmo(TakeVmoRequestView, fdf::Arena& arena, TakeVmoCompleter::Sync& c) override {
    c.buffer(arena).Reply(0);
  }

  // Takes the oldest held completer.
  std::optional<ReadCompleter::Async> TakeHeld() {
    std::lock_guard lock(mu_);
    if (held_.empty()) return std::nullopt;
    ReadCompleter::Async first = std::move(held_.front());
    held_.erase(held_.begin());
    return first;
  }
  void DropHeld() {
    std::lock_guard lock(mu_);
    held_.clear();
  }

  Latch held_latch;

 private:
  std::mutex mu_;
  std::vector<ReadCompleter::Async> held_;
};

class DriverBindingTest : public fdfkit::testing::GpioBindingFixture<HoldingServer> {
 protected:
  void TearDown() override {
    GpioBindingFixture::TearDown();
    server_.DropHeld();
  }
  // Runs `fn` on the client dispatcher and waits for it.
  void OnClientDispatcher(std::function<void()> fn) {
    Latch done;
    async::PostTask(fdf_dispatcher_get_async_dispatcher(client_dispatcher_), [&] {
      fn();
      done.Signal();
    });
    ASSERT_TRUE(done.Wait());
  }
};

TEST_F(DriverBindingTest, AsyncCompleterRepliesFromAnotherThread) {
  std::optional<zx_status_t> status;
  uint8_t value = 0;
  std::thread caller([&] {
    fdf::Arena arena('TEST');
    auto result = fdf::WireCall(client_end_).buffer(arena)->Read(kHoldPin);
    status = result.status();
    if (result.ok() && result->is_ok()) value = result->value()->value;
  });
  ASSERT_TRUE(server_.held_latch.Wait());
  std::optional<HoldingServer::ReadCompleter::Async> held = server_.TakeHeld();
  ASSERT_TRUE(held.has_value());
  fdf::Arena arena('TEST');
  EXPECT_TRUE(held->buffer(arena).ReplySuccess(99).ok());
  caller.join();
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(*status, ZX_OK);
  EXPECT_EQ(value, 99);
  EXPECT_EQ(unbound_.count(), 0);  // the binding is still up
}

TEST_F(DriverBindingTest, AbandonedAsyncReplyClosesTheBinding) {
  fdf::Arena arena('TEST');
  auto result = fdf::WireCall(client_end_).buffer(arena)->Read(kAbandonPin);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.status(), ZX_ERR_PEER_CLOSED);
  ASSERT_TRUE(unbound_.Wait());
  EXPECT_EQ(unbind_reason_.load(), fidl::Reason::kAbandonedAsyncReply);
  EXPECT_EQ(unbound_.count(), 1);
}

TEST_F(DriverBindingTest, ServerUnbindWhileACallIsInFlightFailsTheCall) {
  std::optional<zx_status_t> status;
  std::thread caller([&] {
    fdf::Arena arena('TEST');
    status = fdf::WireCall(client_end_).buffer(arena)->Read(kHoldPin).status();
  });
  ASSERT_TRUE(server_.held_latch.Wait());
  binding_->Unbind();  // on_unbound drops the server end: the caller sees its peer close
  ASSERT_TRUE(unbound_.Wait());
  caller.join();
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(*status, ZX_ERR_PEER_CLOSED);
  // Completing the orphaned call now fails cleanly instead of reaching a closed channel.
  std::optional<HoldingServer::ReadCompleter::Async> held = server_.TakeHeld();
  ASSERT_TRUE(held.has_value());
  fdf::Arena arena('TEST');
  EXPECT_FALSE(held->buffer(arena).ReplySuccess(1).ok());
  EXPECT_EQ(unbound_.count(), 1);
}

TEST_F(DriverBindingTest, PendingAsyncCallsFailExactlyOnceWhenTheServerGoes) {
  fdf::WireClient<Gpio> client;
  std::atomic<int> completions{0};
  std::atomic<int> failures{0};
  Latch done;
  fdf::Arena arena('TEST');
  OnClientDispatcher([&] {
    client.Bind(std::move(client_end_), client_dispatcher_);
    for (int i = 0; i < 3; ++i) {
      client.buffer(arena)->Read(kHoldPin).ThenExactlyOnce(
          [&](fdf::WireUnownedResult<Gpio::Read>& result) {
            completions++;
            if (!result.ok()) failures++;
            done.Signal();
          });
    }
  });
  ASSERT_TRUE(server_.held_latch.Wait(3));
  binding_->Unbind();
  ASSERT_TRUE(done.Wait(3));
  OnClientDispatcher([&] { client = fdf::WireClient<Gpio>(); });
  EXPECT_EQ(completions.load(), 3);
  EXPECT_EQ(failures.load(), 3);
}

TEST_F(DriverBindingTest, ManyThreadsCallOneEndConcurrently) {
  constexpr int kThreads = 4;
  constexpr int kCalls = 250;
  std::atomic<int> wrong{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < kThreads; ++t) {
    callers.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        fdf::Arena arena('TEST');
        uint32_t pin = static_cast<uint32_t>((t * kCalls + i) % 16);
        auto result = fdf::WireCall(client_end_).buffer(arena)->Read(pin);
        if (!result.ok() || !result->is_ok() || result->value()->value != pin * 2) wrong++;
      }
    });
  }
  for (auto& c : callers) c.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST_F(DriverBindingTest, SharedClientCallsFromManyThreadsCompleteExactlyOnce) {
  constexpr int kThreads = 4;
  constexpr int kCalls = 100;
  fdf::WireSharedClient<Gpio> client(std::move(client_end_), client_dispatcher_);
  std::atomic<int> ok{0};
  Latch done;
  std::vector<std::thread> callers;
  for (int t = 0; t < kThreads; ++t) {
    callers.emplace_back([&, t, clone = client.Clone()] {
      fdf::Arena arena('TEST');
      for (int i = 0; i < kCalls; ++i) {
        uint32_t pin = static_cast<uint32_t>(t + i) % 16;
        clone.buffer(arena)->Read(pin).ThenExactlyOnce(
            [&, pin](fdf::WireUnownedResult<Gpio::Read>& result) {
              if (result.ok() && result->is_ok() && result->value()->value == pin * 2) ok++;
              done.Signal();
            });
      }
    });
  }
  for (auto& c : callers) c.join();
  ASSERT_TRUE(done.Wait(kThreads * kCalls));
  EXPECT_EQ(ok.load(), kThreads * kCalls);
  EXPECT_EQ(done.count(), kThreads * kCalls);
  client.AsyncTeardown();
}

class InterruptHandler : public fdf::WireAsyncEventHandler<Gpio> {
 public:
  void OnInterrupt(fidl::WireEvent<Gpio::OnInterrupt>* event) override {
    pins.push_back(event->pin);
    received.Signal();
  }
  std::vector<uint32_t> pins;  // touched on the client dispatcher only
  Latch received;
};

TEST_F(DriverBindingTest, EventsReachTheClientsHandlerInOrder) {
  InterruptHandler handler;
  fdf::WireClient<Gpio> client;
  OnClientDispatcher([&] { client.Bind(std::move(client_end_), client_dispatcher_, &handler); });
  fdf::Arena arena('TEST');
  for (uint32_t pin : {7u, 3u, 9u}) {
    EXPECT_TRUE(fdf::WireSendEvent(*binding_).buffer(arena)->OnInterrupt(pin).ok());
  }
  ASSERT_TRUE(handler.received.Wait(3));
  OnClientDispatcher([&] {
    EXPECT_EQ(handler.pins, (std::vector<uint32_t>{7, 3, 9}));
    client = fdf::WireClient<Gpio>();
  });
}

// client.sync(): blocking calls on the channel an async client has bound, from another thread,
// while its events keep reaching the handler on the client dispatcher; after the server left the
// calls read ZX_ERR_PEER_CLOSED, after a teardown of our own ZX_ERR_CANCELED.
TEST_F(DriverBindingTest, SyncCallsOnABoundClientLeaveItsEventsToTheHandler) {
  InterruptHandler handler;
  auto shared = std::make_unique<fdf::WireSharedClient<Gpio>>(std::move(client_end_),
                                                             client_dispatcher_, &handler);
  fdf::Arena arena('TEST');
  EXPECT_TRUE(fdf::WireSendEvent(*binding_).buffer(arena)->OnInterrupt(4).ok());
  auto read = shared->sync().buffer(arena)->Read(21);
  ASSERT_TRUE(read.ok()) << read;
  EXPECT_EQ(read->value()->value, 42);
  EXPECT_TRUE(shared->sync().buffer(arena)->Ping().ok());  // one-way
  EXPECT_TRUE(fdf::WireSendEvent(*binding_).buffer(arena)->OnInterrupt(5).ok());
  ASSERT_TRUE(handler.received.Wait(2));
  OnClientDispatcher([&] { EXPECT_EQ(handler.pins, (std::vector<uint32_t>{4, 5})); });

  binding_->Close(ZX_ERR_PEER_CLOSED);
  ASSERT_TRUE(unbound_.Wait());
  EXPECT_EQ(shared->sync().buffer(arena)->Read(1).status(), ZX_ERR_PEER_CLOSED);
  EXPECT_EQ(fdf::internal::WireSyncView<Gpio>(nullptr).buffer(arena)->Read(1).status(),
            ZX_ERR_CANCELED);
  shared.reset();
}

TEST_F(DriverBindingTest, SyncCallsAfterTheClientsOwnTeardownAreCanceled) {
  fdf::WireSharedClient<Gpio> shared(std::move(client_end_), client_dispatcher_);
  fdf::Arena arena('TEST');
  shared.AsyncTeardown();
  auto read = shared.sync().buffer(arena)->Read(1);
  EXPECT_EQ(read.status(), ZX_ERR_CANCELED);
  EXPECT_EQ(shared.sync().buffer(arena)->Ping().status(), ZX_ERR_CANCELED);
}

// The client's own teardown must not wait for a sync call in flight: the server answering it may
// need the very dispatcher the teardown finishes on. Nor does it end the call: the channel stays
// open until the reply, which the call gets as it would have (as in Fuchsia); then it closes.
TEST_F(DriverBindingTest, TeardownLeavesASyncCallInFlightToFinishAndClosesAfterIt) {
  auto shared = std::make_unique<fdf::WireSharedClient<Gpio>>(std::move(client_end_),
                                                             client_dispatcher_);
  Latch returned;
  std::atomic<zx_status_t> call_status{ZX_ERR_INTERNAL};
  std::atomic<int> value{-1};
  std::thread caller([&, view = shared->sync()] {
    fdf::Arena arena('TEST');
    auto result = view.buffer(arena)->Read(kHoldPin);
    call_status = result.status();
    if (result.ok() && result->is_ok()) value = result->value()->value;
    returned.Signal();
  });
  bool held = server_.held_latch.Wait();
  EXPECT_TRUE(held);
  shared->AsyncTeardown();
  // A task posted after the teardown's runs once the teardown has finished on the dispatcher.
  Latch after_teardown;
  async::PostTask(fdf_dispatcher_get_async_dispatcher(client_dispatcher_),
                  [&] { after_teardown.Signal(); });
  EXPECT_TRUE(after_teardown.Wait());
  EXPECT_EQ(returned.count(), 0);  // still waiting for its reply
  EXPECT_FALSE(unbound_.count() > 0);  // and the channel still open
  std::optional<HoldingServer::ReadCompleter::Async> held_call = server_.TakeHeld();
  if (held_call) {
    fdf::Arena arena('TEST');
    held_call->buffer(arena).ReplySuccess(9);
  } else {
    binding_->Close(ZX_ERR_PEER_CLOSED);  // never reached the server: end the call anyway
  }
  EXPECT_TRUE(returned.Wait());
  caller.join();
  EXPECT_EQ(call_status.load(), ZX_OK);
  EXPECT_EQ(value.load(), 9);
  EXPECT_TRUE(unbound_.Wait());  // the call's end closed the channel: the server sees it
  EXPECT_EQ(unbind_reason_.load(), fidl::Reason::kPeerClosedWhileReading);
}

// A shared client ended from another thread while its owned handler is inside an event: the
// handler is destroyed only after the event returned and the teardown finished.
class BlockingHandler : public fdf::WireAsyncEventHandler<Gpio> {
 public:
  struct Probe {
    Latch entered;
    Latch release;
    Latch destroyed;
    std::atomic<bool> in_event{false};
    std::atomic<bool> destroyed_in_event{false};
  };
  explicit BlockingHandler(Probe* probe) : probe_(probe) {}
  ~BlockingHandler() override {
    probe_->destroyed_in_event = probe_->in_event.load();
    probe_->destroyed.Signal();
  }
  void OnInterrupt(fidl::WireEvent<Gpio::OnInterrupt>* event) override {
    probe_->in_event = true;
    probe_->entered.Signal();
    EXPECT_TRUE(probe_->release.Wait());
    pins_.push_back(event->pin);  // the handler's own memory, after the client is gone
    probe_->in_event = false;
  }

 private:
  Probe* probe_;
  std::vector<uint32_t> pins_;
};

TEST_F(DriverBindingTest, AnOwnedEventHandlerOutlivesTheEventItIsHandling) {
  BlockingHandler::Probe probe;
  auto client = std::make_unique<fdf::WireSharedClient<Gpio>>(
      std::move(client_end_), client_dispatcher_, std::make_unique<BlockingHandler>(&probe));
  fdf::Arena arena('TEST');
  ASSERT_TRUE(fdf::WireSendEvent(*binding_).buffer(arena)->OnInterrupt(3).ok());
  ASSERT_TRUE(probe.entered.Wait());
  client.reset();  // from this thread, while the dispatcher is inside the handler
  EXPECT_EQ(probe.destroyed.count(), 0);
  probe.release.Signal();
  ASSERT_TRUE(probe.destroyed.Wait());
  EXPECT_FALSE(probe.destroyed_in_event.load());
}

TEST_F(DriverBindingTest, BindingGroupServesEachEndAndReportsOnlyUnrequestedCloses) {
  HoldingServer impl;
  std::vector<fdf::ClientEnd<Gpio>> clients;
  std::atomic<int> closes{0};
  std::atomic<fidl::Reason> close_reason{};
  Latch emptied;
  {
    fdf::ServerBindingGroup<Gpio> group;
    group.set_empty_set_handler([&] { emptied.Signal(); });
    for (int i = 0; i < 3; ++i) {
      auto endpoints = fdf::CreateEndpoints<Gpio>();
      ASSERT_TRUE(endpoints.is_ok());
      group.AddBinding(server_dispatcher_, std::move(endpoints->server), &impl,
                       [&](fidl::UnbindInfo info) {
                         close_reason = info.reason();
                         closes++;
                       });
      clients.push_back(std::move(endpoints->client));
    }
    EXPECT_EQ(group.size(), 3u);
    for (uint32_t i = 0; i < 3; ++i) {
      fdf::Arena arena('TEST');
      auto result = fdf::WireCall(clients[i]).buffer(arena)->Read(i + 1);
      ASSERT_TRUE(result.ok()) << result;
      EXPECT_EQ(result->value()->value, (i + 1) * 2);
    }
    // A client going away is reported through the close handler.
    clients[0].reset();
    for (int i = 0; i < 1000 && group.size() != 2; ++i) usleep(1000);
    EXPECT_EQ(group.size(), 2u);
    EXPECT_EQ(closes.load(), 1);
    EXPECT_EQ(close_reason.load(), fidl::Reason::kPeerClosedWhileReading);
    // Removing the rest is the owner's doing: no close handler, and the set empties once.
    group.RemoveAll();
    ASSERT_TRUE(emptied.Wait());
  }
  EXPECT_EQ(closes.load(), 1);
  EXPECT_EQ(emptied.count(), 1);
  fdf::Arena arena('TEST');
  EXPECT_EQ(fdf::WireCall(clients[1]).buffer(arena)->Read(1).status(), ZX_ERR_PEER_CLOSED);
}

TEST_F(DriverBindingTest, BindingGroupHandlerIgnoringClosuresServesAndForgetsClosedEnds) {
  HoldingServer impl;
  fdf::ServerBindingGroup<Gpio> group;
  Latch emptied;
  group.set_empty_set_handler([&] { emptied.Signal(); });
  auto handler = group.CreateHandler(&impl, server_dispatcher_, fidl::kIgnoreBindingClosure);
  auto endpoints = fdf::CreateEndpoints<Gpio>();
  ASSERT_TRUE(endpoints.is_ok());
  handler(std::move(endpoints->server));
  ASSERT_EQ(group.size(), 1u);
  fdf::Arena arena('TEST');
  auto result = fdf::WireCall(endpoints->client).buffer(arena)->Read(4);
  ASSERT_TRUE(result.ok()) << result;
  EXPECT_EQ(result->value()->value, 8u);
  // The client going away only takes its binding out of the group.
  endpoints->client.reset();
  ASSERT_TRUE(emptied.Wait());
  EXPECT_EQ(group.size(), 0u);
  EXPECT_EQ(emptied.count(), 1);
}

}  // namespace
