// A driver's incoming namespace against a parent's outgoing directory, in one process as
// co-located drivers are: both transports, the token handshake in every order (connect before the
// parent serves, after, and with the parent gone before the transfer completes), and what an
// open that cannot resolve does to each transport.
#include <fidl/test.driver/cpp/driver/wire.h>
#include <fidl/test.driver/cpp/wire.h>
#include <gtest/gtest.h>
#include <lib/driver/incoming/cpp/namespace.h>
#include <lib/driver/outgoing/cpp/outgoing_directory.h>
#include <lib/fidl_driver/cpp/wire_messaging.h>

#include "tests/runtime/driver/testing/framework_test_support.h"
#include "tests/runtime/driver/testing/test_servers.h"

namespace fdfkit::driver {
namespace {

class NamespaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    parent_ = std::make_unique<testing::TestDispatcher>("parent");
    outgoing_ = std::make_unique<fdf::OutgoingDirectory>(fdf::OutgoingDirectory::Create(parent_->get()));
    ASSERT_TRUE(outgoing_
                    ->AddService<test_driver::EchoService>(test_driver::EchoService::InstanceHandler(
                        {.echo = [this](fidl::ServerEnd<test_driver::Echo> end) {
                          fidl::BindServer(parent_->async(), std::move(end), &echo_);
                        }}))
                    .is_ok());
    ASSERT_TRUE(outgoing_
                    ->AddService<test_driver::CounterService>(
                        test_driver::CounterService::InstanceHandler(
                            {.counter = counters_.CreateHandler(&counter_, parent_->get())}),
                        "second")
                    .is_ok());
    auto directory = fidl::CreateEndpoints<fuchsia_io::Directory>();
    directory_server_ = std::move(directory->server);
    // The child's "/svc" is the parent's "svc", as the manager's router forwards it.
    zx::channel svc_client, svc_server;
    ASSERT_EQ(ZX_OK, zx::channel::create(0, &svc_client, &svc_server));
    ASSERT_TRUE(fidl::WireCall(directory->client)->Open("svc", {}, std::move(svc_server)).ok());
    std::vector<fdf::NamespaceEntry> entries;
    entries.push_back({"/svc", fidl::ClientEnd<fuchsia_io::Directory>(std::move(svc_client))});
    zx::result ns = fdf::Namespace::Create(entries);
    ASSERT_TRUE(ns.is_ok());
    namespace_ = std::move(*ns);
    directory_client_ = std::move(directory->client);
  }
  void Serve() { ASSERT_TRUE(outgoing_->Serve(std::move(directory_server_)).is_ok()); }
  void TearDown() override {
    parent_.reset();  // shuts the parent's dispatcher down first
    outgoing_.reset();
  }

  uint64_t Add(const fdf::ClientEnd<test_driver::Counter>& client, uint32_t n, zx_status_t* status) {
    fdf::Arena arena('TEST');
    auto result = fdf::WireCall(client).buffer(arena)->Add(n);
    *status = result.status();
    return result.ok() ? result->total : 0;
  }

  std::unique_ptr<testing::TestDispatcher> parent_;
  std::unique_ptr<fdf::OutgoingDirectory> outgoing_;
  testing::EchoServer echo_;
  testing::CounterServer counter_;
  fdf::ServerBindingGroup<test_driver::Counter> counters_;
  fidl::ServerEnd<fuchsia_io::Directory> directory_server_;
  fidl::ClientEnd<fuchsia_io::Directory> directory_client_;
  fdf::Namespace namespace_;
};

