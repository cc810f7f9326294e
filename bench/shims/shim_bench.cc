// The cost of each shim direction on an inline call (the caller is a driver thread; the server's
// dispatcher belongs to another driver and is idle, so the runtime runs the handler on the
// caller's stack), against its baselines in the same binary — GpioImpl.Read:
//   BanjoDirect        ddk::GpioImplProtocolClient → the banjo server (a function pointer)
//   DriverFidlInline   fdf::WireSyncClient → an fdf::WireServer (the plain inline FIDL call)
//   BanjoOverFidl      ddk client → GpioImplBanjoOverDriver → the same fdf::WireServer
//   FidlOverBanjo      fdf::WireSyncClient → GpioImplDriverOverBanjo → the banjo server
//   BanjoRoundTrip     ddk client → BanjoOverDriver → DriverOverBanjo → the banjo server
// Every FIDL call builds its message on a fresh arena, as a driver's call site does.
// Target (issue 20): BanjoOverFidl ≤ 1.3 × DriverFidlInline.
#include <benchmark/benchmark.h>
#include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>
#include <lib/fdf/env.h>
#include <lib/fdf/testing.h>

#include "bench/support/bench_support.h"

namespace {

namespace shims = fdfkit::shims::fuchsia_hardware_gpioimpl;
using fuchsia_hardware_gpioimpl::GpioImpl;

class BanjoGpio : public ddk::GpioImplProtocol<BanjoGpio> {
 public:
  gpio_impl_protocol_t proto() { return {&gpio_impl_protocol_ops_, this}; }
  zx_status_t GpioImplConfigIn(uint32_t, uint32_t) { return ZX_OK; }
  zx_status_t GpioImplConfigOut(uint32_t, uint8_t) { return ZX_OK; }
  zx_status_t GpioImplSetAltFunction(uint32_t, uint64_t) { return ZX_OK; }
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) {
    *out_value = static_cast<uint8_t>(index);
    return ZX_OK;
  }
  zx_status_t GpioImplWrite(uint32_t, uint8_t) { return ZX_OK; }
  zx_status_t GpioImplGetInterrupt(uint32_t, uint32_t, zx::interrupt*) {
    return ZX_ERR_NOT_SUPPORTED;
  }
  zx_status_t GpioImplReleaseInterrupt(uint32_t) { return ZX_OK; }
  zx_status_t GpioImplSetPolarity(uint32_t, gpio_polarity_t) { return ZX_OK; }
  zx_status_t GpioImplSetDriveStrength(uint32_t, uint64_t, uint64_t*) { return ZX_OK; }
};

class FidlGpio : public fdf::WireServer<GpioImpl> {
 public:
  void ConfigIn(ConfigInRequestView, fdf::Arena& arena, ConfigInCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess();
  }
  void ConfigOut(ConfigOutRequestView, fdf::Arena& arena, ConfigOutCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess();
  }
  void SetAltFunction(SetAltFunctionRequestView, fdf::Arena& arena,
                      SetAltFunctionCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess();
  }
  void Read(ReadRequestView request, fdf::Arena& arena, ReadCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess(static_cast<uint8_t>(request->index));
  }
  void Write(WriteRequestView, fdf::Arena& arena, WriteCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess();
  }
  void GetInterrupt(GetInterruptRequestView, fdf::Arena& arena,
                    GetInterruptCompleter::Sync& c) override {
    c.buffer(arena).ReplyError(ZX_ERR_NOT_SUPPORTED);
  }
  void ReleaseInterrupt(ReleaseInterruptRequestView, fdf::Arena& arena,
                        ReleaseInterruptCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess();
  }
  void SetPolarity(SetPolarityRequestView, fdf::Arena& arena,
                   SetPolarityCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess();
  }
  void SetDriveStrength(SetDriveStrengthRequestView, fdf::Arena& arena,
                        SetDriveStrengthCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess(0);
  }
  void handle_unknown_method(fidl::UnknownMethodMetadata<GpioImpl>,
                             fidl::UnknownMethodCompleter::Sync&) override {}
};

