// Round trips between two drivers.
//  - RoundTrip_ChannelPort_* / IpcThroughput_BasicChannel_* (Fuchsia's names): a task on the
//    client dispatcher writes `count` messages; the server echoes each with the received arena and
//    buffer (zero copy); an iteration ends when both sides have read everything. Synchronized:
//    request inline, echo queued (the client is on the stack). AllowSyncCalls: both hops queued.
//    Unsynchronized: the same hops as Synchronized (the echo is queued because the client driver
//    is on the stack), without the busy check.
//  - TwoWay_InlineCall: fdf_channel_call from a driver thread; the server replies inline.
//  - RoundTrip_QueuedCall: fdf_channel_call from a plain thread; a pool thread echoes.
#include <benchmark/benchmark.h>
#include <lib/async/task.h>
#include <lib/fdf/env.h>
#include <lib/fdf/testing.h>

#include <vector>

#include "bench/support/bench_support.h"

namespace {

using fdfkit::bench::Completion;

// Echoes every message back on the same channel.
struct EchoReader : fdf_channel_read_t {
  Completion* done = nullptr;
  EchoReader(fdf_handle_t ch, Completion* completion) : fdf_channel_read_t{}, done(completion) {
    state = ASYNC_STATE_INIT;
    channel = ch;
    handler = [](fdf_dispatcher_t* d, fdf_channel_read_t* r, zx_status_t status) {
      if (status != ZX_OK) return;
      fdf_arena_t* arena;
      void* data;
      uint32_t n;
      uint64_t echoed = 0;
      while (::fdf_channel_read(r->channel, 0, &arena, &data, &n, nullptr, nullptr) == ZX_OK) {
        fdf_channel_write(r->channel, 0, arena, data, n, nullptr, 0);
        fdf_arena_drop_ref(arena);
        ++echoed;
      }
      fdf_channel_wait_async(d, r, 0);
      if (echoed) static_cast<EchoReader*>(r)->done->Add(echoed);
    };
  }
};

// The client's task: writes every prepared message.
struct WriteAllTask : async_task_t {
  fdf_handle_t channel = 0;
  fdf_arena_t* arena = nullptr;
  std::vector<void*> messages;
  uint32_t size = 0;
  WriteAllTask() : async_task_t{} {
    handler = [](async_dispatcher_t*, async_task_t* t, zx_status_t status) {
      if (status != ZX_OK) return;
      auto* self = static_cast<WriteAllTask*>(t);
      for (void* m : self->messages) {
        fdf_channel_write(self->channel, 0, self->arena, m, self->size, nullptr, 0);
      }
    };
  }
};

void ChannelRoundTrip(benchmark::State& state, uint32_t options, uint32_t count, uint32_t size) {
  fdf_env_reset();
  fdf_env_start(0);
  fdf_dispatcher_t* client = fdfkit::bench::CreateDispatcher(fdfkit::bench::Driver(1), options);
  fdf_dispatcher_t* server = fdfkit::bench::CreateDispatcher(fdfkit::bench::Driver(2), options);
  fdf_handle_t client_end, server_end;
  fdf_channel_create(0, &client_end, &server_end);
  Completion client_done, server_done;
  fdfkit::bench::DrainingReader client_reader(client_end, &client_done);
  EchoReader server_reader(server_end, &server_done);
  fdf_channel_wait_async(client, &client_reader, 0);
  fdf_channel_wait_async(server, &server_reader, 0);
  WriteAllTask task;
  task.channel = client_end;
  fdf_arena_create(0, 'BNCH', &task.arena);
  task.size = size;
  for (uint32_t i = 0; i < count; ++i) task.messages.push_back(fdf_arena_allocate(task.arena, size));
  async_dispatcher_t* client_async = fdf_dispatcher_get_async_dispatcher(client);
  uint64_t target = 0;
  for (auto _ : state) {
    task.state = ASYNC_STATE_INIT;
    task.deadline = async_now(client_async);
    async_post_task(client_async, &task);
    target += count;
    server_done.WaitFor(target);
    client_done.WaitFor(target);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * count);
  fdfkit::bench::TearDown(client_end, server_end, task.arena, {client, server});
  fdf_env_reset();
}

// A synchronized echo server (Driver(3)) and a client arena holding one 64-byte request.
struct CallFixture {
  fdf_dispatcher_t* server;
  fdf_handle_t client_end = 0, server_end = 0;
  Completion echoed;
  EchoReader reader{0, &echoed};
  fdf_arena_t* arena = nullptr;
  void* data = nullptr;

  CallFixture() {
    server = fdfkit::bench::CreateDispatcher(fdfkit::bench::Driver(3), 0);
    fdf_channel_create(0, &client_end, &server_end);
    reader.channel = server_end;
    fdf_channel_wait_async(server, &reader, 0);
    fdf_arena_create(0, 'BNCH', &arena);
    data = fdf_arena_allocate(arena, 64);
  }
  void Call() {
    fdf_arena_t* reply_arena;
    fdf_channel_call_args_t args{arena, data, 64, nullptr, 0, &reply_arena,
                                 nullptr, nullptr, nullptr, nullptr};
    fdf_channel_call(client_end, 0, ZX_TIME_INFINITE, &args);
    fdf_arena_drop_ref(reply_arena);
  }
  ~CallFixture() { fdfkit::bench::TearDown(client_end, server_end, arena, {server}); }
};

void TwoWayInlineCall(benchmark::State& state) {
  fdf_env_reset();
  uint64_t allocations;
  {
    CallFixture fixture;
    fdf_env_register_driver_entry(fdfkit::bench::Driver(4));  // a driver thread with no dispatcher
    fixture.Call();
    fdfkit::bench::StartCountingAllocations();
    for (auto _ : state) fixture.Call();
    allocations = fdfkit::bench::StopCountingAllocations();
    fdf_env_register_driver_exit();
  }
  state.counters["allocs_per_call"] =
      static_cast<double>(allocations) / static_cast<double>(state.iterations());
}

void RoundTripQueuedCall(benchmark::State& state) {
  fdf_env_reset();
  fdf_env_start(0);
  {
    CallFixture fixture;
    for (auto _ : state) fixture.Call();
  }
  fdf_env_reset();
}

[[maybe_unused]] const bool registered = [] {
  struct Case {
    const char* name;
    uint32_t options, count, size;
  };
  for (Case c : {Case{"RoundTrip_ChannelPort_Synchronized", 0, 1, 4},
                 Case{"RoundTrip_ChannelPort_AllowSyncCalls", FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS, 1, 4},
                 Case{"RoundTrip_ChannelPort_Unsynchronized", FDF_DISPATCHER_OPTION_UNSYNCHRONIZED, 1, 4},
                 Case{"IpcThroughput_BasicChannel_1_64kbytes", 0, 1, 65536},
                 Case{"IpcThroughput_BasicChannel_1024_4bytes", 0, 1024, 4},
                 Case{"IpcThroughput_BasicChannel_1024_64kbytes", 0, 1024, 65536}}) {
    benchmark::RegisterBenchmark(c.name, ChannelRoundTrip, c.options, c.count, c.size)
        ->UseRealTime();
  }
  benchmark::RegisterBenchmark("TwoWay_InlineCall", TwoWayInlineCall);
  benchmark::RegisterBenchmark("RoundTrip_QueuedCall", RoundTripQueuedCall)->UseRealTime();
  return true;
}();

}  // namespace

BENCHMARK_MAIN();
