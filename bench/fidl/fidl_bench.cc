// FIDL two-way calls over both transports against their baselines, measured in the same run.
//
//   Inline (no runtime threads; the caller is a driver thread, the server's dispatcher belongs to
//   another driver and is idle, so the runtime runs the server's handler on the caller's stack):
//     RawCall_Inline/N                 fdf_channel_call of an N-byte message, echoed (the floor)
//     DriverFidlCall_Inline/mode/N     Gpio.Echo carrying an N-byte vector, zero-copy or linearizing
//   Queued (runtime threads; the caller is a plain thread, the server runs on a pool thread):
//     RawCall_Queued/N, DriverFidlCall_Queued/mode/N
//   Channel transport (zircon channels, server on an fdf dispatcher's pool thread):
//     ChannelFidlCall/N                Echo.EchoString carrying an N-byte string
//
// Every request is built in the call's arena before the timed region: arenas are replaced in
// batches with the timer paused, so the loop measures the call and nothing else. Counters:
// allocs_per_call (malloc calls on every thread, timed region only) and, for the threaded cases,
// process CPU time next to wall time.
#include <benchmark/benchmark.h>
#include <fidl/test.fdfkit/cpp/driver/wire.h>
#include <fidl/test.fdfkit/cpp/wire.h>
#include <lib/fdf/channel.h>
#include <lib/fdf/cpp/channel_read.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fdf/env.h>
#include <lib/fdf/testing.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bench/support/bench_support.h"

namespace {

using fdf::internal::DriverTransportMode;
using test_fdfkit::Echo;
using test_fdfkit::Gpio;

class GpioServer : public fdf::WireServer<Gpio> {
 public:
  void Read(ReadRequestView, fdf::Arena& arena, ReadCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess(0);
  }
  void Write(WriteRequestView, fdf::Arena& arena, WriteCompleter::Sync& c) override {
    c.buffer(arena).Reply();
  }
  void Echo(EchoRequestView request, fdf::Arena& arena, EchoCompleter::Sync& c) override {
    c.buffer(arena).Reply(request->data);
  }
  void Describe(DescribeRequestView, fdf::Arena& arena, DescribeCompleter::Sync& c) override {
    c.buffer(arena).Reply(0);
  }
  void Ping(fdf::Arena&, PingCompleter::Sync&) override {}
  void TakeVmo(TakeVmoRequestView, fdf::Arena& arena, TakeVmoCompleter::Sync& c) override {
    c.buffer(arena).Reply(0);
  }
};

class EchoServer : public fidl::WireServer<Echo> {
 public:
  void EchoString(EchoStringRequestView request, EchoStringCompleter::Sync& c) override {
    c.Reply(request->value);
  }
  void Divide(DivideRequestView, DivideCompleter::Sync& c) override { c.ReplySuccess(0); }
  void Notify(NotifyRequestView, NotifyCompleter::Sync&) override {}
  void Shutdown(ShutdownCompleter::Sync& c) override { c.Reply(); }
  void handle_unknown_method(fidl::UnknownMethodMetadata<Echo>,
                             fidl::UnknownMethodCompleter::Sync&) override {}
};

// Where the server runs and who calls.
enum class Placement { kInline, kQueued };

// The runtime for one benchmark: no threads (inline) or the runtime's pool (queued), a server
// dispatcher owned by driver 3, and for inline calls the benchmark thread entered as driver 4.
class Runtime {
 public:
  explicit Runtime(Placement placement) : placement_(placement) {
    fdf_env_reset();
    if (placement == Placement::kQueued) fdf_env_start(0);
    server_ = fdfkit::bench::CreateDispatcher(fdfkit::bench::Driver(3), 0);
    if (placement == Placement::kInline) fdf_env_register_driver_entry(fdfkit::bench::Driver(4));
  }
  ~Runtime() {
    if (placement_ == Placement::kInline) fdf_env_register_driver_exit();
    fdfkit::bench::TearDown(FDF_HANDLE_INVALID, FDF_HANDLE_INVALID, nullptr, {server_});
    fdf_env_reset();
  }
  fdf_dispatcher_t* server() const { return server_; }
  // Runs queued work (an unbind's teardown) when there are no runtime threads.
  void Settle() {
    if (placement_ == Placement::kInline) fdf_testing_run_until_idle();
  }