// Inline placement: no runtime threads, a server dispatcher of driver 3, the benchmark thread
// entered as driver 4.
class Inline {
 public:
  Inline() {
    fdf_env_reset();
    server_ = fdfkit::bench::CreateDispatcher(fdfkit::bench::Driver(3), 0);
    fdf_env_register_driver_entry(fdfkit::bench::Driver(4));
  }
  ~Inline() {
    fdf_env_register_driver_exit();
    fdfkit::bench::TearDown(FDF_HANDLE_INVALID, FDF_HANDLE_INVALID, nullptr, {server_});
    fdf_env_reset();
  }
  // A client end served by `server` on the server dispatcher.
  template <typename Server>
  fdf::ClientEnd<GpioImpl> Serve(Server* server) {
    auto endpoints = fdf::CreateEndpoints<GpioImpl>();
    fdf::BindServer(server_, std::move(endpoints->server), server);
    return std::move(endpoints->client);
  }

 private:
  fdf_dispatcher_t* server_;
};

void Check(benchmark::State& state, zx_status_t status, uint8_t value) {
  if (status != ZX_OK || value != 3) state.SkipWithError("wrong reply");
}

// The timed loops: Read(3) through a banjo client, or through a FIDL client on a fresh arena.
void TimeBanjo(benchmark::State& state, const ddk::GpioImplProtocolClient& gpio) {
  uint8_t value = 0;
  zx_status_t status = ZX_OK;
  for (auto _ : state) {
    status = gpio.Read(3, &value);
    benchmark::DoNotOptimize(value);
  }
  Check(state, status, value);
}

void TimeFidl(benchmark::State& state, fdf::ClientEnd<GpioImpl> end) {
  fdf::WireSyncClient<GpioImpl> client(std::move(end));
  uint8_t value = 0;
  zx_status_t status = ZX_OK;
  for (auto _ : state) {
    fdf::Arena arena('GPIO');
    auto result = client.buffer(arena)->Read(3);
    status = !result.ok() ? result.status() : result->is_error() ? result->error_value() : ZX_OK;
    if (status == ZX_OK) value = result->value()->value;
  }
  Check(state, status, value);
}

void BanjoDirect(benchmark::State& state) {
  BanjoGpio server;
  gpio_impl_protocol_t proto = server.proto();
  TimeBanjo(state, ddk::GpioImplProtocolClient(&proto));
}

void DriverFidlInline(benchmark::State& state) {
  FidlGpio server;
  Inline runtime;
  TimeFidl(state, runtime.Serve(&server));
}

void BanjoOverFidl(benchmark::State& state) {
  FidlGpio server;
  Inline runtime;
  shims::GpioImplBanjoOverDriver shim(runtime.Serve(&server));
  TimeBanjo(state, ddk::GpioImplProtocolClient(shim.proto()));
}

void FidlOverBanjo(benchmark::State& state) {
  BanjoGpio banjo;
  gpio_impl_protocol_t proto = banjo.proto();
  shims::GpioImplDriverOverBanjo server(&proto);
  Inline runtime;
  TimeFidl(state, runtime.Serve(&server));
}

void BanjoRoundTrip(benchmark::State& state) {
  BanjoGpio banjo;
  gpio_impl_protocol_t proto = banjo.proto();
  shims::GpioImplDriverOverBanjo server(&proto);
  Inline runtime;
  shims::GpioImplBanjoOverDriver shim(runtime.Serve(&server));
  TimeBanjo(state, ddk::GpioImplProtocolClient(shim.proto()));
}

BENCHMARK(BanjoDirect);
BENCHMARK(DriverFidlInline);
BENCHMARK(BanjoOverFidl);
BENCHMARK(FidlOverBanjo);
BENCHMARK(BanjoRoundTrip);

}  // namespace

BENCHMARK_MAIN();
