// Baselines the runtime is compared with, measured in the same binary: a banjo-style call through
// a function table, an AF_UNIX SOCK_SEQPACKET round trip between two threads (the kernel channel),
// and a mutex + condition-variable handoff.
#include <benchmark/benchmark.h>
#include <sys/socket.h>
#include <unistd.h>

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

}  // namespace
