// A Gpio server bound on its own dispatcher (driver 1) with the runtime's threads running, a
// client dispatcher (driver 2), and the client end; on_unbound records its reason once.
#ifndef FDFKIT_TESTS_FIDL_GPIO_BINDING_FIXTURE_H_
#define FDFKIT_TESTS_FIDL_GPIO_BINDING_FIXTURE_H_

#include <fidl/test.fdfkit/cpp/driver/wire.h>
#include <lib/fdf/env.h>

#include <atomic>
#include <optional>

#include "tests/fidl/latch.h"
#include "tests/runtime/runtime_fixture.h"

namespace fdfkit::testing {

template <typename Server>
class GpioBindingFixture : public fdfkit::testing::RuntimeTest {
 protected:
  using Gpio = test_fdfkit::Gpio;

  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(ZX_OK, fdf_env_start(0));
    server_dispatcher_ = CreateDispatcher(fdfkit::testing::FakeDriver(1));
    client_dispatcher_ = CreateDispatcher(fdfkit::testing::FakeDriver(2));
    auto endpoints = fdf::CreateEndpoints<Gpio>();
    ASSERT_TRUE(endpoints.is_ok());
    client_end_ = std::move(endpoints->client);
    binding_ = fdf::BindServer(server_dispatcher_, std::move(endpoints->server), &server_,
                               [this](Server*, fidl::UnbindInfo info, fdf::ServerEnd<Gpio>) {
                                 unbind_reason_ = info.reason();
                                 unbound_.Signal();
                               });
  }
  void TearDown() override {
    client_end_.reset();
    ShutdownAndDestroy(client_dispatcher_);
    ShutdownAndDestroy(server_dispatcher_);
    RuntimeTest::TearDown();
  }

  Server server_;
  fdf_dispatcher_t* server_dispatcher_ = nullptr;
  fdf_dispatcher_t* client_dispatcher_ = nullptr;
  fdf::ClientEnd<Gpio> client_end_;
  std::optional<fdf::ServerBindingRef<Gpio>> binding_;
  Latch unbound_;
  std::atomic<fidl::Reason> unbind_reason_{};
};

}  // namespace fdfkit::testing

#endif  // FDFKIT_TESTS_FIDL_GPIO_BINDING_FIXTURE_H_
