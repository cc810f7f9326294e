// fidl::ServerBindingGroup over real Zircon channels: bindings of test.driver/Echo served on an fdf
// dispatcher's async dispatcher with the runtime's threads running, the test thread as the client.
// The group's logic is shared with fdf::ServerBindingGroup (tests/fidl/driver_binding_test.cc).
#include <fidl/test.driver/cpp/wire.h>
#include <gtest/gtest.h>
#include <lib/fdf/env.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/fidl/latch.h"
#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::Latch;
using fdfkit::testing::WaitUntil;
using test_driver::Echo;

class CountingEcho : public fidl::WireServer<Echo> {
 public:
  void EchoString(EchoStringRequestView request, EchoStringCompleter::Sync& completer) override {
    calls++;
    completer.Reply(request->value);
  }
  std::atomic<int> calls{0};
};

// The epitaph the server sent before closing its end (ZX_ERR_PEER_CLOSED if none), or the wait's
// error if the end never closed.
zx_status_t EpitaphOf(const fidl::ClientEnd<Echo>& client) {
  zx_signals_t observed = 0;
  zx_status_t status = zx_object_wait_one(client.channel().get(), ZX_CHANNEL_PEER_CLOSED,
                                          zx_deadline_after(ZX_SEC(10)), &observed);
  if (status != ZX_OK) return status;
  // The epitaph is written before the close, so it is queued by now.
  fidl::WireEpitaph epitaph{};
  uint32_t bytes = 0, handles = 0;
  if (zx_channel_read(client.channel().get(), 0, &epitaph, nullptr, sizeof(epitaph), 0, &bytes,
                      &handles) != ZX_OK ||
      bytes != sizeof(epitaph) || epitaph.header.ordinal != fidl::kFidlOrdinalEpitaph) {
    return ZX_ERR_PEER_CLOSED;
  }
  return epitaph.error;
}

// Echoes `text` on `client`; true if it came back.
bool Echoes(const fidl::ClientEnd<Echo>& client, std::string_view text) {
  auto result = fidl::WireCall(client)->EchoString(fidl::StringView::FromExternal(text));
  return result.ok() && result->value.get() == text;
}

// What the handlers record lives here, not in the tests: a binding the test left to the teardown
// ends during the dispatcher's shutdown, after the test body.
class ChannelServerBindingGroupTest : public fdfkit::testing::RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(ZX_OK, fdf_env_start(0));
    dispatcher_ = CreateDispatcher(fdfkit::testing::FakeDriver(1));
  }
  void TearDown() override {
    ShutdownAndDestroy(dispatcher_);
    RuntimeTest::TearDown();
  }
  async_dispatcher_t* dispatcher() { return fdf_dispatcher_get_async_dispatcher(dispatcher_); }

  // A fresh channel whose server end is bound in `group`; returns the client end.
  template <typename CloseHandler = std::nullptr_t>
  fidl::ClientEnd<Echo> Connect(fidl::ServerBindingGroup<Echo>& group, CountingEcho* impl,
                                CloseHandler close_handler = nullptr) {
    auto endpoints = fidl::CreateEndpoints<Echo>();
    EXPECT_TRUE(endpoints.is_ok());
    group.AddBinding(dispatcher(), std::move(endpoints->server), impl, close_handler);
    return std::move(endpoints->client);
  }
  // A close handler recording each call.
  auto RecordCloses() {
    return [this](CountingEcho* impl, fidl::UnbindInfo info) {
      closed_impl_ = impl;
      closed_peer_ = info.is_peer_closed();
      closed_.Signal();
    };
  }

  fdf_dispatcher_t* dispatcher_ = nullptr;
  CountingEcho impl_a_, impl_b_;
  Latch closed_, emptied_;
  std::atomic<CountingEcho*> closed_impl_{nullptr};
  std::atomic<bool> closed_peer_{false};
};

