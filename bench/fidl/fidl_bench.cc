// FIDL calls over both transports against their baselines, measured in the same run:
//   RawFdfChannelCall/N       fdf_channel_call of an N-byte message (the floor)
//   DriverFidlCall/mode/N     Gpio.Echo with an N-byte vector, zero-copy or linearizing
//   ChannelFidlCall/N         Echo.EchoString with an N-byte string over a zircon channel
// The server of each runs on an fdf dispatcher with the runtime's threads.
#include <benchmark/benchmark.h>
#include <fidl/test.fdfkit/cpp/driver/wire.h>
#include <fidl/test.fdfkit/cpp/wire.h>
#include <lib/fdf/channel.h>
#include <lib/fdf/cpp/channel_read.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fdf/env.h>

#include <cstring>

namespace {

using test_fdfkit::Echo;
using test_fdfkit::Gpio;

fdf_dispatcher_t* Dispatcher() {
  static fdf_dispatcher_t* dispatcher = [] {
    fdf_env_start(0);
    static char driver;
    fdf_dispatcher_t* d = nullptr;
    fdf_env_dispatcher_create_with_owner(&driver, 0, "bench", 5, "", 0, nullptr, &d);
    return d;
  }();
  return dispatcher;
}

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

void RawFdfChannelCall(benchmark::State& state) {
  size_t size = static_cast<size_t>(state.range(0));
  fdf_handle_t client, server;
  fdf_channel_create(0, &client, &server);
  // The server echoes every message back in the arena it came in.
  fdf::ChannelRead read(server, 0, [](fdf_dispatcher_t* d, fdf::ChannelRead* self, zx_status_t s) {
    if (s != ZX_OK) return;
    fdf_arena_t* arena;
    void* data;
    uint32_t n;
    zx_handle_t* handles;
    uint32_t nh;
    while (fdf_channel_read(self->channel(), 0, &arena, &data, &n, &handles, &nh) == ZX_OK) {
      fdf_channel_write(self->channel(), 0, arena, data, n, nullptr, 0);
      fdf_arena_drop_ref(arena);
    }
    self->Begin(d);
  });
  read.Begin(Dispatcher());
  fdf_arena_t* arena;
  fdf_arena_create(0, 'BNCH', &arena);
  for (auto _ : state) {
    void* data = fdf_arena_allocate(arena, size + 16);
    std::memset(data, 0, 16);
    fdf_arena_t* reply_arena;
    void* reply;
    uint32_t n;
    zx_handle_t* handles;
    uint32_t nh;
    fdf_channel_call_args_t args{arena, data, static_cast<uint32_t>(size + 16), nullptr, 0,
                                 &reply_arena, &reply, &n, &handles, &nh};
    fdf_channel_call(client, 0, ZX_TIME_INFINITE, &args);
    fdf_arena_drop_ref(reply_arena);
  }
  read.Cancel();
  fdf_handle_close(client);
  fdf_handle_close(server);
  fdf_arena_drop_ref(arena);
}

void DriverFidlCall(benchmark::State& state, fdf::internal::DriverTransportMode mode) {
  fdf::internal::SetDriverTransportMode(mode);
  size_t size = static_cast<size_t>(state.range(0));
  auto endpoints = fdf::CreateEndpoints<Gpio>();
  static GpioServer impl;
  auto binding = fdf::BindServer(Dispatcher(), std::move(endpoints->server), &impl);
  fdf::WireSyncClient client(std::move(endpoints->client));
  for (auto _ : state) {
    fdf::Arena arena('BNCH');
    fidl::VectorView<uint8_t> data(arena, size);
    auto result = client.buffer(arena)->Echo(data);
    if (!result.ok()) state.SkipWithError("call failed");
  }
  binding.Unbind();
  fdf::internal::SetDriverTransportMode(fdf::internal::DriverTransportMode::kZeroCopy);
}

void ChannelFidlCall(benchmark::State& state) {
  size_t size = static_cast<size_t>(state.range(0));
  auto endpoints = fidl::CreateEndpoints<Echo>();
  static EchoServer impl;
  auto binding = fidl::BindServer(fdf_dispatcher_get_async_dispatcher(Dispatcher()),
                                  std::move(endpoints->server), &impl);
  fidl::WireSyncClient client(std::move(endpoints->client));
  std::string text(size, 'x');
  fidl::Arena arena;
  for (auto _ : state) {
    auto result = client.buffer(arena)->EchoString(fidl::StringView::FromExternal(text));
    if (!result.ok()) state.SkipWithError("call failed");
  }
  binding.Unbind();
}

BENCHMARK(RawFdfChannelCall)->Arg(64)->Arg(65536)->UseRealTime();
BENCHMARK_CAPTURE(DriverFidlCall, zero_copy, fdf::internal::DriverTransportMode::kZeroCopy)
    ->Arg(64)->Arg(65536)->UseRealTime();
BENCHMARK_CAPTURE(DriverFidlCall, linearize, fdf::internal::DriverTransportMode::kLinearize)
    ->Arg(64)->Arg(65000)->UseRealTime();
BENCHMARK(ChannelFidlCall)->Arg(64)->Arg(32768)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
