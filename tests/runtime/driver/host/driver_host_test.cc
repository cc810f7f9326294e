// The driver host in-process, with the test as its manager: a driver loaded from its shared object
// starts on its own dispatcher with the start arguments, adds a child through its node, serves
// both transports from its outgoing directory, and stops in Fuchsia's order (PrepareStop, the
// dispatchers shut down, Stop, destruction) before the host closes the manager's channel with
// ZX_OK. A failing Start is reported with its status and tears the driver down.
#include <dlfcn.h>
#include <fidl/fuchsia.driver.host/cpp/wire.h>
#include <fidl/test.driver/cpp/driver/wire.h>
#include <fidl/test.driver/cpp/wire.h>
#include <gtest/gtest.h>
#include <lib/async/cpp/task.h>
#include <lib/fdf/cpp/protocol.h>
#include <lib/fidl_driver/cpp/wire_messaging.h>

#include <condition_variable>
#include <memory>
#include <mutex>

#include "runtime/driver/host/driver_host.h"
#include "tests/runtime/driver/testing/framework_test_support.h"

namespace fdfkit::driver {
namespace {

namespace fdfw = fuchsia_driver_framework::wire;
using testing::FakeNode;
using testing::TestDispatcher;

void ResetDriverEvents() {
  if (void* library = dlopen(TEST_DRIVER_PATH, RTLD_NOW | RTLD_NOLOAD)) {
    reinterpret_cast<void (*)()>(dlsym(library, "test_driver_reset_events"))();
    dlclose(library);
  }
}

std::string DriverEvents() {
  void* library = dlopen(TEST_DRIVER_PATH, RTLD_NOW | RTLD_NOLOAD);
  if (!library) return "(not loaded)";
  auto events =
      reinterpret_cast<size_t (*)(char*, size_t)>(dlsym(library, "test_driver_events"));
  std::string text = "(no events)";
  if (events) {
    text.resize(events(nullptr, 0));
    events(text.data(), text.size() + 1);
  }
  dlclose(library);
  return text;
}

class DriverHostTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ResetDriverEvents();
    host_dispatcher_ = std::make_unique<TestDispatcher>("host");
    node_dispatcher_ = std::make_unique<TestDispatcher>("node", /*own_thread=*/true);
    host_ = std::make_unique<DriverHost>(host_dispatcher_->get(), [this] {
      std::lock_guard lock(empty_mu_);
      empty_cv_.notify_all();
    });
    auto endpoints = fidl::CreateEndpoints<fuchsia_driver_host::DriverHost>();
    host_client_ = std::move(endpoints->client);
    fidl::BindServer(host_dispatcher_->async(), std::move(endpoints->server), host_.get());
  }
  void TearDown() override {
    host_client_.reset();
    host_dispatcher_.reset();  // shuts down before the host object goes
    host_.reset();
    node_dispatcher_.reset();
  }

  struct Started {
    zx_status_t status = ZX_ERR_INTERNAL;
    fidl::ClientEnd<fuchsia_driver_host::Driver> driver;
    fidl::ClientEnd<fuchsia_io::Directory> outgoing;
  };
  // Starts the test driver on a node named `node_name` with extra program entries.
  Started Start(const std::string& node_name, std::vector<std::string> flags = {}) {
    Started started;
    fidl::Arena<8192> arena;
    auto node = fidl::CreateEndpoints<fuchsia_driver_framework::Node>();
    fidl::BindServer(node_dispatcher_->async(), std::move(node->server), &fake_node_);
    auto outgoing = fidl::CreateEndpoints<fuchsia_io::Directory>();
    started.outgoing = std::move(outgoing->client);
    std::vector<fdfw::ProgramEntry> program;
    auto entry = [&](const char* key, std::string value) {
      fdfw::ProgramEntry e;
      e.key = fidl::StringView(arena, key);
      e.values = fidl::VectorView<fidl::StringView>(arena, 1);
      e.values[0] = fidl::StringView(arena, value);
      e.is_list = false;
      program.push_back(e);
    };
    entry("binary", TEST_DRIVER_PATH);
    for (const std::string& flag : flags) entry(flag.c_str(), "true");
    auto args = fdfw::DriverStartArgs::Builder(arena)
                    .node(std::move(node->client))
                    .url(arena, "fuchsia-boot:///test_driver#meta/test_driver.cm")
                    .program(arena, program)
                    .outgoing_dir(std::move(outgoing->server))
                    .node_name(arena, node_name)
                    .Build();
    auto driver = fidl::CreateEndpoints<fuchsia_driver_host::Driver>();
    started.driver = std::move(driver->client);
    auto result = fidl::WireCall(*host_client_)->Start(args, std::move(driver->server));
    if (!result.ok()) {
      started.status = result.status();
    } else {
      started.status = result->is_error() ? result->error_value() : ZX_OK;
    }
    return started;
  }

  // Waits (bounded) until the host holds no driver: it says so through on_empty.
  bool WaitForNoDrivers() {
    std::unique_lock lock(empty_mu_);
    return empty_cv_.wait_for(lock, std::chrono::seconds(10),
                              [&] { return host_->driver_count() == 0; });
  }

  std::mutex empty_mu_;
  std::condition_variable empty_cv_;
  FakeNode fake_node_;
  std::unique_ptr<TestDispatcher> host_dispatcher_, node_dispatcher_;
  std::unique_ptr<DriverHost> host_;
  std::optional<fidl::ClientEnd<fuchsia_driver_host::DriverHost>> host_client_;
};