TEST_F(ChannelServerBindingGroupTest, TwoBindingsToOneImplementationServeCalls) {
  fidl::ServerBindingGroup<Echo> group;
  fidl::ClientEnd<Echo> first = Connect(group, &impl_a_);
  fidl::ClientEnd<Echo> second = Connect(group, &impl_a_);
  EXPECT_EQ(group.size(), 2u);
  EXPECT_TRUE(Echoes(first, "first"));
  EXPECT_TRUE(Echoes(second, "second"));
  EXPECT_TRUE(Echoes(first, "first again"));
  EXPECT_EQ(impl_a_.calls.load(), 3);
  int visited = 0;
  group.ForEachBinding([&](fidl::ServerBindingRef<Echo>& ref) {
    EXPECT_NE(ref.lock(), nullptr);
    ++visited;
  });
  EXPECT_EQ(visited, 2);
}

TEST_F(ChannelServerBindingGroupTest, CloseBindingsSendsTheEpitaphOnEveryBindingOfTheImpl) {
  fidl::ServerBindingGroup<Echo> group;
  group.set_empty_set_handler([this] { emptied_.Signal(); });
  fidl::ClientEnd<Echo> a1 = Connect(group, &impl_a_, RecordCloses());
  fidl::ClientEnd<Echo> a2 = Connect(group, &impl_a_, RecordCloses());
  fidl::ClientEnd<Echo> b = Connect(group, &impl_b_, RecordCloses());
  ASSERT_TRUE(Echoes(a1, "served"));

  CountingEcho unbound;
  EXPECT_FALSE(group.CloseBindings(&unbound, ZX_ERR_ACCESS_DENIED));
  EXPECT_TRUE(group.CloseBindings(&impl_a_, ZX_ERR_ACCESS_DENIED));
  EXPECT_EQ(EpitaphOf(a1), ZX_ERR_ACCESS_DENIED);
  EXPECT_EQ(EpitaphOf(a2), ZX_ERR_ACCESS_DENIED);
  auto after = fidl::WireCall(a1)->EchoString("gone");
  EXPECT_TRUE(after.is_peer_closed()) << after;
  ASSERT_TRUE(WaitUntil([&] { return group.size() == 1; }, std::chrono::seconds(10)));
  // The other implementation's binding is untouched; closing by the user runs no close handler.
  EXPECT_TRUE(Echoes(b, "still served"));
  EXPECT_EQ(closed_.count(), 0);
  EXPECT_EQ(emptied_.count(), 0);

  group.CloseAll(ZX_ERR_STOP);
  EXPECT_EQ(EpitaphOf(b), ZX_ERR_STOP);
  ASSERT_TRUE(emptied_.Wait());
  EXPECT_EQ(closed_.count(), 0);
}

TEST_F(ChannelServerBindingGroupTest, CloseHandlerRunsOnceWhenTheClientClosesNotWhenTheUserRemoves) {
  fidl::ServerBindingGroup<Echo> group;
  group.set_empty_set_handler([this] { emptied_.Signal(); });
  fidl::ClientEnd<Echo> leaving = Connect(group, &impl_a_, RecordCloses());
  fidl::ClientEnd<Echo> removed = Connect(group, &impl_b_, RecordCloses());
  ASSERT_TRUE(Echoes(leaving, "hello"));

  leaving.reset();
  ASSERT_TRUE(closed_.Wait());
  EXPECT_EQ(closed_impl_.load(), &impl_a_);
  EXPECT_TRUE(closed_peer_.load());
  EXPECT_EQ(group.size(), 1u);  // erased before the handler ran

  EXPECT_TRUE(group.RemoveBindings(&impl_b_));
  EXPECT_EQ(EpitaphOf(removed), ZX_ERR_PEER_CLOSED);  // unbound: closed without an epitaph
  ASSERT_TRUE(emptied_.Wait());
  EXPECT_EQ(group.size(), 0u);
  EXPECT_EQ(closed_.count(), 1);
  EXPECT_FALSE(group.RemoveBindings(&impl_b_));
}

