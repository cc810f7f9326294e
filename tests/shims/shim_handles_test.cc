// Handles in the shapes no corpus protocol has (testdata/test.shimkit): a synchronous @in_out
// struct holding a handle, and an event that moves one. Through both shims the caller's own handle
// stays its own and comes back in place, no duplicate outlives the call, an @in_out array of
// handles is left out, and an event dropped before any interface takes it closes the handle it
// carried.
#include <fidl/test.shimkit/cpp/banjo_shims.h>
#include <gtest/gtest.h>
#include <lib/zx/channel.h>
#include <lib/zx/vmo.h>

#include <sys/stat.h>

#include <filesystem>
#include <mutex>
#include <sstream>
#include <vector>

#include "runtime/zircon/object.h"
#include "tests/shims/shim_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;
using fdfkit::testing::ShimTest;
namespace shimkit = fdfkit::shims::test_shimkit;

// Writes the slot's index into its VMO and tags the slot in place.
class FakeShelf : public ddk::ShelfProtocol<FakeShelf> {
 public:
  shelf_protocol_t proto() { return {&shelf_protocol_ops_, this}; }
  zx_status_t ShelfFill(slot_t* slot) {
    ++calls;
    zx::unowned_vmo vmo(slot->vmo);
    std::string text = "slot " + std::to_string(slot->index);
    if (zx_status_t s = vmo->write(text.c_str(), 0, text.size() + 1); s != ZX_OK) return s;
    slot->tag = 1000 + slot->index;
    return ZX_OK;
  }
  zx_status_t ShelfStack(pile_t* pile) {
    ++calls;
    return ZX_OK;
  }
  int calls = 0;
};

// How many of the process's descriptors refer to the object behind `handle` (a handle here is
// a descriptor; its duplicates are more descriptors of the same file).
size_t DescriptorsOf(zx_handle_t handle) {
  struct stat object;
  if (fstat(fdf_internal::zircon::FdOf(handle), &object) != 0) return 0;
  size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    struct stat other;
    if (stat(entry.path().c_str(), &other) == 0 && other.st_dev == object.st_dev &&
        other.st_ino == object.st_ino) {
      ++count;
    }
  }
  return count;
}

std::string FillScript(const shelf_protocol_t* shelf) {
  std::ostringstream t;
  ddk::ShelfProtocolClient client(shelf);
  for (uint32_t index : {3u, 4u}) {
    zx::vmo vmo;
    EXPECT_EQ(zx::vmo::create(4096, 0, &vmo), ZX_OK);
    slot_t slot{index, vmo.get(), 0};
    zx_status_t status = client.Fill(&slot);
    char data[16] = {};
    t << "fill " << status << " tag=" << slot.tag << " own-vmo=" << (slot.vmo == vmo.get())
      << " content='" << (vmo.read(data, 0, sizeof data) == ZX_OK ? data : "?") << "'\n";
  }
  return t.str();
}

TEST_F(ShimTest, AnInOutStructsHandleStaysTheCallersOwnThroughBothShims) {
  FakeShelf direct_server, shimmed_server;
  shelf_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const shelf_protocol_t* looped =
      Loop<test_shimkit::Shelf, shimkit::ShelfDriverOverBanjo, shimkit::ShelfBanjoOverDriver>(
          &shimmed);
  std::string expected = FillScript(&direct);
  EXPECT_EQ(FillScript(looped), expected);
  // The duplicates that carried the VMO across are all closed again: only the caller's own
  // descriptor of it is left after ten calls. The server shim closes what it borrowed once it
  // replied, on its own thread, so the last one may close just after the call returns.
  zx::vmo vmo;
  ASSERT_EQ(zx::vmo::create(4096, 0, &vmo), ZX_OK);
  for (uint32_t i = 0; i < 10; ++i) {
    slot_t slot{i, vmo.get(), 0};
    EXPECT_EQ(shelf_fill(looped, &slot), ZX_OK);
  }
  EXPECT_TRUE(fdfkit::testing::WaitUntil([&] { return DescriptorsOf(vmo.get()) == 1u; },
                                         std::chrono::seconds(10)))
      << DescriptorsOf(vmo.get()) << " descriptors of the caller's VMO";
  // Where the two differ on purpose: banjo hands a server an invalid handle (which fails using
  // it), the driver transport refuses a required one before any server sees it.
  slot_t bad{5, ZX_HANDLE_INVALID, 0};
  EXPECT_EQ(shelf_fill(&direct, &bad), ZX_ERR_BAD_HANDLE);
  int calls = shimmed_server.calls;
  EXPECT_EQ(shelf_fill(looped, &bad), ZX_ERR_INVALID_ARGS);
  EXPECT_EQ(shimmed_server.calls, calls);
  EXPECT_EQ(bad.tag, 0u);
  // Left out (FDFIDL071): an @in_out array of handles could not come back as the caller's own.
  pile_t pile{};
  EXPECT_EQ(shelf_stack(&direct, &pile), ZX_OK);
  EXPECT_EQ(shelf_stack(looped, &pile), ZX_ERR_NOT_SUPPORTED);
  EXPECT_EQ(shimmed_server.calls, calls);
}

