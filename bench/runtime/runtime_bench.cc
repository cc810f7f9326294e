// Runtime microbenchmarks with their baselines in the same binary, so every ratio comes from one
// run: a banjo-style direct call, an AF_UNIX SOCK_SEQPACKET round trip between two threads, and a
// mutex + condition variable handoff. Heap allocations per message are counted by a malloc hook.
#include <benchmark/benchmark.h>
#include <lib/fdf/arena.h>
#include <lib/fdf/channel.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fdf/env.h>
#include <lib/fdf/testing.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <mutex>
#include <thread>

// ---- Allocation counting: a malloc interposer active only while `g_counting` is set. ----
static std::atomic<bool> g_counting{false};
static std::atomic<uint64_t> g_allocations{0};
extern "C" void* __libc_malloc(size_t);
extern "C" void* malloc(size_t size) {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
  return __libc_malloc(size);
}

namespace {

char g_drivers[4];
const void* Driver(int n) { return &g_drivers[n]; }

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

// ---- Arena ----
void BM_Arena_Allocate(benchmark::State& state) {
  size_t size = static_cast<size_t>(state.range(0));
  fdf_arena_t* arena;
  fdf_arena_create(0, 'BNCH', &arena);
  int n = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(fdf_arena_allocate(arena, size));
    if (++n == 1024) {  // bounded arenas: measure allocation, not unbounded growth
      state.PauseTiming();
      fdf_arena_drop_ref(arena);
      fdf_arena_create(0, 'BNCH', &arena);
      n = 0;
      state.ResumeTiming();
    }
  }
  fdf_arena_drop_ref(arena);
}
BENCHMARK(BM_Arena_Allocate)->Arg(64)->Arg(1024)->Arg(65536);

// ---- Channel write + read, single thread, zero copy ----
void BM_Channel_WriteRead(benchmark::State& state) {
  fdf_handle_t a, b;
  fdf_channel_create(0, &a, &b);
  fdf_arena_t* arena;
  fdf_arena_create(0, 'BNCH', &arena);
  uint32_t size = static_cast<uint32_t>(state.range(0));
  void* data = fdf_arena_allocate(arena, size);
  for (auto _ : state) {
    fdf_channel_write(a, 0, arena, data, size, nullptr, 0);
    fdf_arena_t* got;
    void* got_data;
    fdf_channel_read(b, 0, &got, &got_data, nullptr, nullptr, nullptr);
    fdf_arena_drop_ref(got);
  }
  state.SetBytesProcessed(state.iterations() * size);
  fdf_arena_drop_ref(arena);
  fdf_handle_close(a);
  fdf_handle_close(b);
}
BENCHMARK(BM_Channel_WriteRead)->Arg(64)->Arg(65536);

// ---- One-way inline: a driver writes, the peer's handler runs on the writer's stack and reads ----
struct OneWayServer : fdf_channel_read_t {
  fdf_dispatcher_t* dispatcher;
  uint64_t received = 0;
};

void ServerRead(fdf_dispatcher_t* d, fdf_channel_read_t* r, zx_status_t status) {
  auto* self = static_cast<OneWayServer*>(r);
  fdf_arena_t* arena;
  void* data;
  while (fdf_channel_read(self->channel, 0, &arena, &data, nullptr, nullptr, nullptr) == ZX_OK) {
    self->received++;
    fdf_arena_drop_ref(arena);
  }
  fdf_channel_wait_async(d, r, 0);
}

// Closes a benchmark's channel and arena and retires its (unmanaged-mode) server dispatcher.
void TearDownServer(fdf_handle_t client_end, fdf_handle_t server_end, fdf_arena_t* arena,
                    fdf_dispatcher_t* server) {
  fdf_channel_cancel_wait(server_end);
  fdf_handle_close(client_end);
  fdf_handle_close(server_end);
  fdf_arena_drop_ref(arena);
  fdf_dispatcher_shutdown_async(server);
  fdf_testing_run_until_idle();
  fdf_dispatcher_destroy(server);
}

