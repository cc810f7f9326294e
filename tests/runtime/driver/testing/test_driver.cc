// A driver for the framework's tests, built as a shared object and loaded by a driver host.
// Start: adds a child "child-<node name>" with a property and offers of both services, publishes
// test.driver/EchoService (Zircon channel) and CounterService (driver transport), and records
// what happened where the test can read it (test_driver_events, exported).
// The program entry "fail_start" makes Start fail; "async_start" completes it from a task.
#include <fidl/test.driver/cpp/driver/wire.h>
#include <fidl/test.driver/cpp/wire.h>
#include <lib/async/cpp/task.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>
#include <lib/zx/time.h>

#include <algorithm>
#include <mutex>
#include <string>

#include "tests/runtime/driver/testing/test_servers.h"

namespace {

std::mutex events_mu;
std::string events;

void Record(const std::string& event) {
  std::lock_guard lock(events_mu);
  events += event + ";";
}

class TestDriver : public fdf::DriverBase {
 public:
  TestDriver(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("test-driver", std::move(start_args), std::move(dispatcher)) {}

  void Start(fdf::StartCompleter completer) override {
    Record("start:" + node_name().value_or("?"));
    if (fdf::ProgramValue(program(), "fail_start").is_ok()) {
      completer(zx::error(ZX_ERR_IO));
      return;
    }
    zx::result<> result = Setup();
    if (fdf::ProgramValue(program(), "async_start").is_ok()) {
      // Completed 50 ms later, from a task: a host that answered before the completer ran would
      // answer before "async_start_completed" is recorded.
      async::PostDelayedTask(
          dispatcher(),
          [completer = std::make_shared<fdf::StartCompleter>(std::move(completer)), result] {
            Record("async_start_completed");
            (*completer)(result);
          },
          zx::msec(50).get());
      return;
    }
    completer(result);
  }

  zx::result<> Setup() {
    auto echo = outgoing()->AddService<test_driver::EchoService>(
        test_driver::EchoService::InstanceHandler({.echo = [this](fidl::ServerEnd<test_driver::Echo> end) {
          fidl::BindServer(dispatcher(), std::move(end), &echo_server_);
        }}));
    if (echo.is_error()) return echo.take_error();
    auto counter = outgoing()->AddService<test_driver::CounterService>(
        test_driver::CounterService::InstanceHandler(
            {.counter = [this](fdf::ServerEnd<test_driver::Counter> end) {
              fdf::BindServer(driver_dispatcher()->get(), std::move(end), &counter_server_);
            }}));
    if (counter.is_error()) return counter.take_error();
    fidl::Arena arena;
    fuchsia_driver_framework::wire::NodeProperty properties[] = {
        fdf::MakeProperty(arena, 1u, 0x77u)};
    fuchsia_driver_framework::wire::Offer offers[] = {
        fdf::MakeOffer<test_driver::EchoService>(arena),
        fdf::MakeOffer<test_driver::CounterService>(arena)};
    auto child = AddChild("child-" + node_name().value_or("x"), properties, offers);
    if (child.is_error()) return child.take_error();
    controller_ = std::move(*child);
    Record("child");
    return zx::ok();
  }

  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    Record("prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { Record("stop"); }
  ~TestDriver() override { Record("destroyed"); }

 private:
  fdfkit::driver::testing::EchoServer echo_server_;
  fdfkit::driver::testing::CounterServer counter_server_;
  fidl::ClientEnd<fuchsia_driver_framework::NodeController> controller_;
};

}  // namespace

// Copies the events into the caller's buffer (NUL-terminated, truncated to fit) and returns their
// full length. No thread_local here: a dlclose'd module's dynamic TLS left LeakSanitizer scanning a
// stale range at exit (a crash of its tracer, seen under load in CI).
extern "C" __attribute__((visibility("default"))) size_t test_driver_events(char* buffer,
                                                                            size_t capacity) {
  std::lock_guard lock(events_mu);
  if (capacity > 0) {
    size_t copied = std::min(events.size(), capacity - 1);
    events.copy(buffer, copied);
    buffer[copied] = '\0';
  }
  return events.size();
}

extern "C" __attribute__((visibility("default"))) void test_driver_reset_events() {
  std::lock_guard lock(events_mu);
  events.clear();
}

FUCHSIA_DRIVER_EXPORT(TestDriver);