 private:
  Placement placement_;
  fdf_dispatcher_t* server_;
};

// The arena calls are made in, and the request built on it. Zero copy leaves the request intact,
// so one request serves a whole batch of calls; each call still grows the arena (message headers,
// the reply, a linearized copy), so the arena is replaced every batch with the timer and the
// allocation counter paused.
template <typename Request>
class ArenaBatches {
 public:
  // `per_call_bytes`: what one call adds to the arena. A batch grows the arena by about 64 KiB, a
  // few blocks, like a driver's per-transaction arena (and no fresh pages to fault in).
  ArenaBatches(size_t per_call_bytes, std::function<Request(fdf::Arena&)> build)
      : build_(std::move(build)),
        batch_(std::clamp<size_t>((64u << 10) / (per_call_bytes + 1), 16, 4096)) {
    Refill();
  }
  Request& Next(benchmark::State& state) {
    if (used_ == batch_) {
      state.PauseTiming();
      fdfkit::bench::SuspendCountingAllocations();
      Refill();
      fdfkit::bench::ResumeCountingAllocations();
      state.ResumeTiming();
    }
    ++used_;
    return *request_;
  }
  fdf::Arena& arena() { return *arena_; }

 private:
  void Refill() {
    request_.reset();
    arena_.reset();
    arena_.emplace('BNCH');
    request_.emplace(build_(*arena_));
    used_ = 0;
  }

