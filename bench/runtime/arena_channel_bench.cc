// Single-thread costs: arena allocation and lookup, channel write+read, handle creation
// (Fuchsia's Arena/*, Channel/WriteRead/*, HandleCreate_Channel).
#include <benchmark/benchmark.h>
#include <lib/fdf/arena.h>
#include <lib/fdf/channel.h>

#include <string>
#include <vector>

namespace {

// Arena/AllocFree/<size>bytes. Unlike Fuchsia's (one arena growing for the whole run), the arena
// is replaced every 1024 allocations so the number is the allocation cost, not unbounded growth.
void ArenaAllocFree(benchmark::State& state, size_t size) {
  fdf_arena_t* arena;
  fdf_arena_create(0, 'BNCH', &arena);
  int n = 0;
  for (auto _ : state) {
    void* p = fdf_arena_allocate(arena, size);
    benchmark::DoNotOptimize(p);
    fdf_arena_free(arena, p);
    if (++n == 1024) {
      state.PauseTiming();
      fdf_arena_drop_ref(arena);
      fdf_arena_create(0, 'BNCH', &arena);
      n = 0;
      state.ResumeTiming();
    }
  }
  fdf_arena_drop_ref(arena);
}

// Arena/Contains/<n>blocks: lookup of a 4-byte range among n 4 KiB allocations, round robin.
void ArenaContains(benchmark::State& state, int blocks) {
  fdf_arena_t* arena;
  fdf_arena_create(0, 'BNCH', &arena);
  std::vector<void*> allocations;
  for (int i = 0; i < blocks; ++i) allocations.push_back(fdf_arena_allocate(arena, 4096));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(fdf_arena_contains(arena, allocations[i], 4));
    if (++i == allocations.size()) i = 0;
  }
  fdf_arena_drop_ref(arena);
}

// Channel/WriteRead/<size>bytes/<handles>handles: zero-copy ping-pong of the same buffer (and the
// same handle) on one thread, no dispatcher.
void ChannelWriteRead(benchmark::State& state, uint32_t size, uint32_t num_handles) {
  fdf_handle_t a, b;
  fdf_channel_create(0, &a, &b);
  fdf_arena_t* arena;
  fdf_arena_create(0, 'BNCH', &arena);
  void* data = fdf_arena_allocate(arena, size);
  auto* handles = static_cast<zx_handle_t*>(fdf_arena_allocate(arena, sizeof(zx_handle_t)));
  fdf_handle_t carried_peer = FDF_HANDLE_INVALID;
  if (num_handles) {
    fdf_channel_create(0, &handles[0], &carried_peer);
    fdf_handle_close(carried_peer);
  }
  for (auto _ : state) {
    fdf_channel_write(a, 0, arena, data, size, num_handles ? handles : nullptr, num_handles);
    fdf_arena_drop_ref(arena);
    zx_handle_t* got_handles;
    fdf_channel_read(b, 0, &arena, &data, nullptr, &got_handles, nullptr);
    if (num_handles) handles = got_handles;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * size);
  if (num_handles) fdf_handle_close(handles[0]);
  fdf_arena_drop_ref(arena);
  fdf_handle_close(a);
  fdf_handle_close(b);
}

void HandleCreateChannel(benchmark::State& state) {
  for (auto _ : state) {
    fdf_handle_t a, b;
    fdf_channel_create(0, &a, &b);
    fdf_handle_close(a);
    fdf_handle_close(b);
  }
}

[[maybe_unused]] const bool registered = [] {
  for (size_t size : {32, 64, 1024, 8192, 65536}) {
    benchmark::RegisterBenchmark(("Arena/AllocFree/" + std::to_string(size) + "bytes").c_str(),
                                 ArenaAllocFree, size);
  }
  for (int blocks : {1, 4, 16, 32, 1024}) {
    benchmark::RegisterBenchmark(("Arena/Contains/" + std::to_string(blocks) + "blocks").c_str(),
                                 ArenaContains, blocks);
  }
  for (uint32_t size : {64u, 1024u, 32768u, 65536u}) {
    for (uint32_t handles : {0u, 1u}) {
      std::string name = "Channel/WriteRead/" + std::to_string(size) + "bytes/" +
                         std::to_string(handles) + "handles";
      benchmark::RegisterBenchmark(name.c_str(), ChannelWriteRead, size, handles);
    }
  }
  benchmark::RegisterBenchmark("HandleCreate_Channel", HandleCreateChannel);
  return true;
}();

}  // namespace
