// One-way messages (Fuchsia's OneWay_*): a driver writes `count` messages of `size` bytes to a
// server driver whose handler reads them; one iteration ends when the server has read them all.
// Inline variants run the handler on the writer's stack; AllowSyncCalls forces every message
// through the thread pool. OneWay_Zircon_* is the kernel-channel baseline: a zx channel read by a
// thread blocked in zx_object_wait_one.
#include <benchmark/benchmark.h>
#include <lib/fdf/env.h>
#include <zircon/syscalls.h>

#include <string>
#include <thread>
#include <vector>

#include "bench/support/bench_support.h"

namespace {

using fdfkit::bench::Completion;

void OneWay(benchmark::State& state, uint32_t options, uint32_t count, uint32_t size) {
  fdf_env_reset();
  fdf_env_start(0);
  Completion done;
  fdf_dispatcher_t* server = fdfkit::bench::CreateDispatcher(fdfkit::bench::Driver(1), options);
  fdf_handle_t client_end, server_end;
  fdf_channel_create(0, &client_end, &server_end);
  fdfkit::bench::DrainingReader reader(server_end, &done);
  fdf_channel_wait_async(server, &reader, 0);
  fdf_arena_t* arena;
  fdf_arena_create(0, 'BNCH', &arena);
  std::vector<void*> messages(count);
  for (auto& m : messages) m = fdf_arena_allocate(arena, size);
  fdf_env_register_driver_entry(fdfkit::bench::Driver(2));
  uint64_t target = 0;
  auto send_all = [&] {
    for (void* m : messages) fdf_channel_write(client_end, 0, arena, m, size, nullptr, 0);
    target += count;
    done.WaitFor(target);
  };
  send_all();  // warm up the packet pool
  fdfkit::bench::StartCountingAllocations();
  for (auto _ : state) send_all();
  uint64_t allocations = fdfkit::bench::StopCountingAllocations();
  fdf_env_register_driver_exit();
  state.counters["allocs_per_msg"] =
      static_cast<double>(allocations) / static_cast<double>(state.iterations() * count);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * count);
  fdfkit::bench::TearDown(client_end, server_end, arena, {server});
  fdf_env_reset();
}

void OneWayZircon(benchmark::State& state, uint32_t count, uint32_t size) {
  zx_handle_t writer, reader;
  zx_channel_create(0, &writer, &reader);
  Completion done;
  std::atomic<bool> stop{false};
  std::thread server([&] {
    std::vector<char> buffer(size);
    for (;;) {
      zx_signals_t observed;
      zx_object_wait_one(reader, ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED, ZX_TIME_INFINITE,
                         &observed);
      uint64_t n = 0;
      uint32_t actual_bytes, actual_handles;
      while (zx_channel_read(reader, 0, buffer.data(), nullptr, size, 0, &actual_bytes,
                             &actual_handles) == ZX_OK) {
        ++n;
      }
      if (n) done.Add(n);
      if (stop.load() || !(observed & ZX_CHANNEL_READABLE)) return;
    }
  });
  std::vector<char> message(size, 'x');
  uint64_t target = 0;
  for (auto _ : state) {
    for (uint32_t i = 0; i < count; ++i) {
      while (zx_channel_write(writer, 0, message.data(), size, nullptr, 0) == ZX_ERR_SHOULD_WAIT) {
        zx_object_wait_one(writer, ZX_CHANNEL_WRITABLE, ZX_TIME_INFINITE, nullptr);
      }
    }
    target += count;
    done.WaitFor(target);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * count);
  stop = true;
  zx_handle_close(writer);
  server.join();
  zx_handle_close(reader);
}

[[maybe_unused]] const bool registered = [] {
  struct Variant {
    const char* name;
    uint32_t options;
  };
  for (Variant v : {Variant{"Inline_Synchronized", 0},
                    Variant{"AllowSyncCalls", FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS},
                    Variant{"Inline_Unsynchronized", FDF_DISPATCHER_OPTION_UNSYNCHRONIZED}}) {
    for (uint32_t count : {1u, 1024u}) {
      for (uint32_t size : {64u, 65536u}) {
        std::string name = std::string("OneWay_") + v.name + "_" + std::to_string(count) + "_" +
                           std::to_string(size) + "bytes";
        // Process CPU time: what the pool threads burn shows beside the wall time.
        benchmark::RegisterBenchmark(name.c_str(), OneWay, v.options, count, size)
            ->UseRealTime()
            ->MeasureProcessCPUTime();
      }
    }
  }
  for (uint32_t count : {1u, 1024u}) {
    for (uint32_t size : {64u, 65536u}) {
      std::string name =
          "OneWay_Zircon_" + std::to_string(count) + "_" + std::to_string(size) + "bytes";
      benchmark::RegisterBenchmark(name.c_str(), OneWayZircon, count, size)->UseRealTime();
    }
  }
  return true;
}();

}  // namespace
