// Servers of test.driver's protocols, shared by the test drivers (shared objects) and the tests
// that serve them in-process: Echo answers with what it got; Counter keeps a running total.
#ifndef FDFKIT_TESTS_RUNTIME_DRIVER_TESTING_TEST_SERVERS_H_
#define FDFKIT_TESTS_RUNTIME_DRIVER_TESTING_TEST_SERVERS_H_

#include <fidl/test.driver/cpp/driver/wire.h>
#include <fidl/test.driver/cpp/wire.h>

namespace fdfkit::driver::testing {

class EchoServer : public fidl::WireServer<test_driver::Echo> {
 public:
  void EchoString(EchoStringRequestView request, EchoStringCompleter::Sync& completer) override {
    completer.Reply(request->value);
  }
};

class CounterServer : public fdf::WireServer<test_driver::Counter> {
 public:
  void Add(AddRequestView request, fdf::Arena& arena, AddCompleter::Sync& completer) override {
    total_ += request->n;
    completer.buffer(arena).Reply(total_);
  }

 private:
  uint64_t total_ = 0;
};

}  // namespace fdfkit::driver::testing

#endif  // FDFKIT_TESTS_RUNTIME_DRIVER_TESTING_TEST_SERVERS_H_