// Keeps every token it is handed and the counts, in order.
class WatcherRecorder : public ddk::StoreWatcherProtocol<WatcherRecorder> {
 public:
  store_watcher_protocol_t proto() { return {&store_watcher_protocol_ops_, this}; }
  void StoreWatcherChanged(zx::channel token, uint32_t count) {
    std::lock_guard lock(mu_);
    counts_.push_back(count);
    token.reset();  // the store sees it taken
  }
  std::vector<uint32_t> counts() {
    std::lock_guard lock(mu_);
    return counts_;
  }

 private:
  std::mutex mu_;
  std::vector<uint32_t> counts_;
};

// Reports each change with a fresh token, whose peer it keeps.
class FakeStore : public ddk::StoreProtocol<FakeStore> {
 public:
  store_protocol_t proto() { return {&store_protocol_ops_, this}; }
  void StoreSetWatcher(const store_watcher_protocol_t* watcher) { watcher_.emplace(watcher); }
  uint32_t StoreCount() { return static_cast<uint32_t>(peers_.size()); }

  void Change() {
    zx::channel token, peer;
    ASSERT_EQ(zx::channel::create(0, &token, &peer), ZX_OK);
    watcher_->Changed(std::move(token), static_cast<uint32_t>(peers_.size()));
    peers_.push_back(std::move(peer));
  }
  // Whether change `i`'s token was closed by now, or (`wait`) within 10 s.
  bool TokenClosed(size_t i, bool wait) {
    zx::time deadline = wait ? zx::deadline_after(zx::sec(10)) : zx::time::infinite_past();
    return peers_[i].wait_one(ZX_CHANNEL_PEER_CLOSED, deadline, nullptr) == ZX_OK;
  }

 private:
  std::optional<ddk::StoreWatcherProtocolClient> watcher_;
  std::vector<zx::channel> peers_;
};

TEST_F(ShimTest, AnEventDroppedBeforeAnyInterfaceClosesTheHandleItMoves) {
  fdf_dispatcher_t* events = CreateDispatcher(FakeDriver(7));
  FakeStore server;
  store_protocol_t banjo = server.proto();
  // Binding the server shim registers its events interface with the store.
  const store_protocol_t* looped =
      Loop<test_shimkit::Store, shimkit::StoreDriverOverBanjo, shimkit::StoreBanjoOverDriver>(
          &banjo, events);
  constexpr size_t kKept = fdfkit::shims::EventRelay<store_watcher_protocol_t>::kMaxPendingEvents;
  for (size_t i = 0; i < kKept + 2; ++i) server.Change();
  // Past what the client shim keeps for a watcher still to come, the events are dropped.
  EXPECT_TRUE(server.TokenClosed(kKept, /*wait=*/true));
  EXPECT_TRUE(server.TokenClosed(kKept + 1, /*wait=*/true));
  EXPECT_FALSE(server.TokenClosed(0, /*wait=*/false));  // kept, with its token
  EXPECT_FALSE(server.TokenClosed(kKept - 1, /*wait=*/false));

  WatcherRecorder recorder;
  store_watcher_protocol_t watcher = recorder.proto();
  ddk::StoreProtocolClient(looped).SetWatcher(watcher.ctx, watcher.ops);
  for (size_t i = 0; i < kKept; ++i) ASSERT_TRUE(server.TokenClosed(i, /*wait=*/true)) << i;
  std::vector<uint32_t> expected(kKept);
  for (size_t i = 0; i < kKept; ++i) expected[i] = static_cast<uint32_t>(i);
  EXPECT_EQ(recorder.counts(), expected);
  EXPECT_EQ(ddk::StoreProtocolClient(looped).Count(), kKept + 2);
  CloseServers();
  ShutdownAndDestroy(events);
}

}  // namespace