TEST_F(NamespaceTest, BothTransportsConnectAfterTheParentServes) {
  Serve();
  zx::result echo = namespace_.Connect<test_driver::EchoService::Echo>();
  ASSERT_TRUE(echo.is_ok());
  auto echoed = fidl::WireCall(*echo)->EchoString("hi");
  ASSERT_TRUE(echoed.ok()) << echoed.FormatDescription();
  EXPECT_EQ(echoed->value.get(), "hi");
  zx::result counter = namespace_.Connect<test_driver::CounterService::Counter>("second");
  ASSERT_TRUE(counter.is_ok());
  zx_status_t status;
  EXPECT_EQ(Add(*counter, 2, &status), 2u);
  EXPECT_EQ(status, ZX_OK);
  EXPECT_EQ(Add(*counter, 3, &status), 5u);
}

TEST_F(NamespaceTest, AConnectionMadeBeforeTheParentServesWorksOnceItDoes) {
  zx::result counter = namespace_.Connect<test_driver::CounterService::Counter>("second");
  zx::result echo = namespace_.OpenService<test_driver::EchoService>()->Connect<test_driver::EchoService::Echo>();
  ASSERT_TRUE(counter.is_ok());
  ASSERT_TRUE(echo.is_ok());
  Serve();  // the opens were queued on the directory's channel
  zx_status_t status;
  EXPECT_EQ(Add(*counter, 7, &status), 7u);
  EXPECT_EQ(status, ZX_OK);
  EXPECT_TRUE(fidl::WireCall(*echo)->EchoString("late").ok());
}

TEST_F(NamespaceTest, AParentGoneBeforeItServedLeavesAClosedChannelNotAHang) {
  zx::result counter = namespace_.Connect<test_driver::CounterService::Counter>("second");
  ASSERT_TRUE(counter.is_ok());
  // The open (carrying the token) is still queued when the directory's server end goes: the
  // token closes with it, and so does the channel handed over through it.
  directory_server_.reset();
  zx_status_t status;
  Add(*counter, 1, &status);
  EXPECT_EQ(status, ZX_ERR_PEER_CLOSED);
}

TEST_F(NamespaceTest, AParentThatShutsDownLeavesAClosedChannelNotAHang) {
  zx::result counter = namespace_.Connect<test_driver::CounterService::Counter>("second");
  ASSERT_TRUE(counter.is_ok());
  Serve();
  parent_.reset();  // the parent's dispatcher shuts down: its token registrations are cancelled
  zx_status_t status;
  Add(*counter, 1, &status);
  EXPECT_EQ(status, ZX_ERR_PEER_CLOSED);
}

TEST_F(NamespaceTest, WhatDoesNotResolveIsRefusedOnEitherTransport) {
  Serve();
  // A channel member that does not exist: closed with ZX_ERR_NOT_FOUND.
  zx::result missing = namespace_.Connect<test_driver::EchoService::Echo>("no-such-instance");
  ASSERT_TRUE(missing.is_ok());
  auto result = fidl::WireCall(*missing)->EchoString("x");
  EXPECT_EQ(result.status(), ZX_ERR_NOT_FOUND);
  // A driver-transport member that does not exist: the token is dropped, the channel closes.
  zx::result counter = namespace_.Connect<test_driver::CounterService::Counter>();  // not "second"
  ASSERT_TRUE(counter.is_ok());
  zx_status_t status;
  Add(*counter, 1, &status);
  EXPECT_EQ(status, ZX_ERR_PEER_CLOSED);
  // A channel opened where a driver-transport member lives: the wrong transport.
  zx::channel client = testing::OpenIn(directory_client_, "svc/test.driver.CounterService/second/counter");
  EXPECT_EQ(testing::WaitForEpitaph(client), ZX_ERR_WRONG_TYPE);
  // A path outside every namespace entry.
  zx::channel a, b;
  ASSERT_EQ(ZX_OK, zx::channel::create(0, &a, &b));
  EXPECT_EQ(namespace_.Open("/pkg/data", {}, std::move(b)).status_value(), ZX_ERR_NOT_FOUND);
}

class GreeterServer : public fidl::WireServer<test_driver::Greeter> {
 public:
  void Greet(GreetCompleter::Sync& completer) override { completer.Reply("hello"); }
};

