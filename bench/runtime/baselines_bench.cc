// Baselines the runtime is compared with, measured in the same binary: a banjo-style call through
// a function table, an AF_UNIX SOCK_SEQPACKET round trip between two threads (the kernel channel),
// a mutex + condition-variable handoff (both sides sleep), a spinning single-producer /
// single-consumer slot handoff (both sides spin: the floor for a queued message), and an eventfd
// round trip between two blocked threads (the floor for an async wait signalled elsewhere).
#include <benchmark/benchmark.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace {

// ---- Baseline: the banjo call ----
struct GpioOps {
  int (*read)(void* ctx, uint32_t pin, uint8_t* out);
};
__attribute__((noinline)) int GpioRead(void* ctx, uint32_t pin, uint8_t* out) {
  *out = static_cast<uint8_t>(pin + *static_cast<int*>(ctx));
  return 0;
}
void BM_Baseline_BanjoDirectCall(benchmark::State& state) {
  GpioOps ops{&GpioRead};
  GpioOps* volatile table = &ops;
  int ctx = 1;
  uint8_t out;
  for (auto _ : state) {
    benchmark::DoNotOptimize(table->read(&ctx, 3, &out));
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_Baseline_BanjoDirectCall);

// ---- Baseline: the kernel channel (socketpair round trip between two threads) ----
void BM_Baseline_SocketpairRoundTrip(benchmark::State& state) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv);
  size_t size = static_cast<size_t>(state.range(0));
  std::thread echo([&] {
    char buf[65536];
    for (;;) {
      ssize_t n = recv(sv[1], buf, sizeof(buf), 0);
      if (n <= 0) return;
      send(sv[1], buf, static_cast<size_t>(n), 0);
    }
  });
  std::vector<char> msg(size, 'x'), reply(size);
  for (auto _ : state) {
    send(sv[0], msg.data(), size, 0);
    recv(sv[0], reply.data(), size, 0);
  }
  shutdown(sv[0], SHUT_RDWR);
  close(sv[0]);
  echo.join();
  close(sv[1]);
}
BENCHMARK(BM_Baseline_SocketpairRoundTrip)->Arg(64)->UseRealTime();

// ---- Baseline: mutex + condition variable handoff round trip ----
void BM_Baseline_MutexCondvarRoundTrip(benchmark::State& state) {
  std::mutex mu;
  std::condition_variable cv;
  int turn = 0;  // 0: main, 1: echo, -1: stop
  std::thread echo([&] {
    std::unique_lock<std::mutex> lock(mu);
    for (;;) {
      cv.wait(lock, [&] { return turn != 0; });
      if (turn < 0) return;
      turn = 0;
      cv.notify_all();
    }
  });
  for (auto _ : state) {
    std::unique_lock<std::mutex> lock(mu);
    turn = 1;
    cv.notify_all();
    cv.wait(lock, [&] { return turn == 0; });
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    turn = -1;
  }
  cv.notify_all();
  echo.join();
}
BENCHMARK(BM_Baseline_MutexCondvarRoundTrip)->UseRealTime();

// ---- Baseline: spinning SPSC handoff ----
// The producer publishes `count` items one slot at a time; the consumer thread spins on the slot,
// takes each one and acknowledges it; an iteration ends when the producer sees the last
// acknowledgement. The same shape as a queued one-way message of the runtime: hand over, the
// other thread runs it, the sender learns it is done.
void BM_Baseline_SpscSpinHandoff(benchmark::State& state) {
  const auto count = static_cast<uint64_t>(state.range(0));
  alignas(64) std::atomic<uint64_t> published{0};
  alignas(64) std::atomic<uint64_t> taken{0};
  alignas(64) std::atomic<bool> stop{false};
  std::thread consumer([&] {
    uint64_t seen = 0;
    while (!stop.load(std::memory_order_relaxed)) {
      uint64_t now = published.load(std::memory_order_acquire);
      if (now == seen) continue;
      seen = now;
      taken.store(seen, std::memory_order_release);
    }
  });
  uint64_t next = 0;
  for (auto _ : state) {
    for (uint64_t i = 0; i < count; ++i) {
      published.store(++next, std::memory_order_release);
      while (taken.load(std::memory_order_acquire) != next) {
      }
    }
  }
  stop = true;
  consumer.join();
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count));
}
BENCHMARK(BM_Baseline_SpscSpinHandoff)->Arg(1)->Arg(1024)->UseRealTime();

// ---- Baseline: eventfd round trip between two blocked threads ----
void BM_Baseline_EventfdRoundTrip(benchmark::State& state) {
  int ping = eventfd(0, EFD_CLOEXEC), pong = eventfd(0, EFD_CLOEXEC);
  std::atomic<bool> stop{false};
  std::thread echo([&] {
    uint64_t value;
    while (read(ping, &value, sizeof(value)) == sizeof(value) && !stop.load()) {
      uint64_t one = 1;
      (void)!write(pong, &one, sizeof(one));
    }
  });
  uint64_t one = 1, value;
  for (auto _ : state) {
    (void)!write(ping, &one, sizeof(one));
    (void)!read(pong, &value, sizeof(value));
  }
  stop = true;
  (void)!write(ping, &one, sizeof(one));
  echo.join();
  close(ping);
  close(pong);
}
BENCHMARK(BM_Baseline_EventfdRoundTrip)->UseRealTime();

}  // namespace