TEST_F(ChannelServerBindingGroupTest, ABindingWhosePeerIsAlreadyGoneLeavesNoEntry) {
  fidl::ServerBindingGroup<Echo> group;
  group.set_empty_set_handler([this] { emptied_.Signal(); });
  auto endpoints = fidl::CreateEndpoints<Echo>();
  ASSERT_TRUE(endpoints.is_ok());
  endpoints->client.reset();
  group.AddBinding(dispatcher(), std::move(endpoints->server), &impl_a_,
                   [this](fidl::UnbindInfo info) {  // the handler without the implementation
                     closed_peer_ = info.is_peer_closed();
                     closed_.Signal();
                   });
  ASSERT_TRUE(emptied_.Wait());
  EXPECT_EQ(group.size(), 0u);
  EXPECT_EQ(closed_.count(), 1);
  EXPECT_TRUE(closed_peer_.load());
}

TEST_F(ChannelServerBindingGroupTest, EmptySetHandlerRunsOnceWhenTheLastBindingGoes) {
  fidl::ServerBindingGroup<Echo> group;
  group.set_empty_set_handler([this] { emptied_.Signal(); });
  std::vector<fidl::ClientEnd<Echo>> clients;
  for (int i = 0; i < 3; ++i) clients.push_back(Connect(group, i < 2 ? &impl_a_ : &impl_b_));
  ASSERT_EQ(group.size(), 3u);

  clients[0].reset();
  ASSERT_TRUE(WaitUntil([&] { return group.size() == 2; }, std::chrono::seconds(10)));
  group.RemoveBindings(&impl_b_);
  ASSERT_TRUE(WaitUntil([&] { return group.size() == 1; }, std::chrono::seconds(10)));
  // Each teardown decides under the group's lock, so the count is settled once size() says so.
  EXPECT_EQ(emptied_.count(), 0);

  clients[1].reset();
  ASSERT_TRUE(emptied_.Wait());
  EXPECT_EQ(group.size(), 0u);
  EXPECT_EQ(emptied_.count(), 1);
}

TEST_F(ChannelServerBindingGroupTest, CreateHandlerServesEveryEndAServiceHandlerReceives) {
  fidl::ServerBindingGroup<Echo> group;
  group.set_empty_set_handler([this] { emptied_.Signal(); });
  // As a driver publishes it: the group's handler as the service member's.
  test_driver::EchoService::InstanceHandler instance({
      .echo = group.CreateHandler(&impl_a_, dispatcher(), fidl::kIgnoreBindingClosure),
  });
  std::function<void(fidl::ServerEnd<Echo>)> echo_member;
  std::move(instance).ForEachMember([&](auto, auto handler) { echo_member = std::move(handler); });
  ASSERT_TRUE(echo_member);

  std::vector<fidl::ClientEnd<Echo>> clients;
  for (int i = 0; i < 2; ++i) {
    auto endpoints = fidl::CreateEndpoints<Echo>();
    ASSERT_TRUE(endpoints.is_ok());
    echo_member(std::move(endpoints->server));  // what the outgoing directory does on each open
    clients.push_back(std::move(endpoints->client));
  }
  EXPECT_EQ(group.size(), 2u);
  EXPECT_TRUE(Echoes(clients[0], "one"));
  EXPECT_TRUE(Echoes(clients[1], "two"));
  EXPECT_EQ(impl_a_.calls.load(), 2);

  // fidl::kIgnoreBindingClosure: closed ends only leave the group.
  clients.clear();
  ASSERT_TRUE(emptied_.Wait());
  EXPECT_EQ(group.size(), 0u);
  EXPECT_EQ(emptied_.count(), 1);
}

TEST_F(ChannelServerBindingGroupTest, DestroyingTheGroupUnbindsItsBindings) {
  fidl::ClientEnd<Echo> client;
  {
    fidl::ServerBindingGroup<Echo> group;
    group.set_empty_set_handler([this] { emptied_.Signal(); });
    client = Connect(group, &impl_a_, RecordCloses());
    ASSERT_TRUE(Echoes(client, "before"));
  }
  EXPECT_EQ(EpitaphOf(client), ZX_ERR_PEER_CLOSED);
  ASSERT_TRUE(emptied_.Wait());  // the teardown outlives the group
  EXPECT_EQ(closed_.count(), 0);
}

}  // namespace