  std::function<Request(fdf::Arena&)> build_;
  std::optional<fdf::Arena> arena_;
  std::optional<Request> request_;
  size_t batch_;
  size_t used_ = 0;
};

// Bytes a call adds to its arena: headers and bodies of request and reply, and in the linearizing
// mode both encoded copies.
size_t PerCallArenaBytes(DriverTransportMode mode, size_t payload) {
  return 128 + (mode == DriverTransportMode::kLinearize ? 2 * payload : 0);
}

void ReportAllocations(benchmark::State& state, uint64_t allocations) {
  state.counters["allocs_per_call"] =
      static_cast<double>(allocations) / static_cast<double>(std::max<int64_t>(state.iterations(), 1));
}

// Echoes every message back in the arena it came in.
fdf::ChannelRead EchoRead(fdf_handle_t server) {
  return fdf::ChannelRead(server, 0, [](fdf_dispatcher_t* d, fdf::ChannelRead* self,
                                        zx_status_t s) {
    if (s != ZX_OK) return;
    fdf_arena_t* arena;
    void* data;
    uint32_t n;
    while (fdf_channel_read(self->channel(), 0, &arena, &data, &n, nullptr, nullptr) == ZX_OK) {
      fdf_channel_write(self->channel(), 0, arena, data, n, nullptr, 0);
      fdf_arena_drop_ref(arena);
    }
    self->Begin(d);
  });
}

void RawCall(benchmark::State& state, Placement placement) {
  uint32_t size = static_cast<uint32_t>(state.range(0)) + sizeof(fidl::WireMessageHeader);
  Runtime runtime(placement);
  fdf_handle_t client, server;
  fdf_channel_create(0, &client, &server);
  fdf::ChannelRead read = EchoRead(server);
  read.Begin(runtime.server());
  // The echo replies with the request's own bytes: nothing is allocated per call.
  ArenaBatches<void*> batches(0, [size](fdf::Arena& arena) {
    void* data = arena.Allocate(size);
    std::memset(data, 0, size);
    return data;
  });
  fdfkit::bench::StartCountingAllocations();
  for (auto _ : state) {
    void* data = batches.Next(state);
    fdf_arena_t* reply_arena;
    fdf_channel_call_args_t args{batches.arena().get(), data, size, nullptr, 0, &reply_arena,
                                 nullptr, nullptr, nullptr, nullptr};
    if (fdf_channel_call(client, 0, ZX_TIME_INFINITE, &args) != ZX_OK) {
      state.SkipWithError("call failed");
      break;
    }
    fdf_arena_drop_ref(reply_arena);
  }
  ReportAllocations(state, fdfkit::bench::StopCountingAllocations());
  read.Cancel();
  runtime.Settle();
  fdf_handle_close(client);
  fdf_handle_close(server);
}

void DriverFidlCall(benchmark::State& state, Placement placement, DriverTransportMode mode) {
  fdf::internal::SetDriverTransportMode(mode);
  size_t size = static_cast<size_t>(state.range(0));
  {
    Runtime runtime(placement);
    auto endpoints = fdf::CreateEndpoints<Gpio>();
    GpioServer impl;
    auto binding = fdf::BindServer(runtime.server(), std::move(endpoints->server), &impl);
    fdf::WireSyncClient client(std::move(endpoints->client));
    ArenaBatches<fidl::VectorView<uint8_t>> batches(
        PerCallArenaBytes(mode, size),
        [size](fdf::Arena& arena) { return fidl::VectorView<uint8_t>(arena, size); });
    fdfkit::bench::StartCountingAllocations();
    for (auto _ : state) {
      fidl::VectorView<uint8_t>& data = batches.Next(state);
      auto result = client.buffer(batches.arena())->Echo(data);
      if (!result.ok() || result->data.count() != size) {
        state.SkipWithError("call failed");
        break;
      }
    }
    ReportAllocations(state, fdfkit::bench::StopCountingAllocations());
    binding.Unbind();
    runtime.Settle();
  }
  fdf::internal::SetDriverTransportMode(DriverTransportMode::kZeroCopy);
}

void ChannelFidlCall(benchmark::State& state) {
  size_t size = static_cast<size_t>(state.range(0));
  Runtime runtime(Placement::kQueued);
  auto endpoints = fidl::CreateEndpoints<Echo>();
  EchoServer impl;
  auto binding = fidl::BindServer(fdf_dispatcher_get_async_dispatcher(runtime.server()),
                                  std::move(endpoints->server), &impl);
  fidl::WireSyncClient client(std::move(endpoints->client));
  std::string text(size, 'x');
  fidl::Arena arena;
  fdfkit::bench::StartCountingAllocations();
  for (auto _ : state) {
    auto result = client.buffer(arena)->EchoString(fidl::StringView::FromExternal(text));
    if (!result.ok() || result->value.size() != size) {
      state.SkipWithError("call failed");
      break;
    }
  }
  ReportAllocations(state, fdfkit::bench::StopCountingAllocations());
  binding.Unbind();
}

[[maybe_unused]] const bool registered = [] {
  using benchmark::RegisterBenchmark;
  struct ModeName {
    DriverTransportMode mode;
    const char* name;
  };
  const ModeName modes[] = {{DriverTransportMode::kZeroCopy, "zero_copy"},
                            {DriverTransportMode::kLinearize, "linearize"}};
  RegisterBenchmark("RawCall_Inline", RawCall, Placement::kInline)->Arg(64)->Arg(65536);
  for (const ModeName& m : modes) {
    RegisterBenchmark((std::string("DriverFidlCall_Inline/") + m.name).c_str(), DriverFidlCall,
                      Placement::kInline, m.mode)
        ->Arg(64)
        ->Arg(65536);
  }
  RegisterBenchmark("RawCall_Queued", RawCall, Placement::kQueued)
      ->Arg(64)
      ->UseRealTime()
      ->MeasureProcessCPUTime();
  for (const ModeName& m : modes) {
    RegisterBenchmark((std::string("DriverFidlCall_Queued/") + m.name).c_str(), DriverFidlCall,
                      Placement::kQueued, m.mode)
        ->Arg(64)
        ->Arg(65536)
        ->UseRealTime()
        ->MeasureProcessCPUTime();
  }
  RegisterBenchmark("ChannelFidlCall", ChannelFidlCall)
      ->Arg(64)
      ->Arg(32768)
      ->UseRealTime()
      ->MeasureProcessCPUTime();
  return true;
}();

}  // namespace

BENCHMARK_MAIN();
