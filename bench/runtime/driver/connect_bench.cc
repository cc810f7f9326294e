// Connecting through a driver's incoming namespace to a service its parent serves, in one
// process as co-located drivers do: a driver-transport member (token handshake: a Zircon token
// opened through the directory, an fdf channel pair, fdf_token_register/transfer joining them) and
// a Zircon-channel member. Each iteration connects and makes one call (the first call is what
// waits for the handshake); the CallOnly rows are the same call on an established connection, in
// the same binary, so Connect's own cost is the difference. In a running board the open also
// crosses the manager process (its router forwards it), which this in-process fixture leaves out.
#include <benchmark/benchmark.h>
#include <fidl/fdfkit.examples/cpp/driver/wire.h>
#include <fidl/fdfkit.examples/cpp/wire.h>
#include <lib/driver/incoming/cpp/namespace.h>
#include <lib/driver/outgoing/cpp/outgoing_directory.h>
#include <lib/fdf/cpp/env.h>
#include <lib/fdf/env.h>

#include <condition_variable>
#include <mutex>

namespace {

namespace examples = fdfkit_examples;

class ClockServer : public fdf::WireServer<examples::Clock> {
 public:
  void Now(fdf::Arena& arena, NowCompleter::Sync& completer) override {
    completer.buffer(arena).Reply(++ticks_);
  }
  void Enable(EnableRequestView, fdf::Arena& arena, EnableCompleter::Sync& completer) override {
    completer.buffer(arena).ReplySuccess();
  }

 private:
  uint64_t ticks_ = 0;
};

class ThermalServer : public fidl::WireServer<examples::Thermal> {
 public:
  void ReadTemperature(ReadTemperatureCompleter::Sync& completer) override { completer.Reply(1); }
};

// A parent driver's dispatcher serving both services, and a child's namespace reaching them.
class Fixture {
 public:
  Fixture() {
    fdf_env_start(0);
    static char owner;
    const char name[] = "parent";
    fdf_env_dispatcher_create_with_owner(&owner, FDF_DISPATCHER_OPTION_SYNCHRONIZED, name,
                                         sizeof name - 1, "", 0, nullptr, &dispatcher_);
    outgoing_ = std::make_unique<fdf::OutgoingDirectory>(fdf::OutgoingDirectory::Create(dispatcher_));
    (void)outgoing_->AddService<examples::ClockService>(examples::ClockService::InstanceHandler(
        {.clock = clock_bindings_.CreateHandler(&clock_, dispatcher_)}));
    async_dispatcher_t* async = fdf_dispatcher_get_async_dispatcher(dispatcher_);
    (void)outgoing_->AddService<examples::ThermalService>(examples::ThermalService::InstanceHandler(
        {.thermal = [this, async](fidl::ServerEnd<examples::Thermal> end) {
          fidl::BindServer(async, std::move(end), &thermal_);
        }}));
    auto directory = fidl::CreateEndpoints<fuchsia_io::Directory>();
    (void)outgoing_->Serve(std::move(directory->server));
    std::vector<fdf::NamespaceEntry> entries;
    // The child's "/svc" is the parent's "svc" (the manager's router is a pass-through here).
    zx::channel svc_client, svc_server;
    zx::channel::create(0, &svc_client, &svc_server);
    (void)fidl::WireCall(directory->client)->Open("svc", {}, std::move(svc_server));
    entries.push_back({"/svc", fidl::ClientEnd<fuchsia_io::Directory>(std::move(svc_client))});
    namespace_ = std::move(*fdf::Namespace::Create(entries));
  }
  const fdf::Namespace& ns() const { return namespace_; }

 private:
  fdf_dispatcher_t* dispatcher_ = nullptr;
  ClockServer clock_;
  ThermalServer thermal_;
  fdf::ServerBindingGroup<examples::Clock> clock_bindings_;
  std::unique_ptr<fdf::OutgoingDirectory> outgoing_;
  fdf::Namespace namespace_;
};

Fixture& Shared() {
  static Fixture* fixture = new Fixture();
  return *fixture;
}

void BM_Connect_DriverTransport(benchmark::State& state) {
  const fdf::Namespace& ns = Shared().ns();
  fdf::Arena arena('BNCH');
  for (auto _ : state) {
    zx::result client = ns.Connect<examples::ClockService::Clock>();
    auto now = fdf::WireCall(*client).buffer(arena)->Now();
    if (!now.ok()) state.SkipWithError("call failed");
  }
}
BENCHMARK(BM_Connect_DriverTransport)->Unit(benchmark::kMicrosecond);

void BM_CallOnly_DriverTransport(benchmark::State& state) {
  const fdf::Namespace& ns = Shared().ns();
  fdf::Arena arena('BNCH');
  zx::result client = ns.Connect<examples::ClockService::Clock>();
  for (auto _ : state) {
    auto now = fdf::WireCall(*client).buffer(arena)->Now();
    if (!now.ok()) state.SkipWithError("call failed");
  }
}
BENCHMARK(BM_CallOnly_DriverTransport)->Unit(benchmark::kMicrosecond);

void BM_Connect_Channel(benchmark::State& state) {
  const fdf::Namespace& ns = Shared().ns();
  for (auto _ : state) {
    zx::result client = ns.Connect<examples::ThermalService::Thermal>();
    auto reading = fidl::WireCall(*client)->ReadTemperature();
    if (!reading.ok()) state.SkipWithError("call failed");
  }
}
BENCHMARK(BM_Connect_Channel)->Unit(benchmark::kMicrosecond);

void BM_CallOnly_Channel(benchmark::State& state) {
  const fdf::Namespace& ns = Shared().ns();
  zx::result client = ns.Connect<examples::ThermalService::Thermal>();
  for (auto _ : state) {
    auto reading = fidl::WireCall(*client)->ReadTemperature();
    if (!reading.ok()) state.SkipWithError("call failed");
  }
}
BENCHMARK(BM_CallOnly_Channel)->Unit(benchmark::kMicrosecond);

}  // namespace
