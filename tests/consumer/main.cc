// Serves and calls both protocols of consumer.demo: Counter over the driver transport, Greeter
// over a zircon channel, both servers on one fdf dispatcher. Exit status 0 when every reply is
// what the servers computed.
#include <fidl/consumer.demo/cpp/driver/wire.h>
#include <fidl/consumer.demo/cpp/wire.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fdf/env.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>

int EveryDeclarationSize();  // every_declaration.cc

namespace {

class Counter : public fdf::WireServer<consumer_demo::Counter> {
 public:
  void Add(AddRequestView request, fdf::Arena& arena, AddCompleter::Sync& completer) override {
    total_ += request->value;
    completer.buffer(arena).Reply(total_);
  }

 private:
  uint32_t total_ = 0;
};

class Greeter : public fidl::WireServer<consumer_demo::Greeter> {
 public:
  void Hello(HelloRequestView request, HelloCompleter::Sync& completer) override {
    std::string greeting = "hello, " + std::string(request->name.get());
    completer.Reply(fidl::StringView::FromExternal(greeting));
  }
};

int Fail(const char* what) {
  std::fprintf(stderr, "consumer: %s\n", what);
  return 1;
}

}  // namespace

int main() {
  if (fdf_env_start(0) != ZX_OK) return Fail("fdf_env_start");
  static char driver;
  std::atomic<bool> shut_down{false};
  struct Observer : fdf_dispatcher_shutdown_observer_t {
    std::atomic<bool>* done;
  } observer{};
  observer.done = &shut_down;
  observer.handler = [](fdf_dispatcher_t*, fdf_dispatcher_shutdown_observer_t* o) {
    static_cast<Observer*>(o)->done->store(true);
  };
  fdf_dispatcher_t* dispatcher = nullptr;
  if (fdf_env_dispatcher_create_with_owner(&driver, 0, "consumer", 8, "", 0, &observer,
                                           &dispatcher) != ZX_OK) {
    return Fail("dispatcher");
  }
  // The servers outlive the dispatcher's shutdown, which ends their bindings.
  Counter counter;
  Greeter greeter;
  int result = 0;
  {
    auto counter_ends = fdf::CreateEndpoints<consumer_demo::Counter>();
    auto counter_binding = fdf::BindServer(dispatcher, std::move(counter_ends->server), &counter);
    fdf::WireSyncClient counter_client(std::move(counter_ends->client));
    uint32_t last = 0;
    for (uint32_t value : {3u, 4u, 5u}) {
      fdf::Arena arena(0x434e534d);  // 'CNSM' (gcc warns on multi-char literals)
      auto reply = counter_client.buffer(arena)->Add(value);
      if (!reply.ok()) return Fail("Counter.Add failed");
      last = reply->total;
    }
    if (last != 12) result = Fail("Counter.Add total is not 12");

    auto greeter_ends = fidl::CreateEndpoints<consumer_demo::Greeter>();
    auto greeter_binding = fidl::BindServer(fdf_dispatcher_get_async_dispatcher(dispatcher),
                                            std::move(greeter_ends->server), &greeter);
    fidl::WireSyncClient greeter_client(std::move(greeter_ends->client));
    auto greeting = greeter_client->Hello("fdfkit");
    if (!greeting.ok()) return Fail("Greeter.Hello failed");
    if (greeting->greeting.get() != "hello, fdfkit") result = Fail("unexpected greeting");
    counter_binding.Unbind();
    greeter_binding.Unbind();
  }
  fdf_dispatcher_shutdown_async(dispatcher);
  while (!shut_down.load()) std::this_thread::yield();
  fdf_dispatcher_destroy(dispatcher);
  if (EveryDeclarationSize() <= 0) result = Fail("test.fdfkit types are empty");
  if (result == 0) std::puts("consumer: Counter and Greeter replied as expected");
  return result;
}
