// The run-time pieces generated shims share (fdfkit/shims/shim_support.h): what banjo servers
// are kept (KeepForServer, KeptForServer, ReleaseKeptBy) and the relay that holds driver-transport
// events until a banjo interface is registered (EventRelay).
#include <fdfkit/shims/shim_support.h>
#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

#include "tests/shims/shim_fixture.h"

namespace {

using fdfkit::shims::EventRelay;
using fdfkit::testing::FakeDriver;
using fdfkit::testing::Latch;
using fdfkit::testing::ShimTest;

// Counts its destruction, so a test sees when a kept value is released.
struct Tracked {
  explicit Tracked(int* released) : released(released) {}
  ~Tracked() { ++*released; }
  int* released;
};

// A server may keep several interfaces from one method (a listener list): none is released
// before the server is.
TEST(KeptByServersTest, AServerKeepsEveryValueUntilItIsReleased) {
  int server = 0;
  int first_released = 0, second_released = 0;
  fdfkit::shims::KeepForServer(&server, std::make_shared<Tracked>(&first_released));
  fdfkit::shims::KeepForServer(&server, std::make_shared<Tracked>(&second_released));
  EXPECT_EQ(first_released, 0);
  EXPECT_EQ(second_released, 0);
  fdfkit::shims::ReleaseKeptBy(&server);
  EXPECT_EQ(first_released, 1);
  EXPECT_EQ(second_released, 1);
}

TEST(KeptByServersTest, ReleaseKeptByReleasesOnlyThatServersValues) {
  int a = 0, b = 0;
  int a_released = 0, a_other_released = 0, b_released = 0;
  fdfkit::shims::KeepForServer(&a, std::make_shared<Tracked>(&a_released));
  // What a server keeps one of, by slot, goes with it too.
  fdfkit::shims::KeptForServer<Tracked>(
      &a, "events", [&] { return std::make_shared<Tracked>(&a_other_released); });
  fdfkit::shims::KeepForServer(&b, std::make_shared<Tracked>(&b_released));
  fdfkit::shims::ReleaseKeptBy(&a);
  EXPECT_EQ(a_released, 1);
  EXPECT_EQ(a_other_released, 1);
  EXPECT_EQ(b_released, 0);
  fdfkit::shims::ReleaseKeptBy(&b);
  EXPECT_EQ(b_released, 1);
}

TEST(KeptByServersTest, KeptForServerMakesOnceAndReturnsTheSameValueAfter) {
  int server = 0;
  int made = 0, released = 0;
  auto make = [&] {
    ++made;
    return std::make_shared<Tracked>(&released);
  };
  Tracked* first = fdfkit::shims::KeptForServer<Tracked>(&server, "events", make).get();
  Tracked* again = fdfkit::shims::KeptForServer<Tracked>(&server, "events", make).get();
  EXPECT_EQ(first, again);
  EXPECT_EQ(made, 1);
  fdfkit::shims::ReleaseKeptBy(&server);
  EXPECT_EQ(released, 1);
}

// A banjo interface stand-in: the relay copies it by value, as it does a foo_protocol_t.
struct Interface {
  int tag;
};

// What the relay's calls did: "<tag>:<event>" when delivered, "dropped:<event>" when not.
class RelayLog {
 public:
  EventRelay<Interface>::Call Event(int id) {
    return [this, id](const Interface* target) {
      std::lock_guard lock(mu_);
      lines_.push_back((target ? std::to_string(target->tag) : std::string("dropped")) + ":" +
                       std::to_string(id));
      calls_.Signal();
    };
  }
  std::vector<std::string> WaitFor(int count) {
    EXPECT_TRUE(calls_.Wait(count));
    std::lock_guard lock(mu_);
    return lines_;
  }

 private:
  std::mutex mu_;
  std::vector<std::string> lines_;
  Latch calls_;
};

class EventRelayTest : public ShimTest {
 protected:
  void SetUp() override {
    ShimTest::SetUp();
    dispatcher_ = CreateDispatcher(FakeDriver(6));
  }
  void TearDown() override {
    ShutdownAndDestroy(dispatcher_);
    ShimTest::TearDown();
  }
  fdf_dispatcher_t* dispatcher_ = nullptr;
};

// Past the limit the events arriving are dropped, not the first ones (the state a client needs
// first); the kept ones reach the interface in order once it is registered.
TEST_F(EventRelayTest, PastItsLimitTheRelayDropsTheNewEventsAndKeepsTheFirst) {
  constexpr int kLimit = static_cast<int>(EventRelay<Interface>::kMaxPendingEvents);
  RelayLog log;
  EventRelay<Interface> relay(dispatcher_);
  for (int id = 0; id < kLimit + 2; ++id) relay.Deliver(fdf::Arena('TEST'), log.Event(id));
  std::vector<std::string> before = log.WaitFor(2);
  EXPECT_EQ(before, (std::vector<std::string>{"dropped:" + std::to_string(kLimit),
                                              "dropped:" + std::to_string(kLimit + 1)}));
  Interface interface{7};
  relay.Register(&interface);
  std::vector<std::string> after = log.WaitFor(kLimit + 2);
  ASSERT_EQ(after.size(), static_cast<size_t>(kLimit + 2));
  for (int id = 0; id < kLimit; ++id) EXPECT_EQ(after[id + 2], "7:" + std::to_string(id));
}

TEST_F(EventRelayTest, AClosedRelayDropsWhatItKeptAndEveryLaterEvent) {
  RelayLog log;
  EventRelay<Interface> relay(dispatcher_);
  relay.Deliver(fdf::Arena('TEST'), log.Event(1));
  relay.Deliver(fdf::Arena('TEST'), log.Event(2));
  relay.Close();
  EXPECT_EQ(log.WaitFor(2), (std::vector<std::string>{"dropped:1", "dropped:2"}));
  Interface interface{7};
  relay.Register(&interface);  // too late: nothing reaches it
  relay.Deliver(fdf::Arena('TEST'), log.Event(3));
  EXPECT_EQ(log.WaitFor(3), (std::vector<std::string>{"dropped:1", "dropped:2", "dropped:3"}));
}

}  // namespace