void BM_OneWay_Inline(benchmark::State& state) {
  uint32_t options = static_cast<uint32_t>(state.range(0));
  uint32_t count = static_cast<uint32_t>(state.range(1));
  uint32_t size = static_cast<uint32_t>(state.range(2));
  fdf_env_reset();
  fdf_dispatcher_t* server;
  fdf_env_dispatcher_create_with_owner(Driver(1), options, "server", 6, "", 0, nullptr, &server);
  fdf_handle_t client_end, server_end;
  fdf_channel_create(0, &client_end, &server_end);
  OneWayServer reader{};
  reader.state = ASYNC_STATE_INIT;
  reader.handler = &ServerRead;
  reader.channel = server_end;
  reader.dispatcher = server;
  fdf_channel_wait_async(server, &reader, 0);
  fdf_arena_t* arena;
  fdf_arena_create(0, 'BNCH', &arena);
  void* data = fdf_arena_allocate(arena, size);
  fdf_env_register_driver_entry(Driver(2));
  // Warm up the packet pool, then count allocations over the timed loop.
  fdf_channel_write(client_end, 0, arena, data, size, nullptr, 0);
  g_allocations = 0;
  g_counting = true;
  for (auto _ : state) {
    for (uint32_t i = 0; i < count; ++i) fdf_channel_write(client_end, 0, arena, data, size, nullptr, 0);
  }
  g_counting = false;
  fdf_env_register_driver_exit();
  state.counters["allocs_per_msg"] = benchmark::Counter(
      static_cast<double>(g_allocations.load()) / static_cast<double>(state.iterations() * count));
  state.counters["inline"] = reader.received == state.iterations() * count + 1 ? 1 : 0;
  TearDownServer(client_end, server_end, arena, server);
}
BENCHMARK(BM_OneWay_Inline)
    ->ArgNames({"unsync", "msgs", "bytes"})
    ->Args({0, 1, 64})->Args({0, 1, 65536})->Args({0, 1024, 64})->Args({0, 1024, 65536})
    ->Args({1, 1, 64})->Args({1, 1024, 64});

// ---- Two-way inline call: fdf_channel_call from a plain thread; the server replies inline ----
void EchoRead(fdf_dispatcher_t* d, fdf_channel_read_t* r, zx_status_t status) {
  if (status != ZX_OK) return;
  fdf_arena_t* arena;
  void* data;
  uint32_t n;
  while (fdf_channel_read(r->channel, 0, &arena, &data, &n, nullptr, nullptr) == ZX_OK) {
    fdf_channel_write(r->channel, 0, arena, data, n, nullptr, 0);
    fdf_arena_drop_ref(arena);
  }
  fdf_channel_wait_async(d, r, 0);
}

// A server driver (Driver(1), synchronized) echoing every message on `server_end`, and a client
// arena holding one 64-byte request.
struct EchoServer {
  fdf_dispatcher_t* server = nullptr;
  fdf_handle_t client_end = 0, server_end = 0;
  fdf_channel_read_t reader{};
  fdf_arena_t* arena = nullptr;
  void* data = nullptr;

  EchoServer() {
    fdf_env_dispatcher_create_with_owner(Driver(1), 0, "server", 6, "", 0, nullptr, &server);
    fdf_channel_create(0, &client_end, &server_end);
    reader = {ASYNC_STATE_INIT, &EchoRead, server_end, 0};
    fdf_channel_wait_async(server, &reader, 0);
    fdf_arena_create(0, 'BNCH', &arena);
    data = fdf_arena_allocate(arena, 64);
  }
  // One request/reply through fdf_channel_call.
  void Call() const {
    fdf_arena_t* rd_arena;
    fdf_channel_call_args_t args{arena, data, 64, nullptr, 0, &rd_arena, nullptr, nullptr, nullptr, nullptr};
    fdf_channel_call(client_end, 0, ZX_TIME_INFINITE, &args);
    fdf_arena_drop_ref(rd_arena);
  }
  // Closes the channel and arena and starts the dispatcher's shutdown.
  void Close() {
    fdf_channel_cancel_wait(server_end);
    fdf_handle_close(client_end);
    fdf_handle_close(server_end);
    fdf_arena_drop_ref(arena);
    fdf_dispatcher_shutdown_async(server);
  }
};

void BM_TwoWay_InlineCall(benchmark::State& state) {
  fdf_env_reset();
  EchoServer echo;
  fdf_env_register_driver_entry(Driver(2));  // a driver thread without a dispatcher may block
  g_allocations = 0;
  g_counting = true;
  for (auto _ : state) echo.Call();
  g_counting = false;
  fdf_env_register_driver_exit();
  state.counters["allocs_per_call"] =
      benchmark::Counter(static_cast<double>(g_allocations.load()) / static_cast<double>(state.iterations()));
  echo.Close();
  fdf_testing_run_until_idle();
  fdf_dispatcher_destroy(echo.server);
}
BENCHMARK(BM_TwoWay_InlineCall);

// ---- Queued cross-thread round trip: a plain thread writes (never inline), a pool thread echoes ----
void BM_RoundTrip_Queued(benchmark::State& state) {
  fdf_env_reset();
  fdf_env_start(0);
  EchoServer echo;
  for (auto _ : state) echo.Call();
  echo.Close();
  fdf_testing_wait_until_all_dispatchers_idle();
  fdf_env_reset();
  fdf_testing_run_until_idle();
  fdf_dispatcher_destroy(echo.server);
}
BENCHMARK(BM_RoundTrip_Queued)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
