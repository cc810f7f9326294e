// A driver-transport server dispatcher for shim tests, and ShimPath: a banjo protocol served as
// FIDL (FooDriverOverBanjo, bound on that dispatcher) and used as banjo again
// (FooBanjoOverDriver) — so a banjo client's calls cross both shims and the driver transport.
#ifndef FDFKIT_TESTS_SHIMS_SHIM_FIXTURE_H_
#define FDFKIT_TESTS_SHIMS_SHIM_FIXTURE_H_

#include <fdfkit/shims/shim_support.h>
#include <lib/fdf/cpp/channel.h>
#include <lib/fdf/env.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/fidl/latch.h"
#include "tests/runtime/runtime_fixture.h"

namespace fdfkit::testing {

// How many file descriptors the process holds: zx handles live in them here.
inline size_t OpenDescriptors() {
  return static_cast<size_t>(std::distance(std::filesystem::directory_iterator("/proc/self/fd"),
                                            std::filesystem::directory_iterator()));
}

// A server shim that signals `destroyed` when it goes: one owned by its binding goes with it.
template <typename Shim>
class CountedShim : public Shim {
 public:
  template <typename Proto>
  CountedShim(const Proto* banjo, Latch* destroyed) : Shim(banjo), destroyed_(destroyed) {}
  ~CountedShim() override { destroyed_->Signal(); }

 private:
  Latch* destroyed_;
};

class ShimTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(ZX_OK, fdf_env_start(0));
    server_dispatcher_ = CreateDispatcher(FakeDriver(1));
  }
  void TearDown() override {
    ShutdownAndDestroy(server_dispatcher_);
    closers_.clear();
    keep_.clear();  // the servers outlive their bindings
    // The banjo servers are gone with the test: what they were kept (interfaces) goes too.
    for (const void* ctx : banjo_servers_) ::fdfkit::shims::ReleaseKeptBy(ctx);
    banjo_servers_.clear();
    RuntimeTest::TearDown();
  }

  // The FIDL server `Server` over `banjo`, bound on the server dispatcher; returns the banjo
  // protocol `Client` makes of the client end.
  // `interface_dispatcher`: where the client shim serves the interfaces its calls pass.
  template <typename P, typename Server, typename Client, typename Proto>
  const Proto* Loop(const Proto* banjo, fdf_dispatcher_t* interface_dispatcher = nullptr) {
    banjo_servers_.push_back(banjo->ctx);
    auto path = std::make_shared<Path<P, Server, Client>>(banjo);
    auto endpoints = fdf::CreateEndpoints<P>();
    EXPECT_TRUE(endpoints.is_ok());
    Latch* unbound = &path->unbound;
    path->binding = fdf::BindServer(server_dispatcher_, std::move(endpoints->server), &path->server,
                                    [unbound](Server*, fidl::UnbindInfo, fdf::ServerEnd<P> end) {
                                      end.reset();  // the client sees the peer closed
                                      unbound->Signal();
                                    });
    // A protocol with events: the banjo server's interface reports on this connection.
    if constexpr (requires { path->server.ServeEvents(*path->binding); }) {
      EXPECT_EQ(path->server.ServeEvents(*path->binding), ZX_OK);
    }
    path->client = std::make_unique<Client>(std::move(endpoints->client), interface_dispatcher);
    keep_.push_back(path);
    closers_.push_back([path] {
      path->binding->Unbind();
      ASSERT_TRUE(path->unbound.Wait());
    });
    return path->client->proto();
  }

  // A client end of `server` (a FIDL server local to the test), bound on the server dispatcher;
  // FinishServing ends the binding.
  template <typename P, typename Server>
  fdf::ClientEnd<P> Serve(Server* server) {
    auto endpoints = fdf::CreateEndpoints<P>();
    EXPECT_TRUE(endpoints.is_ok());
    fdf::BindServer(server_dispatcher_, std::move(endpoints->server), server);
    return std::move(endpoints->client);
  }

  // For a server object local to the test: shuts the server dispatcher down (bindings torn down,
  // their teardown run) before the object goes away, and starts a fresh one (with `options`).
  void FinishServing(uint32_t options = 0) {
    ShutdownAndDestroy(server_dispatcher_);
    server_dispatcher_ = CreateDispatcher(FakeDriver(3), options);
  }

  // Closes every FIDL binding made so far (the server goes away).
  void CloseServers() {
    for (auto& closer : closers_) closer();
  }

  fdf_dispatcher_t* server_dispatcher_ = nullptr;

 private:
  template <typename P, typename Server, typename Client>
  struct Path {
    template <typename Proto>
    explicit Path(const Proto* banjo) : server(banjo) {}
    Server server;
    Latch unbound;
    std::optional<fdf::ServerBindingRef<P>> binding;
    std::unique_ptr<Client> client;
  };
  std::vector<std::shared_ptr<void>> keep_;
  std::vector<const void*> banjo_servers_;
  std::vector<std::function<void()>> closers_;
};

}  // namespace fdfkit::testing

#endif  // FDFKIT_TESTS_SHIMS_SHIM_FIXTURE_H_
