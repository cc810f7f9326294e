// Fuchsia's dispatchers.cc benchmarks: one synchronized dispatcher owned by a fake driver; each
// operation is served either by the runtime's pool ("Threads") or on the benchmark thread through
// fdf_testing_run_until_idle ("NoThreads"). Fuchsia sets these beside an async::Loop; this port has
// no async loop library, so the condvar and socketpair baselines in baselines_bench.cc stand in.
//  - Task: post a task, wait for it to run.
//  - Wait: begin a wait on an event, signal it, wait for the handler (which clears the signal).
//  - Irq: trigger a bound virtual interrupt, wait for the handler.
//  - ChannelRead: begin a read, write 4096 bytes from the benchmark thread (no driver on its
//    stack, so queued), wait for the handler that reads it.
#include <benchmark/benchmark.h>
#include <lib/async/irq.h>
#include <lib/async/task.h>
#include <lib/async/wait.h>
#include <lib/fdf/env.h>
#include <lib/fdf/testing.h>
#include <lib/zx/event.h>
#include <lib/zx/interrupt.h>

#include "bench/support/bench_support.h"

namespace {

using fdfkit::bench::Completion;

class DispatcherFixture {
 public:
  explicit DispatcherFixture(bool threads) : threads_(threads) {
    fdf_env_reset();
    if (threads_) fdf_env_start(0);
    dispatcher_ = fdfkit::bench::CreateDispatcher(fdfkit::bench::Driver(1), 0);
  }
  ~DispatcherFixture() {
    fdfkit::bench::TearDown(FDF_HANDLE_INVALID, FDF_HANDLE_INVALID, nullptr, {dispatcher_});
    fdf_env_reset();
  }
  async_dispatcher_t* async() const { return fdf_dispatcher_get_async_dispatcher(dispatcher_); }
  fdf_dispatcher_t* get() const { return dispatcher_; }
  // Runs the pending work here when there are no runtime threads, then waits for `target`.
  void Complete(Completion& done, uint64_t target) const {
    if (!threads_) fdf_testing_run_until_idle();
    done.WaitFor(target);
  }

 private:
  bool threads_;
  fdf_dispatcher_t* dispatcher_;
};

struct CountingTask : async_task_t {
  Completion done;
  CountingTask() : async_task_t{} {
    handler = [](async_dispatcher_t*, async_task_t* t, zx_status_t) {
      static_cast<CountingTask*>(t)->done.Add();
    };
  }
};

void Task(benchmark::State& state, bool threads) {
  DispatcherFixture fixture(threads);
  CountingTask task;
  uint64_t target = 0;
  for (auto _ : state) {
    task.state = ASYNC_STATE_INIT;
    task.deadline = async_now(fixture.async());
    async_post_task(fixture.async(), &task);
    fixture.Complete(task.done, ++target);
  }
}

struct ClearingWait : async_wait_t {
  Completion done;
  ClearingWait(zx_handle_t event) : async_wait_t{} {
    object = event;
    trigger = ZX_EVENT_SIGNALED;
    handler = [](async_dispatcher_t*, async_wait_t* w, zx_status_t, const zx_packet_signal_t*) {
      zx_object_signal(w->object, ZX_EVENT_SIGNALED, 0);
      static_cast<ClearingWait*>(w)->done.Add();
    };
  }
};

void Wait(benchmark::State& state, bool threads) {
  DispatcherFixture fixture(threads);
  zx::event event;
  zx::event::create(0, &event);
  ClearingWait wait(event.get());
  uint64_t target = 0;
  for (auto _ : state) {
    wait.state = ASYNC_STATE_INIT;
    async_begin_wait(fixture.async(), &wait);
    event.signal(0, ZX_EVENT_SIGNALED);
    fixture.Complete(wait.done, ++target);
  }
}

struct CountingIrq : async_irq_t {
  Completion done;
  CountingIrq(zx_handle_t interrupt) : async_irq_t{} {
    state = ASYNC_STATE_INIT;
    object = interrupt;
    handler = [](async_dispatcher_t*, async_irq_t* irq, zx_status_t status, const zx_packet_interrupt_t*) {
      if (status == ZX_OK) static_cast<CountingIrq*>(irq)->done.Add();
    };
  }
};

void Irq(benchmark::State& state, bool threads) {
  // Declared before the fixture, so they outlive its teardown: shutting the dispatcher down
  // cancels the binding, which calls the handler with the irq (it crashed, now and then, when
  // the irq was gone by then).
  zx::interrupt interrupt;
  zx::interrupt::create(zx::handle(), 0, ZX_INTERRUPT_VIRTUAL, &interrupt);
  CountingIrq irq(interrupt.get());
  DispatcherFixture fixture(threads);
  async_bind_irq(fixture.async(), &irq);
  uint64_t target = 0;
  for (auto _ : state) {
    interrupt.trigger(0, static_cast<zx_time_t>(target));
    fixture.Complete(irq.done, ++target);
  }
  // Unbinding belongs to the dispatcher's context; shutdown cancels the binding instead.
}

struct OneShotReader : fdf_channel_read_t {
  Completion done;
  OneShotReader(fdf_handle_t ch) : fdf_channel_read_t{} {
    channel = ch;
    handler = [](fdf_dispatcher_t*, fdf_channel_read_t* r, zx_status_t status) {
      if (status != ZX_OK) return;
      fdf_arena_t* arena;
      if (::fdf_channel_read(r->channel, 0, &arena, nullptr, nullptr, nullptr, nullptr) == ZX_OK) {
        fdf_arena_drop_ref(arena);
      }
      static_cast<OneShotReader*>(r)->done.Add();
    };
  }
};

void ChannelRead(benchmark::State& state, bool threads) {
  DispatcherFixture fixture(threads);
  fdf_handle_t writer, reader_end;
  fdf_channel_create(0, &writer, &reader_end);
  fdf_arena_t* arena;
  fdf_arena_create(0, 'BNCH', &arena);
  void* data = fdf_arena_allocate(arena, 4096);
  OneShotReader reader(reader_end);
  uint64_t target = 0;
  for (auto _ : state) {
    reader.state = ASYNC_STATE_INIT;
    fdf_channel_wait_async(fixture.get(), &reader, 0);
    fdf_channel_write(writer, 0, arena, data, 4096, nullptr, 0);
    fixture.Complete(reader.done, ++target);
  }
  fdf_handle_close(writer);
  fdf_handle_close(reader_end);
  fdf_arena_drop_ref(arena);
}

[[maybe_unused]] const bool registered = [] {
  struct Case {
    const char* name;
    void (*run)(benchmark::State&, bool);
  };
  for (Case c : {Case{"Task", Task}, Case{"Wait", Wait}, Case{"Irq", Irq}, Case{"ChannelRead", ChannelRead}}) {
    for (bool threads : {true, false}) {
      std::string name = std::string("Dispatcher/Runtime/") + c.name + (threads ? "/Threads" : "/NoThreads");
      benchmark::RegisterBenchmark(name.c_str(), c.run, threads)->UseRealTime();
    }
  }
  return true;
}();

}  // namespace