TEST_F(DriverHostTest, ADriverStartsAddsAChildServesBothTransportsAndStopsInOrder) {
  Started started = Start("parent");
  ASSERT_EQ(started.status, ZX_OK);
  ASSERT_EQ(fake_node_.children().size(), 1u);
  EXPECT_EQ(fake_node_.children()[0].name, "child-parent");
  EXPECT_EQ(fake_node_.children()[0].properties, 1u);
  EXPECT_EQ(fake_node_.children()[0].offered_services,
            (std::vector<std::string>{"test.driver.EchoService", "test.driver.CounterService"}));

  // The Zircon-channel member.
  fidl::ClientEnd<test_driver::Echo> echo(
      testing::OpenIn(started.outgoing, "svc/test.driver.EchoService/default/echo"));
  auto echoed = fidl::WireCall(echo)->EchoString("over a channel");
  ASSERT_TRUE(echoed.ok()) << echoed.FormatDescription();
  EXPECT_EQ(echoed->value.get(), "over a channel");

  // The driver-transport member, through the token handshake.
  zx::channel token_client, token_server;
  ASSERT_EQ(zx::channel::create(0, &token_client, &token_server), ZX_OK);
  ASSERT_TRUE(fidl::WireCall(started.outgoing)
                  ->Open("svc/test.driver.CounterService/default/counter",
                         fuchsia_io::wire::OpenFlags::kDriverToken, std::move(token_server))
                  .ok());
  auto pair = fdf::ChannelPair::Create(0);
  ASSERT_TRUE(fdf::ProtocolConnect(std::move(token_client), std::move(pair->end1)).is_ok());
  fdf::ClientEnd<test_driver::Counter> counter(std::move(pair->end0));
  fdf::Arena arena('TEST');
  auto first = fdf::WireCall(counter).buffer(arena)->Add(5);
  ASSERT_TRUE(first.ok()) << first.FormatDescription();
  EXPECT_EQ(first->total, 5u);
  auto second = fdf::WireCall(counter).buffer(arena)->Add(7);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->total, 12u);

  // An unknown path is refused with an epitaph.
  zx::channel missing = testing::OpenIn(started.outgoing, "svc/nope.Service/default/x");
  EXPECT_EQ(testing::WaitForEpitaph(missing), ZX_ERR_NOT_FOUND);

  EXPECT_TRUE(fidl::WireCall(started.driver)->Stop().ok());
  EXPECT_EQ(testing::WaitForEpitaph(started.driver.channel()), ZX_OK);
  EXPECT_EQ(DriverEvents(), "start:parent;child;prepare_stop;stop;destroyed;");
  EXPECT_TRUE(WaitForNoDrivers());
}

TEST_F(DriverHostTest, AFailedStartIsReportedAndTheDriverIsTornDown) {
  Started started = Start("broken", {"fail_start"});
  EXPECT_EQ(started.status, ZX_ERR_IO);
  EXPECT_EQ(testing::WaitForEpitaph(started.driver.channel()), ZX_ERR_IO);
  EXPECT_TRUE(WaitForNoDrivers());
  EXPECT_EQ(DriverEvents(), "start:broken;stop;destroyed;");
  EXPECT_TRUE(fake_node_.children().empty());
}

TEST_F(DriverHostTest, AnAsynchronousStartIsAnsweredOnlyWhenItsCompleterRuns) {
  Started started = Start("late", {"async_start"});
  ASSERT_EQ(started.status, ZX_OK);
  EXPECT_EQ(DriverEvents(), "start:late;child;async_start_completed;");
  EXPECT_EQ(fake_node_.children().size(), 1u);
  EXPECT_TRUE(fidl::WireCall(started.driver)->Stop().ok());
  EXPECT_EQ(testing::WaitForEpitaph(started.driver.channel()), ZX_OK);
}

TEST_F(DriverHostTest, ClosingTheDriverChannelStopsTheDriver) {
  Started started = Start("dropped");
  ASSERT_EQ(started.status, ZX_OK);
  started.driver.reset();
  EXPECT_TRUE(WaitForNoDrivers());
  EXPECT_EQ(DriverEvents(), "start:dropped;child;prepare_stop;stop;destroyed;");
}

TEST_F(DriverHostTest, ABinaryThatIsNotADriverFailsToStart) {
  fidl::Arena<4096> arena;
  fdfw::ProgramEntry entry;
  entry.key = fidl::StringView(arena, "binary");
  entry.values = fidl::VectorView<fidl::StringView>(arena, 1);
  entry.values[0] = fidl::StringView(arena, "/nonexistent/driver.so");
  std::vector<fdfw::ProgramEntry> program = {entry};
  auto args = fdfw::DriverStartArgs::Builder(arena).program(arena, program).Build();
  auto driver = fidl::CreateEndpoints<fuchsia_driver_host::Driver>();
  auto result = fidl::WireCall(*host_client_)->Start(args, std::move(driver->server));
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(result->is_error());
  EXPECT_EQ(result->error_value(), ZX_ERR_NOT_FOUND);
  EXPECT_TRUE(WaitForNoDrivers());
}

}  // namespace
}  // namespace fdfkit::driver