// A /svc that publishes one protocol by its discoverable name (as a component's namespace does).
class GreeterDirectory : public fidl::WireServer<fuchsia_io::Directory> {
 public:
  explicit GreeterDirectory(async_dispatcher_t* dispatcher) : dispatcher_(dispatcher) {}
  void Open(OpenRequestView request, OpenCompleter::Sync&) override {
    opened_.push_back(std::string(request->path.get()));
    if (request->path.get() == "test.driver.Greeter") {
      fidl::BindServer(dispatcher_, fidl::ServerEnd<test_driver::Greeter>(std::move(request->object)),
                       &greeter_);
    }
  }
  const std::vector<std::string>& opened() const { return opened_; }

 private:
  async_dispatcher_t* dispatcher_;
  GreeterServer greeter_;
  std::vector<std::string> opened_;
};

TEST_F(NamespaceTest, ADiscoverableProtocolConnectsByItsNameUnderSvc) {
  static_assert(std::string_view(fidl::DiscoverableProtocolName<test_driver::Greeter>) ==
                "test.driver.Greeter");
  GreeterDirectory directory(parent_->async());
  auto endpoints = fidl::CreateEndpoints<fuchsia_io::Directory>();
  fidl::BindServer(parent_->async(), std::move(endpoints->server), &directory);
  std::vector<fdf::NamespaceEntry> entries;
  entries.push_back({"/svc", std::move(endpoints->client)});
  zx::result ns = fdf::Namespace::Create(entries);
  ASSERT_TRUE(ns.is_ok());
  zx::result by_name = ns->Connect<test_driver::Greeter>();
  ASSERT_TRUE(by_name.is_ok());
  auto greeting = fidl::WireCall(*by_name)->Greet();
  ASSERT_TRUE(greeting.ok()) << greeting.FormatDescription();
  EXPECT_EQ(greeting->text.get(), "hello");
  zx::result by_path = ns->Connect<test_driver::Greeter>("/svc/test.driver.Greeter");
  EXPECT_TRUE(fidl::WireCall(*by_path)->Greet().ok());
  parent_->RunSync([&] {
    EXPECT_EQ(directory.opened(), (std::vector<std::string>{"test.driver.Greeter", "test.driver.Greeter"}));
  });
  parent_.reset();  // before `directory`, which its binding serves
}

TEST_F(NamespaceTest, AChannelProtocolByPathAndServicesListedAndRemoved) {
  Serve();
  zx::result echo =
      namespace_.Connect<test_driver::Echo>("/svc/test.driver.EchoService/default/echo");
  ASSERT_TRUE(echo.is_ok());
  EXPECT_TRUE(fidl::WireCall(*echo)->EchoString("by path").ok());
  // The outgoing directory belongs to the parent's dispatcher: changed there, as a driver would.
  parent_->RunSync([&] {
    EXPECT_EQ(outgoing_->Paths(), (std::vector<std::string>{
                                      "svc/test.driver.CounterService/second/counter",
                                      "svc/test.driver.EchoService/default/echo"}));
    EXPECT_EQ(outgoing_
                  ->AddService<test_driver::EchoService>(
                      test_driver::EchoService::InstanceHandler({.echo = [](auto) {}}))
                  .status_value(),
              ZX_ERR_ALREADY_EXISTS);
    EXPECT_TRUE(outgoing_->RemoveService<test_driver::EchoService>().is_ok());
    EXPECT_EQ(outgoing_->RemoveService<test_driver::EchoService>().status_value(), ZX_ERR_NOT_FOUND);
  });
  zx::result gone = namespace_.Connect<test_driver::EchoService::Echo>();
  EXPECT_EQ(fidl::WireCall(*gone)->EchoString("x").status(), ZX_ERR_NOT_FOUND);
}

}  // namespace
}  // namespace fdfkit::driver
