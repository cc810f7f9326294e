// 8 drivers in a ring × 4 threads × many messages, with random cancellation of the drivers' reads
// and shutdown midway. Every accepted write is delivered exactly once, or is still queued when the
// ring stops (and is drained then); every node's read ends with exactly one terminal callback.
// Run under ASan (leaks) and TSan (races) in CI.
#include <random>
#include <thread>

#include "tests/runtime/runtime_fixture.h"

namespace {

using fdfkit::testing::FakeDriver;

constexpr int kDrivers = 8;
constexpr int kThreads = 4;

int MessagesPerThread() {
  const char* env = getenv("FDFKIT_STRESS_MESSAGES");
  return env ? atoi(env) : 100000;
}

struct Node {
  fdf_dispatcher_t* dispatcher = nullptr;
  fdf_handle_t in = 0, out = 0;  // in: reads from the previous node; out: writes to the next
  std::unique_ptr<fdfkit::testing::Read> read;
  std::atomic<uint64_t> received{0};
  std::atomic<int> terminal_callbacks{0};
};

class StressTest : public fdfkit::testing::RuntimeTest {};

TEST_F(StressTest, RingWithCancellationAndShutdownMidway) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  std::vector<Node> nodes(kDrivers);
  std::vector<fdf_handle_t> ends(2 * kDrivers);
  for (int i = 0; i < kDrivers; ++i) ASSERT_EQ(ZX_OK, fdf_channel_create(0, &ends[2 * i], &ends[2 * i + 1]));
  const int per_thread = MessagesPerThread();
  // One byte per original message; bit h is set when the copy with h hops left is delivered.
  std::vector<std::atomic<uint8_t>> seen(static_cast<size_t>(kThreads) * per_thread);
  std::atomic<uint64_t> sent{0}, forwarded{0}, dropped{0}, duplicates{0}, cancels{0};
  struct Message {
    uint64_t id;
    uint32_t hops;
  };
  for (int i = 0; i < kDrivers; ++i) {
    Node& n = nodes[i];
    n.dispatcher = CreateDispatcher(FakeDriver(i + 1), i % 2 ? FDF_DISPATCHER_OPTION_UNSYNCHRONIZED : 0);
    n.in = ends[2 * i + 1];
    n.out = ends[(2 * i + 2) % (2 * kDrivers)];
    n.read = std::make_unique<fdfkit::testing::Read>(n.in);
    n.read->on_ready = [&, i](zx_status_t status) {
      Node& self = nodes[i];
      if (status != ZX_OK) {
        // Cancelled by a writer (unsynchronized: the handler sees it) or by shutdown (re-arming
        // is refused then).
        if (fdf_channel_wait_async(self.dispatcher, self.read.get(), 0) != ZX_OK) {
          self.terminal_callbacks++;
        }
        return;
      }
      for (;;) {
        fdf_arena_t* arena;
        void* data;
        uint32_t size;
        zx_status_t s = fdf_channel_read(self.in, 0, &arena, &data, &size, nullptr, nullptr);
        if (s != ZX_OK) break;
        self.received++;
        auto* message = static_cast<Message*>(data);
        uint8_t bit = static_cast<uint8_t>(1u << message->hops);
        if (seen[message->id].fetch_or(bit) & bit) duplicates++;
        if (message->hops > 0) {
          --message->hops;
          if (fdf_channel_write(self.out, 0, arena, data, size, nullptr, 0) == ZX_OK) {
            forwarded++;
          } else {
            dropped++;
          }
        }
        fdf_arena_drop_ref(arena);
      }
      if (fdf_channel_wait_async(self.dispatcher, self.read.get(), 0) != ZX_OK) self.terminal_callbacks++;
    };
    ASSERT_EQ(ZX_OK, fdf_channel_wait_async(n.dispatcher, n.read.get(), 0));
  }

  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      std::mt19937 rng(t);
      fdf_env_register_driver_entry(FakeDriver(40 + t));
      fdf_arena_t* arena;
      fdf_arena_create(0, 'STRS', &arena);
      for (int m = 0; m < per_thread; ++m) {
        int target = static_cast<int>(rng() % kDrivers);
        if (m % 64 == 0) {  // a fresh arena now and then keeps memory bounded
          fdf_arena_drop_ref(arena);
          fdf_arena_create(0, 'STRS', &arena);
        }
        auto* message = static_cast<Message*>(fdf_arena_allocate(arena, sizeof(Message)));
        message->id = static_cast<uint64_t>(t) * per_thread + m;
        message->hops = rng() % 4;
        if (fdf_channel_write(ends[2 * target], 0, arena, message, sizeof(Message), nullptr, 0) ==
            ZX_OK) {
          sent++;
        }
        if (t == 1 && rng() % 256 == 0) {
          // Random cancellation of some driver's pending read.
          int victim = static_cast<int>(rng() % kDrivers);
          Node& n = nodes[victim];
          if (fdf_channel_cancel_wait(n.in) == ZX_OK) {
            cancels++;
            // Synchronized: removed silently, so the canceller re-arms it.
            bool synchronized = victim % 2 == 0;
            if (synchronized && fdf_channel_wait_async(n.dispatcher, n.read.get(), 0) != ZX_OK) {
              n.terminal_callbacks++;
            }
          }
        }
        if (t == 0 && m == per_thread / 2) {
          // Shutdown midway: two drivers go away while traffic flows.
          fdf_dispatcher_shutdown_async(nodes[3].dispatcher);
          fdf_dispatcher_shutdown_async(nodes[6].dispatcher);
        }
      }
      fdf_arena_drop_ref(arena);
      fdf_env_register_driver_exit();
    });
  }
  for (auto& t : writers) t.join();
  for (auto& n : nodes) fdf_dispatcher_shutdown_async(n.dispatcher);
  for (auto& n : nodes) WaitForShutdown(n.dispatcher);

  // Every wait ended with exactly one terminal callback (CANCELED at shutdown, or a refused
  // re-registration).
  for (auto& n : nodes) EXPECT_EQ(n.terminal_callbacks.load(), 1);
  // Exactly once: no copy delivered twice, and every accepted write was either delivered or is
  // still queued in its channel.
  EXPECT_EQ(duplicates.load(), 0u);
  uint64_t received = 0, still_queued = 0;
  for (auto& n : nodes) {
    received += n.received.load();
    fdf_arena_t* arena;
    while (fdf_channel_read(n.in, 0, &arena, nullptr, nullptr, nullptr, nullptr) == ZX_OK) {
      ++still_queued;
      fdf_arena_drop_ref(arena);
    }
  }
  EXPECT_EQ(received + still_queued, sent.load() + forwarded.load());
  EXPECT_EQ(dropped.load(), 0u);
  for (auto& n : nodes) fdf_dispatcher_destroy(n.dispatcher);
  for (fdf_handle_t h : ends) fdf_handle_close(h);
  std::cout << "sent " << sent << " forwarded " << forwarded << " received " << received
            << " still queued " << still_queued << " cancellations " << cancels << "\n";
}

}  // namespace
